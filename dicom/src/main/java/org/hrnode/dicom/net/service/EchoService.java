package org.hrnode.dicom.net.service;

import java.io.IOException;
import org.hrnode.dicom.net.dimse.DimseChannel;
import org.hrnode.dicom.net.dimse.DimseCommand;
import org.hrnode.dicom.net.dimse.Status;
import org.hrnode.dicom.net.ul.PDVInputStream;
import org.hrnode.dicom.net.ul.PresentationContext;

/** C-ECHO SCP (PS3.4 Annex A): answers Success. */
final class EchoService implements DimseService {

    static final EchoService INSTANCE = new EchoService();

    private EchoService() {
    }

    @Override
    public void handle(DimseChannel channel, PresentationContext context, DimseCommand request,
            PDVInputStream dataSet) throws IOException {
        channel.send(context.id(), DimseCommand.response(request, Status.SUCCESS, false), null);
    }
}
