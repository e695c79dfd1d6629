package org.hrnode.dicom.net.dimse;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Set when the peer sends C-CANCEL for an operation (or the association ends under it). Operations check it
 * between steps (between C-FIND matches, between C-MOVE sub-operations); a handler that waits on something slow
 * can {@link #await} it instead of sleeping.
 */
public final class Cancellation {

    private final CountDownLatch cancelled = new CountDownLatch(1);

    public boolean isCancelled() {
        return cancelled.getCount() == 0;
    }

    public void cancel() {
        cancelled.countDown();
    }

    /** Waits up to {@code timeout} for a cancel; returns whether one came. */
    public boolean await(Duration timeout) throws InterruptedException {
        return cancelled.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
