package org.hrnode.dicom.net.pdu;

/** Result field of an A-ASSOCIATE-RJ (PS3.8 Table 9-21). */
public enum RejectResult {
    REJECTED_PERMANENT(1),
    /** The requestor may try again later (e.g. the acceptor's association limit was reached). */
    REJECTED_TRANSIENT(2);

    private final int code;

    RejectResult(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
