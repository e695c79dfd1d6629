package org.hrnode.node.quality;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Judges how timely an upload was: arrival (when the object was fully received) minus acquisition. More than
 * {@code lateAfter} is late (QCspec §7.1.1: one hour); an acquisition more than {@link #CLOCK_SKEW_TOLERANCE} after
 * the arrival is a clock fault, not an early upload; no usable acquisition time is unknown.
 */
public final class TimelinessPolicy {

    /** Modality clocks drift by minutes; beyond this an acquisition "in the future" is reported as clock skew. */
    public static final Duration CLOCK_SKEW_TOLERANCE = Duration.ofMinutes(5);

    private final Duration lateAfter;

    public TimelinessPolicy(Duration lateAfter) {
        if (lateAfter.isNegative() || lateAfter.isZero()) {
            throw new IllegalArgumentException("the lateness limit must be positive, not " + lateAfter);
        }
        this.lateAfter = lateAfter;
    }

    /** The verdict and lateness (null when unknown) for an object acquired at {@code acquired}. */
    public Assessment assess(Optional<AcquisitionMoment> acquired, Instant arrival) {
        Objects.requireNonNull(arrival, "arrival");
        if (acquired.isEmpty()) {
            return new Assessment(Timeliness.UNKNOWN, null);
        }
        Duration lateness = Duration.between(acquired.get().at(), arrival);
        Timeliness verdict;
        if (lateness.negated().compareTo(CLOCK_SKEW_TOLERANCE) > 0) {
            verdict = Timeliness.CLOCK_SKEW;
        } else if (lateness.compareTo(lateAfter) > 0) {
            verdict = Timeliness.LATE;
        } else {
            verdict = Timeliness.ON_TIME;
        }
        return new Assessment(verdict, lateness.toSeconds());
    }

    public Duration lateAfter() {
        return lateAfter;
    }

    /** A verdict with arrival minus acquisition in seconds (negative when acquired "after" arrival). */
    public record Assessment(Timeliness verdict, Long latenessSeconds) {
    }
}
