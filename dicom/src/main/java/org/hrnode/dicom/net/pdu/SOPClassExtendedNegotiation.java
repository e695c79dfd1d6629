package org.hrnode.dicom.net.pdu;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * SOP Class Extended Negotiation sub-item (PS3.7 D.3.3.5): service-class-specific bytes (e.g. relational queries
 * for C-FIND), opaque at this layer.
 */
public record SOPClassExtendedNegotiation(String sopClassUid, byte[] serviceClassApplicationInformation) {

    public SOPClassExtendedNegotiation {
        Objects.requireNonNull(sopClassUid, "sopClassUid");
        serviceClassApplicationInformation = serviceClassApplicationInformation.clone();
    }

    @Override
    public byte[] serviceClassApplicationInformation() {
        return serviceClassApplicationInformation.clone();
    }

    byte[] informationUnsafe() {
        return serviceClassApplicationInformation;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SOPClassExtendedNegotiation n && n.sopClassUid.equals(sopClassUid)
                && Arrays.equals(n.serviceClassApplicationInformation, serviceClassApplicationInformation);
    }

    @Override
    public int hashCode() {
        return 31 * sopClassUid.hashCode() + Arrays.hashCode(serviceClassApplicationInformation);
    }

    @Override
    public String toString() {
        return "SOPClassExtendedNegotiation[" + sopClassUid + ", "
                + HexFormat.of().formatHex(serviceClassApplicationInformation) + "]";
    }
}
