package org.hrnode.dicom.net.ul;

import java.time.Duration;
import java.util.Objects;

/**
 * Every wait of the upper layer, bounded. {@link Duration#ZERO} disables the idle timeout only; all the others
 * must be positive.
 *
 * @param connect TCP connect (requestor)
 * @param request from connection to A-ASSOCIATE-RQ (acceptor; the ARTIM timer of Sta2)
 * @param accept from A-ASSOCIATE-RQ sent to A-ASSOCIATE-AC/RJ received (requestor, Sta5)
 * @param release from A-RELEASE-RQ sent to A-RELEASE-RP received (requestor, Sta7)
 * @param artim ARTIM timer of Sta13: how long to wait for the peer to close after a rejection, release or abort
 * @param idle an established association with no PDU received and no operation in progress is aborted after this
 */
public record Timeouts(Duration connect, Duration request, Duration accept, Duration release, Duration artim,
        Duration idle) {

    public static final Duration DEFAULT_CONNECT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_REQUEST = Duration.ofSeconds(10);
    public static final Duration DEFAULT_ACCEPT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_RELEASE = Duration.ofSeconds(10);
    public static final Duration DEFAULT_ARTIM = Duration.ofSeconds(5);
    public static final Duration DEFAULT_IDLE = Duration.ofMinutes(5);

    public Timeouts {
        for (Duration d : new Duration[] {connect, request, accept, release, artim}) {
            Objects.requireNonNull(d, "timeout");
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("timeouts must be positive: " + d);
            }
        }
        if (idle.isNegative()) {
            throw new IllegalArgumentException("idle timeout must not be negative: " + idle);
        }
    }

    public static Timeouts defaults() {
        return new Timeouts(DEFAULT_CONNECT, DEFAULT_REQUEST, DEFAULT_ACCEPT, DEFAULT_RELEASE, DEFAULT_ARTIM,
                DEFAULT_IDLE);
    }

    public Timeouts withIdle(Duration d) {
        return new Timeouts(connect, request, accept, release, artim, d);
    }

    public Timeouts withRequest(Duration d) {
        return new Timeouts(connect, d, accept, release, artim, idle);
    }

    public Timeouts withAccept(Duration d) {
        return new Timeouts(connect, request, d, release, artim, idle);
    }

    public Timeouts withArtim(Duration d) {
        return new Timeouts(connect, request, accept, release, d, idle);
    }
}
