package org.hrnode.node.work;

import java.time.Duration;
import java.util.Objects;

/**
 * When a failed background job (a QC run, a compression) is tried again: doubling from {@code first} per attempt
 * already failed, never more than {@code longest}, so a transient outage is retried soon and a lasting one does not
 * hammer the database or the blob store.
 */
public record Backoff(Duration first, Duration longest) {

    /** Doubling stops growing the shift here; 2^16 times any sensible first delay is past every ceiling. */
    private static final int MAX_SHIFT = 16;

    public Backoff {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(longest, "longest");
        if (first.isNegative() || first.isZero() || longest.compareTo(first) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < first <= longest, got " + first + ", " + longest);
        }
    }

    /** The delay after {@code attemptsBefore} earlier failures and this one: first, 2 × first, 4 × first … */
    public Duration after(int attemptsBefore) {
        Duration d = first.multipliedBy(1L << Math.clamp(attemptsBefore, 0, MAX_SHIFT));
        return d.compareTo(longest) > 0 ? longest : d;
    }
}
