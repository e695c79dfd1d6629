package org.hrnode.node.compress;

import java.time.Duration;

/**
 * When background compression waits for a burst of arriving images to pass. While this node's ingest queued an
 * image less than {@code quiet} ago, a burst is arriving: compression waits, so the senders' objects are
 * acknowledged at the speed of every core (compressing costs several times what storing does), and the backlog is
 * worked off once the burst pauses. It waits at most {@code longest} in a row; under sustained ingest it then runs
 * alongside until the next pause. Times are {@link System#nanoTime()} values, passed in so the rule is testable.
 */
final class BurstDeferral {

    private final long quietNanos;
    private final long longestNanos;
    private volatile long lastQueuedNanos;
    private volatile boolean anyQueued;
    /** When the current deferral began; only the worker thread reads and writes it. */
    private long deferringSinceNanos;
    private boolean deferring;

    BurstDeferral(Duration quiet, Duration longest) {
        this.quietNanos = quiet.toNanos();
        this.longestNanos = longest.toNanos();
    }

    /** Ingest queued an image at {@code nowNanos}. Any thread. */
    void queued(long nowNanos) {
        lastQueuedNanos = nowNanos;
        anyQueued = true;
    }

    /** How long the worker should wait before compressing, at {@code nowNanos}; zero: compress now. */
    Duration waitBefore(long nowNanos) {
        long quietAt = lastQueuedNanos + quietNanos;
        if (!anyQueued || nowNanos - quietAt >= 0) {
            deferring = false;
            return Duration.ZERO;
        }
        if (!deferring) {
            deferring = true;
            deferringSinceNanos = nowNanos;
        } else if (nowNanos - deferringSinceNanos >= longestNanos) {
            return Duration.ZERO;
        }
        return Duration.ofNanos(quietAt - nowNanos);
    }
}
