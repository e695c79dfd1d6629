package org.hrnode.dicom.net.dimse;

import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A service (C-STORE, C-FIND, …) failed with a DIMSE status. Handlers throw it to choose the status and Error
 * Comment sent back; {@link #toResponse} is the one place where any failure of a handler becomes a response, so
 * every service reports failures the same way.
 *
 * <p>Deliberately not an {@link java.io.IOException}: the peer gets a failure status and the association goes on.
 * The Error Comment goes to the peer; never put patient data in it.
 */
public final class DicomServiceException extends Exception {

    private static final Logger LOG = LoggerFactory.getLogger(DicomServiceException.class);

    private final transient Status status;
    private final int[] offendingElements;

    public DicomServiceException(Status status, String errorComment) {
        this(status, errorComment, (Throwable) null);
    }

    public DicomServiceException(Status status, String errorComment, Throwable cause) {
        super(errorComment, cause);
        this.status = Objects.requireNonNull(status, "status");
        this.offendingElements = new int[0];
        if (!status.isFailure() && status.category() != Status.Category.WARNING) {
            throw new IllegalArgumentException("a service exception carries a failure or warning status: " + status);
        }
    }

    private DicomServiceException(Status status, String errorComment, int[] offendingElements) {
        super(errorComment);
        this.status = status;
        this.offendingElements = offendingElements.clone();
    }

    /** A failure naming the elements at fault (Offending Element, 0000,0901). */
    public static DicomServiceException offending(Status status, String errorComment, int... tags) {
        return new DicomServiceException(status, errorComment, tags);
    }

    public Status status() {
        return status;
    }

    public String errorComment() {
        return getMessage();
    }

    /**
     * The response to {@code request} reporting {@code failure}: a {@link DicomServiceException} gives its own
     * status and comment; anything else is a Processing Failure (0110H) whose comment names only the exception
     * type (its message might carry data not meant for the peer), and is logged here with its stack trace.
     */
    public static DimseCommand toResponse(String association, DimseCommand request, Throwable failure) {
        DimseCommand response;
        if (failure instanceof DicomServiceException e) {
            response = DimseCommand.response(request, e.status, false);
            if (e.getMessage() != null) {
                response.errorComment(e.getMessage());
            }
            if (e.offendingElements.length > 0) {
                response.offendingElements(e.offendingElements);
            }
            LOG.info("{} {} failed: status={} comment={}", association, request, Status.hex(e.status.code()),
                    e.getMessage());
        } else {
            response = DimseCommand.response(request, Status.PROCESSING_FAILURE, false)
                    .errorComment("processing failure: " + failure.getClass().getSimpleName());
            LOG.warn("{} {} failed in the service", association, request, failure);
        }
        return response;
    }
}
