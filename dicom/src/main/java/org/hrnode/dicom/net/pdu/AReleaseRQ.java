package org.hrnode.dicom.net.pdu;

/** A-RELEASE-RQ PDU (PS3.8 §9.3.6): four reserved bytes. */
public record AReleaseRQ() implements PDU {

    @Override
    public int type() {
        return PDUType.A_RELEASE_RQ;
    }
}
