package org.hrnode.dicom.net.service;

import java.util.Optional;

/**
 * C-MOVE: a {@link RetrieveHandler} that also knows where move destinations are. An AE title it does not know is
 * answered with Move Destination Unknown (A801H) before any instance is looked up.
 */
public interface MoveHandler extends RetrieveHandler {

    /** The host and port of {@code aeTitle}, or empty when it is not a known destination. */
    Optional<RemoteAE> destination(String aeTitle);
}
