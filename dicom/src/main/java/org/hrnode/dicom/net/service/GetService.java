package org.hrnode.dicom.net.service;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.net.dimse.Cancellation;
import org.hrnode.dicom.net.dimse.DicomServiceException;
import org.hrnode.dicom.net.dimse.DimseChannel;
import org.hrnode.dicom.net.dimse.DimseCommand;
import org.hrnode.dicom.net.dimse.Status;
import org.hrnode.dicom.net.ul.PDVInputStream;
import org.hrnode.dicom.net.ul.PresentationContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * C-GET SCP (PS3.4 C.4.3): sends the instances by C-STORE on the same association, which requires the requestor
 * to have been accepted as SCP of their storage SOP classes (role selection); an instance without such a context
 * is a failed sub-operation. The C-STORE responses come back through the reader thread while this runs on its own.
 */
final class GetService implements DimseService {

    private static final Logger LOG = LoggerFactory.getLogger(GetService.class);

    private final RetrieveHandler handler;

    GetService(RetrieveHandler handler) {
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
        try {
            RetrieveRequest retrieve = new RetrieveRequest(AssociationInfo.of(channel.association()),
                    context.abstractSyntax(), keys, request.messageId(), request.priority(), Optional.empty(),
                    cancellation);
            List<RetrieveInstance> instances = handler.instances(retrieve);
            RetrieveOperation operation = new RetrieveOperation(channel, context, request, instances.size());
            boolean cancelled = false;
            for (int i = 0; i < instances.size(); i++) {
                if (cancellation.isCancelled()) {
                    cancelled = true;
                    break;
                }
                operation.record(StoreSCU.store(channel, instances.get(i)));
                if (i + 1 < instances.size()) {
                    operation.sendPending();
                }
            }
            operation.sendFinal(cancelled, Status.OUT_OF_RESOURCES_UNABLE_TO_PERFORM_SUB_OPERATIONS,
                    operation.failed() > 0 ? "sub-operations failed" : null);
            LOG.info("{} C-GET of {} instances: {} failed{}", channel.name(), instances.size(), operation.failed(),
                    cancelled ? ", cancelled" : "");
        } catch (DicomServiceException | RuntimeException e) {
            try {
                QueryServices.respondFailure(channel, context, request, e);
            } catch (IOException sendFailed) {
                LOG.debug("{} could not report the C-GET failure: {}", channel.name(), sendFailed.toString());
            }
        } catch (IOException e) {
            LOG.debug("{} C-GET ended with the association: {}", channel.name(), e.toString());
        }
    }
}
