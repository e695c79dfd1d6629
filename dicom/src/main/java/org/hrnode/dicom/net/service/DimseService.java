package org.hrnode.dicom.net.service;

import java.io.IOException;
import org.hrnode.dicom.net.dimse.DimseChannel;
import org.hrnode.dicom.net.dimse.DimseCommand;
import org.hrnode.dicom.net.ul.PDVInputStream;
import org.hrnode.dicom.net.ul.PresentationContext;

/** Performs one kind of DIMSE request (C-STORE, C-FIND, …) for the SOP classes it is registered for. */
@FunctionalInterface
public interface DimseService {

    /**
     * Called on the association's reader thread, the role and SOP class already checked by {@link ServiceRegistry}.
     *
     * @param dataSet the request's data set as it arrives, or null
     */
    void handle(DimseChannel channel, PresentationContext context, DimseCommand request, PDVInputStream dataSet)
            throws IOException;
}
