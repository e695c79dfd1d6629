package org.hrnode.dicom.net.pdu;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A pure, incremental PDU decoder: {@link #feed} it whatever bytes arrived, then call {@link #next()} until it
 * answers null ("need more bytes"). It never blocks and never does IO, so the same code serves the blocking
 * association reader, tests with golden bytes and fuzzing.
 *
 * <p>Lengths are never trusted: the PDU length is checked against {@link PduLimits} (and, for the four fixed-size
 * PDUs, against their size) as soon as the 6-byte header is in, before anything is waited for; the buffer grows
 * only with bytes that actually arrived; every item length is checked against what remains of its parent. Any
 * defect is a {@link PduDecodeException} carrying the A-ABORT reason; after one, the decoder stays failed.
 *
 * <p>Callers should call {@link #next()} after each {@link #feed}, so that an oversized length is refused before
 * more input is buffered. Not thread-safe: one association reader owns one decoder.
 */
public final class PduDecoder {

    private static final int INITIAL_CAPACITY = 16 * 1024;
    /** Every PDU but P-DATA-TF and A-ASSOCIATE-RQ/AC has a 4-byte body. */
    static final int FIXED_BODY_LENGTH = 4;
    private static final int RJ_RESULT_OFFSET = 1;
    private static final int RJ_SOURCE_OFFSET = 2;
    private static final int RJ_REASON_OFFSET = 3;
    private static final int ABORT_SOURCE_OFFSET = 2;
    private static final int ABORT_REASON_OFFSET = 3;
    private static final int PDV_LENGTH_FIELD = 4;

    private final PduLimits limits;
    private byte[] buffer = new byte[INITIAL_CAPACITY];
    private int start;
    private int end;
    private PduDecodeException failure;

    public PduDecoder(PduLimits limits) {
        this.limits = limits;
    }

    /** Appends received bytes. Ignored once the decoder has failed. */
    public void feed(byte[] bytes, int offset, int length) {
        if (failure != null || length == 0) {
            return;
        }
        int buffered = end - start;
        if (end + length > buffer.length) {
            if (buffered + length <= buffer.length) {
                System.arraycopy(buffer, start, buffer, 0, buffered);
            } else {
                byte[] grown = new byte[Math.max(buffer.length * 2, buffered + length)];
                System.arraycopy(buffer, start, grown, 0, buffered);
                buffer = grown;
            }
            start = 0;
            end = buffered;
        }
        System.arraycopy(bytes, offset, buffer, end, length);
        end += length;
    }

    public void feed(byte[] bytes) {
        feed(bytes, 0, bytes.length);
    }

    /** Bytes received but not yet returned as part of a PDU. */
    public int buffered() {
        return end - start;
    }

    /**
     * The next complete PDU, or null when more bytes are needed.
     *
     * @throws PduDecodeException the bytes are not a valid PDU; the association must be aborted
     */
    public PDU next() throws PduDecodeException {
        if (failure != null) {
            throw failure;
        }
        if (end - start < PDUType.HEADER_LENGTH) {
            return null;
        }
        int type = buffer[start] & 0xFF;
        long length = Bytes.u32(buffer, start + PDUType.LENGTH_OFFSET);
        try {
            checkLength(type, length);
        } catch (PduDecodeException e) {
            failure = e;
            throw e;
        }
        if (end - start < PDUType.HEADER_LENGTH + length) {
            return null;
        }
        int body = start + PDUType.HEADER_LENGTH;
        start = body + (int) length;
        if (start == end) {
            start = 0;
            end = 0;
        }
        try {
            return decodeBody(type, body, (int) length);
        } catch (PduDecodeException e) {
            failure = e;
            throw e;
        }
    }

    private void checkLength(int type, long length) throws PduDecodeException {
        switch (type) {
            case PDUType.A_ASSOCIATE_RQ, PDUType.A_ASSOCIATE_AC -> {
                if (length > limits.maxAssociatePduLength()) {
                    throw new PduDecodeException(AbortReason.INVALID_PDU_PARAMETER_VALUE, PDUType.name(type)
                            + " of " + length + " bytes exceeds the limit of " + limits.maxAssociatePduLength());
                }
            }
            case PDUType.P_DATA_TF -> {
                if (length > limits.maxPDataLength()) {
                    throw new PduDecodeException(AbortReason.INVALID_PDU_PARAMETER_VALUE, "P-DATA-TF of " + length
                            + " bytes exceeds the maximum length of " + limits.maxPDataLength());
                }
            }
            case PDUType.A_ASSOCIATE_RJ, PDUType.A_RELEASE_RQ, PDUType.A_RELEASE_RP, PDUType.A_ABORT -> {
                if (length != FIXED_BODY_LENGTH) {
                    throw new PduDecodeException(AbortReason.INVALID_PDU_PARAMETER_VALUE, PDUType.name(type)
                            + " with length " + length + " instead of " + FIXED_BODY_LENGTH);
                }
            }
            default -> throw new PduDecodeException(AbortReason.UNRECOGNIZED_PDU, PDUType.name(type));
        }
    }

    private PDU decodeBody(int type, int body, int length) throws PduDecodeException {
        return switch (type) {
            case PDUType.A_ASSOCIATE_RQ -> AssociateItems.decodeRQ(buffer, body, length);
            case PDUType.A_ASSOCIATE_AC -> AssociateItems.decodeAC(buffer, body, length);
            case PDUType.A_ASSOCIATE_RJ -> new AAssociateRJ(buffer[body + RJ_RESULT_OFFSET] & 0xFF,
                    buffer[body + RJ_SOURCE_OFFSET] & 0xFF, buffer[body + RJ_REASON_OFFSET] & 0xFF);
            case PDUType.P_DATA_TF -> decodePData(Arrays.copyOfRange(buffer, body, body + length));
            case PDUType.A_RELEASE_RQ -> new AReleaseRQ();
            case PDUType.A_RELEASE_RP -> new AReleaseRP();
            case PDUType.A_ABORT -> new AAbort(buffer[body + ABORT_SOURCE_OFFSET] & 0xFF,
                    buffer[body + ABORT_REASON_OFFSET] & 0xFF);
            default -> throw new PduDecodeException(AbortReason.UNRECOGNIZED_PDU, PDUType.name(type));
        };
    }

    /** The PDVs of a P-DATA-TF body; they share {@code body}, which nobody else holds. */
    private static PDataTF decodePData(byte[] body) throws PduDecodeException {
        List<PresentationDataValue> pdvs = new ArrayList<>(1);
        int pos = 0;
        while (pos < body.length) {
            if (body.length - pos < PresentationDataValue.ITEM_HEADER_LENGTH) {
                throw new PduDecodeException(AbortReason.INVALID_PDU_PARAMETER_VALUE,
                        "truncated PDV item header in P-DATA-TF");
            }
            long itemLength = Bytes.u32(body, pos);
            if (itemLength < PresentationDataValue.CONTEXT_ID_AND_HEADER_LENGTH
                    || itemLength > body.length - pos - PDV_LENGTH_FIELD) {
                throw new PduDecodeException(AbortReason.INVALID_PDU_PARAMETER_VALUE,
                        "PDV item length " + itemLength + " does not fit the P-DATA-TF");
            }
            int pcid = body[pos + PDV_LENGTH_FIELD] & 0xFF;
            int header = body[pos + PDV_LENGTH_FIELD + 1] & 0xFF;
            int dataLength = (int) itemLength - PresentationDataValue.CONTEXT_ID_AND_HEADER_LENGTH;
            pdvs.add(PresentationDataValue.of(pcid, header, body, pos + PresentationDataValue.ITEM_HEADER_LENGTH,
                    dataLength));
            pos += PDV_LENGTH_FIELD + (int) itemLength;
        }
        if (pdvs.isEmpty()) {
            throw new PduDecodeException(AbortReason.INVALID_PDU_PARAMETER_VALUE, "P-DATA-TF without a PDV item");
        }
        return new PDataTF(pdvs);
    }

    /** Decodes exactly one complete PDU from {@code bytes}; for tests and tools. */
    public static PDU decodeOne(byte[] bytes, PduLimits limits) throws PduDecodeException {
        PduDecoder decoder = new PduDecoder(limits);
        decoder.feed(bytes);
        PDU pdu = decoder.next();
        if (pdu == null) {
            throw new PduDecodeException(AbortReason.INVALID_PDU_PARAMETER_VALUE, "incomplete PDU");
        }
        if (decoder.buffered() != 0) {
            throw new PduDecodeException(AbortReason.INVALID_PDU_PARAMETER_VALUE, decoder.buffered()
                    + " bytes after the PDU");
        }
        return pdu;
    }
}
