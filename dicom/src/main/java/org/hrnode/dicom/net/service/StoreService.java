package org.hrnode.dicom.net.service;

import java.io.IOException;
import org.hrnode.dicom.net.dimse.DicomServiceException;
import org.hrnode.dicom.net.dimse.DimseChannel;
import org.hrnode.dicom.net.dimse.DimseCommand;
import org.hrnode.dicom.net.dimse.Status;
import org.hrnode.dicom.net.ul.PDVInputStream;
import org.hrnode.dicom.net.ul.PresentationContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * C-STORE SCP (PS3.4 Annex B): hands the streaming data set to the {@link StoreHandler}, and answers only after
 * the handler has returned and the whole data set has been read.
 */
final class StoreService implements DimseService {

    private static final Logger LOG = LoggerFactory.getLogger(StoreService.class);

    private final StoreHandler handler;

    StoreService(StoreHandler handler) {
        this.handler = handler;
    }

    @Override
    public void handle(DimseChannel channel, PresentationContext context, DimseCommand request,
            PDVInputStream dataSet) throws IOException {
        DimseCommand response;
        if (dataSet == null || request.affectedSopInstanceUid().isEmpty()) {
            response = DicomServiceException.toResponse(channel.name(), request, new DicomServiceException(
                    Status.CANNOT_UNDERSTAND, "C-STORE-RQ without data set or Affected SOP Instance UID"));
        } else {
            StoreRequest store = new StoreRequest(AssociationInfo.of(channel.association()),
                    context.abstractSyntax(), request.affectedSopInstanceUid().get(), context.transferSyntax(),
                    request.messageId(), request.priority(), request.moveOriginatorAETitle(),
                    request.moveOriginatorMessageId());
            try {
                Status status = handler.store(store, dataSet);
                dataSet.skipAll();
                response = DimseCommand.response(request, status, false);
            } catch (DicomServiceException | IOException | RuntimeException e) {
                if (!channel.association().isEstablished()) {
                    LOG.debug("{} {} ended with the association: {}", channel.name(), request, e.toString());
                    return;
                }
                dataSet.skipAll();
                response = DicomServiceException.toResponse(channel.name(), request, e);
            }
        }
        channel.send(context.id(), response, null);
    }
}
