package org.hrnode.dicom.net.dimse;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The responses to one request this side invoked, in arrival order, ending with the final (non-pending) one. The
 * reader thread puts; the invoker takes. Bounded: a slow consumer of C-FIND results holds up the reader, which
 * holds up the peer through TCP, instead of growing memory. An invoker that gives up (timeout, interrupt)
 * abandons the queue, and later responses are dropped, so the reader is never left waiting for a consumer that is
 * gone.
 */
public final class ResponseQueue {

    /** Pending responses buffered before the reader waits for the consumer. */
    static final int CAPACITY = 64;
    private static final Object ENDED = new Object();

    private final String association;
    private final int messageId;
    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final Semaphore room = new Semaphore(CAPACITY);
    private volatile boolean abandoned;
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
            abandon();
            throw new IOException(association + ": interrupted waiting for the response to message " + messageId, e);
        }
        if (item == null) {
            abandon();
            throw new IOException(association + ": no response to message " + messageId + " within "
                    + timeout.toSeconds() + " s");
        }
        if (item == ENDED) {
            queue.add(ENDED);
            throw new IOException(association + " ended before the response to message " + messageId
                    + (endReason != null ? " (" + endReason + ")" : ""));
        }
        room.release();
        return (DimseResponse) item;
    }

    /** Reader thread: waits while {@link #CAPACITY} responses are unconsumed; drops them once abandoned. */
    void put(DimseResponse response) throws InterruptedException {
        if (abandoned) {
            return;
        }
        room.acquire();
        if (!abandoned) {
            queue.add(response);
        }
    }

    /** The association ended: wakes the consumer. Never blocks. */
    void end(String reason) {
        endReason = reason;
        queue.add(ENDED);
    }

    private void abandon() {
        abandoned = true;
        room.release(CAPACITY);
    }
}
