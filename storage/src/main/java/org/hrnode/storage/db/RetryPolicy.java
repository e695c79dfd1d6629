package org.hrnode.storage.db;

import java.time.Duration;
import java.util.Objects;
import java.util.function.LongUnaryOperator;

/**
 * How often and how patiently a transaction is retried after a serialization failure or deadlock: at most
 * {@code maxAttempts} runs in all, waiting before run n+1 a random time between zero and
 * {@code min(maxBackoff, initialBackoff * 2^(n-1))} ("full jitter", so threads that collided once do not collide again
 * in lock step).
 *
 * @param maxAttempts    runs in all, at least 1
 * @param initialBackoff upper bound of the first wait
 * @param maxBackoff     cap on any wait
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

    /** Eight runs, waits capped at 10, 20, 40 ... 500 ms: worst case about two seconds in all. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(8, Duration.ofMillis(10), Duration.ofMillis(500));

    public RetryPolicy {
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
        }
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("backoff must satisfy 0 <= initial (" + initialBackoff
                    + ") <= max (" + maxBackoff + ")");
        }
    }

    /**
     * The wait after failed run {@code attempt} (1-based).
     *
     * @param random maps an exclusive upper bound in nanoseconds to a value in {@code [0, bound)}
     */
    Duration backoff(int attempt, LongUnaryOperator random) {
        long cap = initialBackoff.toNanos();
        for (int i = 1; i < attempt && cap < maxBackoff.toNanos(); i++) {
            cap *= 2;
        }
        cap = Math.min(cap, maxBackoff.toNanos());
        return cap <= 0 ? Duration.ZERO : Duration.ofNanos(random.applyAsLong(cap));
    }
}
