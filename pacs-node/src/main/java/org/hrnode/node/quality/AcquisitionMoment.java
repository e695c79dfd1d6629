package org.hrnode.node.quality;

import java.time.Instant;
import java.util.Objects;

/**
 * When an object was acquired, and which attributes said so.
 *
 * @param at     the acquisition moment on the time line
 * @param source the attribute(s) that gave it, e.g. {@code AcquisitionDateTime} or {@code ContentDate+ContentTime}
 */
public record AcquisitionMoment(Instant at, String source) {

    public AcquisitionMoment {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(source, "source");
    }
}
