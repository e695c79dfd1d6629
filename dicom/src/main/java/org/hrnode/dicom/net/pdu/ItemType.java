package org.hrnode.dicom.net.pdu;

/**
 * Item-type codes of the variable items of A-ASSOCIATE PDUs (PS3.8 §9.3.2–9.3.3) and of the user information
 * sub-items (PS3.7 D.3.3).
 */
public final class ItemType {

    public static final int APPLICATION_CONTEXT = 0x10;
    public static final int PRESENTATION_CONTEXT_RQ = 0x20;
    public static final int PRESENTATION_CONTEXT_AC = 0x21;
    public static final int ABSTRACT_SYNTAX = 0x30;
    public static final int TRANSFER_SYNTAX = 0x40;
    public static final int USER_INFORMATION = 0x50;
    public static final int MAXIMUM_LENGTH = 0x51;
    public static final int IMPLEMENTATION_CLASS_UID = 0x52;
    public static final int ASYNCHRONOUS_OPERATIONS_WINDOW = 0x53;
    public static final int SCP_SCU_ROLE_SELECTION = 0x54;
    public static final int IMPLEMENTATION_VERSION_NAME = 0x55;
    public static final int SOP_CLASS_EXTENDED_NEGOTIATION = 0x56;
    public static final int SOP_CLASS_COMMON_EXTENDED_NEGOTIATION = 0x57;
    public static final int USER_IDENTITY_RQ = 0x58;
    public static final int USER_IDENTITY_AC = 0x59;

    /** Item-type (1), reserved (1), item-length (2, big endian). */
    public static final int HEADER_LENGTH = 4;
    /** Where the 2-byte item-length field starts. */
    public static final int LENGTH_OFFSET = 2;
    /** Largest value of a 16-bit length or count field. */
    public static final int MAX_U16 = 0xFFFF;

    private ItemType() {
    }
}
