package org.hrnode.dicom.net.ul;

import java.util.Objects;
import org.hrnode.dicom.io.FileMetaInformation;
import org.hrnode.dicom.net.pdu.PduLimits;

/**
 * What every association of this node needs, whichever side opened it.
 *
 * @param pduLimits caps on received PDUs; {@code maxPDataLength} is also the Maximum Length we announce
 * @param maxPDataLengthSend our own cap on the P-DATA-TF we send, applied on top of the peer's announced maximum
 * @param maxOperations asynchronous operations window we perform/invoke (1 = one at a time, the DICOM default)
 */
public record AssociationSettings(PduLimits pduLimits, int maxPDataLengthSend, Timeouts timeouts,
        String implementationClassUid, String implementationVersionName, int maxOperations) {

    /** Largest P-DATA-TF variable field we send unless configured otherwise: 1 MiB. */
    public static final int DEFAULT_MAX_PDATA_LENGTH_SEND = 1024 * 1024;
    /** The smallest sensible P-DATA size: one PDV header plus some data. */
    public static final int MIN_PDATA_LENGTH = 256;

    public AssociationSettings {
        Objects.requireNonNull(pduLimits, "pduLimits");
        Objects.requireNonNull(timeouts, "timeouts");
        Objects.requireNonNull(implementationClassUid, "implementationClassUid");
        if (maxPDataLengthSend < MIN_PDATA_LENGTH) {
            throw new IllegalArgumentException("maxPDataLengthSend must be at least " + MIN_PDATA_LENGTH);
        }
        if (maxOperations < 1) {
            throw new IllegalArgumentException("maxOperations must be at least 1");
        }
    }

    public static AssociationSettings defaults() {
        return new AssociationSettings(PduLimits.defaults(), DEFAULT_MAX_PDATA_LENGTH_SEND, Timeouts.defaults(),
                FileMetaInformation.IMPLEMENTATION_CLASS_UID, FileMetaInformation.IMPLEMENTATION_VERSION_NAME, 1);
    }

    public AssociationSettings withTimeouts(Timeouts t) {
        return new AssociationSettings(pduLimits, maxPDataLengthSend, t, implementationClassUid,
                implementationVersionName, maxOperations);
    }

    public AssociationSettings withPduLimits(PduLimits limits) {
        return new AssociationSettings(limits, maxPDataLengthSend, timeouts, implementationClassUid,
                implementationVersionName, maxOperations);
    }

    public AssociationSettings withMaxPDataLengthSend(int max) {
        return new AssociationSettings(pduLimits, max, timeouts, implementationClassUid, implementationVersionName,
                maxOperations);
    }
}
