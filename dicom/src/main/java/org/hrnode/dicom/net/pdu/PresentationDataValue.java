package org.hrnode.dicom.net.pdu;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Objects;

/**
 * One Presentation Data Value item of a P-DATA-TF (PS3.8 §9.3.5.1 and Annex E): a fragment of a DIMSE message's
 * command or data set, tagged with its presentation context.
 *
 * <p>The fragment is a window on the bytes of the PDU it arrived in, not a copy; instances are immutable as long
 * as nobody changes the array handed to {@link #of}.
 */
public final class PresentationDataValue {

    /** Message Control Header bit 0: set for a command fragment, clear for a data set fragment. */
    public static final int COMMAND_BIT = 0x01;
    /** Message Control Header bit 1: set on the last fragment of the command or data set. */
    public static final int LAST_FRAGMENT_BIT = 0x02;
    /** Item-length (4) + Presentation-context-ID (1) + Message Control Header (1). */
    public static final int ITEM_HEADER_LENGTH = 6;
    /** The item length counts the context ID and control header bytes. */
    public static final int CONTEXT_ID_AND_HEADER_LENGTH = 2;

    private final int presentationContextId;
    private final int messageControlHeader;
    private final byte[] bytes;
    private final int offset;
    private final int length;

    private PresentationDataValue(int presentationContextId, int messageControlHeader, byte[] bytes, int offset,
            int length) {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        this.presentationContextId = presentationContextId;
        this.messageControlHeader = messageControlHeader;
        this.bytes = bytes;
        this.offset = offset;
        this.length = length;
    }

    /** A PDV over {@code bytes[offset, offset+length)}, shared, not copied. */
    public static PresentationDataValue of(int presentationContextId, int messageControlHeader, byte[] bytes,
            int offset, int length) {
        return new PresentationDataValue(presentationContextId, messageControlHeader, bytes, offset, length);
    }

    public static PresentationDataValue of(int presentationContextId, boolean command, boolean last, byte[] data) {
        int header = (command ? COMMAND_BIT : 0) | (last ? LAST_FRAGMENT_BIT : 0);
        return new PresentationDataValue(presentationContextId, header, data.clone(), 0, data.length);
    }

    public int presentationContextId() {
        return presentationContextId;
    }

    public int messageControlHeader() {
        return messageControlHeader;
    }

    public boolean isCommand() {
        return (messageControlHeader & COMMAND_BIT) != 0;
    }

    public boolean isLast() {
        return (messageControlHeader & LAST_FRAGMENT_BIT) != 0;
    }

    /** Number of fragment bytes. */
    public int length() {
        return length;
    }

    /** Byte {@code i} of the fragment, unsigned. */
    public int byteAt(int i) {
        Objects.checkIndex(i, length);
        return bytes[offset + i] & 0xFF;
    }

    /** Copies fragment bytes {@code [from, from+count)} into {@code dst}. */
    public void copyTo(int from, byte[] dst, int dstOffset, int count) {
        Objects.checkFromIndexSize(from, count, length);
        System.arraycopy(bytes, offset + from, dst, dstOffset, count);
    }

    public void writeTo(OutputStream out) throws IOException {
        out.write(bytes, offset, length);
    }

    /** A copy of the fragment bytes. */
    public byte[] data() {
        return Arrays.copyOfRange(bytes, offset, offset + length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PresentationDataValue p && p.presentationContextId == presentationContextId
                && p.messageControlHeader == messageControlHeader
                && Arrays.equals(p.bytes, p.offset, p.offset + p.length, bytes, offset, offset + length);
    }

    @Override
    public int hashCode() {
        int h = 31 * presentationContextId + messageControlHeader;
        for (int i = offset; i < offset + length; i++) {
            h = 31 * h + bytes[i];
        }
        return h;
    }

    @Override
    public String toString() {
        return "PDV[pcid=" + presentationContextId + (isCommand() ? ", command" : ", data set")
                + (isLast() ? ", last" : "") + ", " + length + " bytes]";
    }
}
