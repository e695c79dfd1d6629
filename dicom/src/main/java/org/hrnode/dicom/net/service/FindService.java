package org.hrnode.dicom.net.service;

import java.io.IOException;
import java.util.Iterator;
import java.util.stream.Stream;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.TransferSyntax;
import org.hrnode.dicom.net.dimse.Cancellation;
import org.hrnode.dicom.net.dimse.DataWriter;
import org.hrnode.dicom.net.dimse.DicomServiceException;
import org.hrnode.dicom.net.dimse.DimseChannel;
import org.hrnode.dicom.net.dimse.DimseCommand;
import org.hrnode.dicom.net.dimse.Status;
import org.hrnode.dicom.net.ul.PDVInputStream;
import org.hrnode.dicom.net.ul.PresentationContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * C-FIND SCP (PS3.4 C.4.1): runs the {@link FindHandler} off the reader thread, sends one Pending response per
 * match as it is produced, and stops with Cancel (FE00H) at the first match after a C-CANCEL.
 */
final class FindService implements DimseService {

    private static final Logger LOG = LoggerFactory.getLogger(FindService.class);

    private final FindHandler handler;

    FindService(FindHandler handler) {
        this.handler = handler;
    }

    @Override
    public void handle(DimseChannel channel, PresentationContext context, DimseCommand request,
            PDVInputStream dataSet) throws IOException {
        QueryServices.start(channel, context, request, dataSet,
                (keys, cancellation) -> run(channel, context, request, keys, cancellation));
    }

    private void run(DimseChannel channel, PresentationContext context, DimseCommand request, Dataset keys,
            Cancellation cancellation) {
        FindRequest find = new FindRequest(AssociationInfo.of(channel.association()), context.abstractSyntax(), keys,
                request.messageId(), request.priority(), cancellation);
        TransferSyntax ts = TransferSyntax.orDefault(context.transferSyntax());
        int matches = 0;
        try (Stream<Dataset> results = handler.find(find)) {
            Iterator<Dataset> it = results.iterator();
            Status status = Status.SUCCESS;
            while (true) {
                if (cancellation.isCancelled()) {
                    status = Status.CANCEL;
                    break;
                }
                if (!it.hasNext()) {
                    break;
                }
                Dataset match = it.next();
                if (cancellation.isCancelled()) {
                    status = Status.CANCEL;
                    break;
                }
                channel.send(context.id(), DimseCommand.response(request, Status.PENDING, true),
                        DataWriter.of(match, ts));
                matches++;
            }
            channel.send(context.id(), DimseCommand.response(request, status, false), null);
            LOG.info("{} C-FIND model={} matches={} status={}", channel.name(), context.abstractSyntax(), matches,
                    String.format("%04XH", status.code()));
        } catch (DicomServiceException | RuntimeException e) {
            sendFailure(channel, context, request, e);
        } catch (IOException e) {
            LOG.debug("{} C-FIND ended with the association: {}", channel.name(), e.toString());
        }
    }

    private static void sendFailure(DimseChannel channel, PresentationContext context, DimseCommand request,
            Exception e) {
        try {
            QueryServices.respondFailure(channel, context, request, e);
        } catch (IOException sendFailed) {
            LOG.debug("{} could not report the C-FIND failure: {}", channel.name(), sendFailed.toString());
        }
    }
}
