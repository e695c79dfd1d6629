package org.hrnode.dicom.net.pdu;

/** A-RELEASE-RP PDU (PS3.8 §9.3.7): four reserved bytes. */
public record AReleaseRP() implements PDU {

    @Override
    public int type() {
        return PDUType.A_RELEASE_RP;
    }
}
