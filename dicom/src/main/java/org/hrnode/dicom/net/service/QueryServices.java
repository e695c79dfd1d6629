package org.hrnode.dicom.net.service;

import java.io.IOException;
import java.util.Optional;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.io.DicomParseException;
import org.hrnode.dicom.net.dimse.Cancellation;
import org.hrnode.dicom.net.dimse.DicomServiceException;
import org.hrnode.dicom.net.dimse.DimseChannel;
import org.hrnode.dicom.net.dimse.DimseCommand;
import org.hrnode.dicom.net.dimse.Status;
import org.hrnode.dicom.net.ul.PDVInputStream;
import org.hrnode.dicom.net.ul.PresentationContext;
import org.hrnode.dicom.net.ul.State;

/** What C-FIND, C-MOVE and C-GET SCPs share: reading the identifier and refusing before any work starts. */
final class QueryServices {

    private QueryServices() {
    }

    /** The request's identifier, or empty after a failure response was sent. */
    static Optional<Dataset> identifier(DimseChannel channel, PresentationContext context, DimseCommand request,
            PDVInputStream dataSet) throws IOException {
        if (dataSet == null) {
            respondFailure(channel, context, request, new DicomServiceException(
                    Status.IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS, "request without identifier"));
            return Optional.empty();
        }
        try {
            return Optional.of(DimseChannel.readDataSet(dataSet, context.transferSyntax()));
        } catch (DicomParseException e) {
            dataSet.skipAll();
            respondFailure(channel, context, request, new DicomServiceException(
                    Status.IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS, "unreadable identifier: " + e.getMessage()));
            return Optional.empty();
        }
    }

    /** An operation that runs once its identifier is read, off the reader thread. */
    @FunctionalInterface
    interface IdentifiedOperation {
        void run(Dataset keys, Cancellation cancellation);
    }

    /**
     * What every Q/R SCP does with a request: reads its identifier (answering a failure if it cannot), then runs
     * the operation off the reader thread, or answers busy when the operations window is full.
     */
    static void start(DimseChannel channel, PresentationContext context, DimseCommand request,
            PDVInputStream dataSet, IdentifiedOperation operation) throws IOException {
        Optional<Dataset> keys = identifier(channel, context, request, dataSet);
        if (keys.isEmpty()) {
            return;
        }
        boolean started = channel.startOperation(request, cancellation -> operation.run(keys.get(), cancellation));
        if (!started) {
            respondBusy(channel, context, request);
        }
    }

    /** Refusal when the asynchronous operations window is full. */
    static void respondBusy(DimseChannel channel, PresentationContext context, DimseCommand request)
            throws IOException {
        respondFailure(channel, context, request, new DicomServiceException(Status.OUT_OF_RESOURCES,
                "asynchronous operations window exceeded"));
    }

    /** Answers {@code request} with {@code failure} if the association can still send (Sta6; Sta8 if releasing). */
    static void respondFailure(DimseChannel channel, PresentationContext context, DimseCommand request,
            Throwable failure) throws IOException {
        State state = channel.association().state();
        if (state == State.Sta6 || state == State.Sta8) {
            channel.send(context.id(), DicomServiceException.toResponse(channel.name(), request, failure), null);
        }
    }
}
