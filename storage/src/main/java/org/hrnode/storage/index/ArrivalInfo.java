package org.hrnode.storage.index;

import java.time.Instant;
import java.util.Objects;

/**
 * How an instance reached the node: when, from which AE title, and for which institution of the programme (resolved
 * by the application through the AE registry; null if the sender is not registered).
 */
public record ArrivalInfo(Instant arrivedAt, String callingAeTitle, String institutionCode) {

    public ArrivalInfo {
        Objects.requireNonNull(arrivedAt, "arrivedAt");
    }
}
