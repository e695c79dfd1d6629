package org.hrnode.dicom.net.pdu;

/**
 * The largest PDUs a {@link PduDecoder} accepts, so that a hostile or broken length field is refused before any
 * memory is committed to it.
 *
 * @param maxPDataLength longest P-DATA-TF variable field accepted; the Maximum Length we announce should not exceed
 *     it
 * @param maxAssociatePduLength longest A-ASSOCIATE-RQ/AC accepted; real ones are a few kilobytes even with a
 *     hundred presentation contexts
 */
public record PduLimits(long maxPDataLength, int maxAssociatePduLength) {

    /** P-DATA cap: 16 MiB. */
    public static final long DEFAULT_MAX_PDATA_LENGTH = 16L * 1024 * 1024;
    /** A-ASSOCIATE cap: 64 KiB, ample for 128 presentation contexts with several transfer syntaxes each. */
    public static final int DEFAULT_MAX_ASSOCIATE_PDU_LENGTH = 64 * 1024;

    public PduLimits {
        if (maxPDataLength < PresentationDataValue.ITEM_HEADER_LENGTH
                || maxPDataLength > UserInformation.MAX_MAXIMUM_LENGTH) {
            throw new IllegalArgumentException("maxPDataLength out of range: " + maxPDataLength);
        }
        if (maxAssociatePduLength < 1) {
            throw new IllegalArgumentException("maxAssociatePduLength must be positive");
        }
    }

    public static PduLimits defaults() {
        return new PduLimits(DEFAULT_MAX_PDATA_LENGTH, DEFAULT_MAX_ASSOCIATE_PDU_LENGTH);
    }
}
