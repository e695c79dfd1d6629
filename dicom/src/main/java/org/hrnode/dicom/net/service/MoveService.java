package org.hrnode.dicom.net.service;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.net.dimse.Cancellation;
import org.hrnode.dicom.net.dimse.DicomServiceException;
import org.hrnode.dicom.net.dimse.DimseChannel;
import org.hrnode.dicom.net.dimse.DimseCommand;
import org.hrnode.dicom.net.dimse.DimseRequestHandler;
import org.hrnode.dicom.net.dimse.Status;
import org.hrnode.dicom.net.ul.AssociationRejectedException;
import org.hrnode.dicom.net.ul.AssociationRequestBuilder;
import org.hrnode.dicom.net.ul.AssociationRequestor;
import org.hrnode.dicom.net.ul.PDVInputStream;
import org.hrnode.dicom.net.ul.PresentationContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * C-MOVE SCP (PS3.4 C.4.2): resolves the destination (unknown → A801H), the instances, then opens a new
 * association to the destination — calling AE title: the AE title the requestor called — and sends each instance
 * by C-STORE with the Move Originator fields set, reporting progress in Pending responses. A C-CANCEL stops it
 * between sub-operations.
 */
final class MoveService implements DimseService {

    private static final Logger LOG = LoggerFactory.getLogger(MoveService.class);

    private final MoveHandler handler;
    private final AssociationRequestor requestor;

    MoveService(MoveHandler handler, AssociationRequestor requestor) {
        this.handler = handler;
        this.requestor = requestor;
    }

    @Override
    public void handle(DimseChannel channel, PresentationContext context, DimseCommand request,
            PDVInputStream dataSet) throws IOException {
        QueryServices.start(channel, context, request, dataSet,
                (keys, cancellation) -> run(channel, context, request, keys, cancellation));
    }

    private void run(DimseChannel channel, PresentationContext context, DimseCommand request, Dataset keys,
            Cancellation cancellation) {
        String destinationTitle = request.moveDestination().orElse("");
        try {
            Optional<RemoteAE> destination = handler.destination(destinationTitle);
            if (destination.isEmpty()) {
                throw new DicomServiceException(Status.MOVE_DESTINATION_UNKNOWN,
                        "unknown move destination " + destinationTitle);
            }
            RetrieveRequest retrieve = new RetrieveRequest(AssociationInfo.of(channel.association()),
                    context.abstractSyntax(), keys, request.messageId(), request.priority(),
                    Optional.of(destinationTitle), cancellation);
            List<RetrieveInstance> instances = handler.instances(retrieve);
            RetrieveOperation operation = new RetrieveOperation(channel, context, request, instances.size());
            if (instances.isEmpty()) {
                operation.sendFinal(false, Status.SUCCESS, null);
                return;
            }
            boolean cancelled = sendAll(channel, request, destination.get(), instances, operation, cancellation);
            operation.sendFinal(cancelled, Status.OUT_OF_RESOURCES_UNABLE_TO_PERFORM_SUB_OPERATIONS,
                    operation.failed() > 0 ? "sub-operations failed" : null);
            LOG.info("{} C-MOVE to {} of {} instances: {} failed{}", channel.name(), destinationTitle,
                    instances.size(), operation.failed(), cancelled ? ", cancelled" : "");
        } catch (DicomServiceException | RuntimeException e) {
            respond(channel, context, request, e);
        } catch (IOException e) {
            LOG.debug("{} C-MOVE ended with the association: {}", channel.name(), e.toString());
        }
    }

    /** Sends every instance over one sub-association; returns whether a C-CANCEL stopped it. */
    private boolean sendAll(DimseChannel channel, DimseCommand request, RemoteAE destination,
            List<RetrieveInstance> instances, RetrieveOperation operation, Cancellation cancellation)
            throws IOException {
        AssociationRequestBuilder rq = new AssociationRequestBuilder(channel.association().calledAETitle(),
                destination.aeTitle());
        StoreSCU.proposeContexts(rq, instances);
        DimseChannel sub;
        try {
            sub = DimseChannel.open(requestor, destination.address(), rq.build(requestor.settings()),
                    DimseRequestHandler.NONE);
        } catch (IOException | AssociationRejectedException e) {
            LOG.warn("{} C-MOVE destination {} at {} unreachable: {}", channel.name(), destination.aeTitle(),
                    destination.address(), e.getMessage());
            operation.failRemaining(instances);
            return false;
        }
        StoreSCU.MoveOriginator originator = new StoreSCU.MoveOriginator(channel.association().callingAETitle(),
                request.messageId());
        try {
            for (int i = 0; i < instances.size(); i++) {
                if (cancellation.isCancelled()) {
                    return true;
                }
                StoreSCU.Result result;
                try {
                    result = StoreSCU.store(sub, instances.get(i), originator);
                } catch (IOException e) {
                    LOG.warn("{} C-MOVE sub-association {} failed: {}", channel.name(), sub.name(), e.getMessage());
                    operation.failRemaining(instances.subList(i, instances.size()));
                    return false;
                }
                operation.record(result);
                if (i + 1 < instances.size()) {
                    operation.sendPending();
                }
            }
            return false;
        } finally {
            closeSubAssociation(sub);
        }
    }

    private static void closeSubAssociation(DimseChannel sub) {
        try {
            sub.close();
        } catch (IOException e) {
            LOG.info("{} release of the C-MOVE sub-association failed: {}", sub.name(), e.getMessage());
        }
    }

    private static void respond(DimseChannel channel, PresentationContext context, DimseCommand request,
            Exception e) {
        try {
            QueryServices.respondFailure(channel, context, request, e);
        } catch (IOException sendFailed) {
            LOG.debug("{} could not report the C-MOVE failure: {}", channel.name(), sendFailed.toString());
        }
    }
}
