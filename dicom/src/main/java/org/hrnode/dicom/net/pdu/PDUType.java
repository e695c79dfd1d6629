package org.hrnode.dicom.net.pdu;

/** PDU-type codes of PS3.8 §9.3 and the length of the header every PDU starts with. */
public final class PDUType {

    public static final int A_ASSOCIATE_RQ = 0x01;
    public static final int A_ASSOCIATE_AC = 0x02;
    public static final int A_ASSOCIATE_RJ = 0x03;
    public static final int P_DATA_TF = 0x04;
    public static final int A_RELEASE_RQ = 0x05;
    public static final int A_RELEASE_RP = 0x06;
    public static final int A_ABORT = 0x07;

    /** PDU-type (1), reserved (1), PDU-length (4, big endian). */
    public static final int HEADER_LENGTH = 6;
    /** Where the 4-byte PDU-length field starts. */
    public static final int LENGTH_OFFSET = 2;

    private PDUType() {
    }

    /** The PS3.8 name of a PDU type, for logs; "unknown PDU type 0x.." otherwise. */
    public static String name(int type) {
        return switch (type) {
            case A_ASSOCIATE_RQ -> "A-ASSOCIATE-RQ";
            case A_ASSOCIATE_AC -> "A-ASSOCIATE-AC";
            case A_ASSOCIATE_RJ -> "A-ASSOCIATE-RJ";
            case P_DATA_TF -> "P-DATA-TF";
            case A_RELEASE_RQ -> "A-RELEASE-RQ";
            case A_RELEASE_RP -> "A-RELEASE-RP";
            case A_ABORT -> "A-ABORT";
            default -> String.format("unknown PDU type 0x%02X", type);
        };
    }
}
