package org.hrnode.storage.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * How long audit records are kept. The Ningxia platform spec (7.1, after GB/T 22239 level 3) requires logs to be kept
 * at least six months, so anything under {@value #MINIMUM_DAYS} days is refused rather than rounded up.
 */
public record AuditRetention(int days) {

    public static final int MINIMUM_DAYS = 180;

    public AuditRetention {
        if (days < MINIMUM_DAYS) {
            throw new IllegalArgumentException("audit retention of " + days + " days is below the required minimum of "
                    + MINIMUM_DAYS + " days (six months, Ningxia spec 7.1)");
        }
    }

    /** Records before this instant may be pruned. */
    public Instant cutoff(Clock clock) {
        return clock.instant().minus(Duration.ofDays(days));
    }
}
