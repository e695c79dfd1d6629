package org.hrnode.dicom.net.dimse;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The responses to one request this side invoked, in arrival order, ending with the final (non-pending) one. The
 * reader thread puts; the invoker takes. Bounded: a slow consumer of C-FIND results holds up the reader, which
 * holds up the peer through TCP, instead of growing memory.
 */
public final class ResponseQueue {

    /** Pending responses buffered before the reader waits for the consumer. */
    static final int CAPACITY = 64;
    private static final Object ENDED = new Object();

    private final String association;
    private final int messageId;
    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(CAPACITY + 1);
    private volatile String endReason;

    ResponseQueue(String association, int messageId) {
        this.association = association;
        this.messageId = messageId;
    }

    public int messageId() {
        return messageId;
    }

    /**
     * The next response, waiting at most {@code timeout}.
     *
     * @throws IOException the association ended first, or nothing came in time (the operation is then abandoned)
     */
    public DimseResponse next(Duration timeout) throws IOException {
        Object item;
        try {
            item = queue.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(association + ": interrupted waiting for the response to message " + messageId, e);
        }
        if (item == null) {
            throw new IOException(association + ": no response to message " + messageId + " within "
                    + timeout.toSeconds() + " s");
        }
        if (item == ENDED) {
            queue.offer(ENDED);
            throw new IOException(association + " ended before the response to message " + messageId
                    + (endReason != null ? " (" + endReason + ")" : ""));
        }
        return (DimseResponse) item;
    }

    void put(DimseResponse response) throws InterruptedException {
        queue.put(response);
    }

    /** The association ended: wakes the consumer. Never blocks (one slot is kept free for this). */
    void end(String reason) {
        endReason = reason;
        queue.offer(ENDED);
    }
}
