package org.hrnode.dicom.net.dimse;

import java.io.IOException;
import org.hrnode.dicom.net.ul.PDVInputStream;
import org.hrnode.dicom.net.ul.PresentationContext;

/**
 * Performs the requests a peer sends (the SCP side). Called on the association's reader thread once the command
 * is complete, with the data set still streaming; whatever of it the handler leaves unread is skipped afterwards.
 * Work that takes long or needs the reader meanwhile (C-FIND, C-MOVE, C-GET) goes to
 * {@link DimseChannel#startOperation}.
 */
@FunctionalInterface
public interface DimseRequestHandler {

    /** Answers every request, once its data set is read, with Unrecognized Operation: for invoke-only associations. */
    DimseRequestHandler NONE = (channel, context, request, dataSet) -> {
        if (dataSet != null) {
            dataSet.skipAll();
        }
        channel.send(context.id(), DimseCommand.response(request, Status.UNRECOGNIZED_OPERATION, false), null);
    };

    /**
     * @param dataSet the request's data set as it arrives, or null when it has none
     * @throws IOException the association failed; it is aborted
     */
    void onRequest(DimseChannel channel, PresentationContext context, DimseCommand request, PDVInputStream dataSet)
            throws IOException;
}
