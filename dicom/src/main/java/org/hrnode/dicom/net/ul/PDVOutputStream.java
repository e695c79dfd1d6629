package org.hrnode.dicom.net.ul;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Objects;
import org.hrnode.dicom.net.pdu.PDUType;
import org.hrnode.dicom.net.pdu.PresentationDataValue;

/**
 * Writes one command or data set as P-DATA-TF PDUs of one PDV each, never longer than the peer's Maximum Length
 * (as capped by {@link Association#maxPDataLengthSend()}). The PDU and PDV headers are filled in place in front of
 * the data, so bytes are copied once, from the caller into the PDU.
 *
 * <p>A PDU goes out when it is full and more data follows, so the last fragment is never empty unless the whole
 * stream is; every fragment has even length; {@link #close()} sends the last one with the last-fragment bit.
 * {@link #flush()} sends nothing: a half-filled PDU mid-message only costs the peer work. Not thread-safe: one
 * message, one writer.
 */
public final class PDVOutputStream extends OutputStream {

    private static final int DATA_START = PDUType.HEADER_LENGTH + PresentationDataValue.ITEM_HEADER_LENGTH;
    private static final int PDU_LENGTH_OFFSET = 2;
    private static final int PDV_LENGTH_OFFSET = PDUType.HEADER_LENGTH;
    private static final int CONTEXT_ID_OFFSET = PDUType.HEADER_LENGTH + 4;
    private static final int CONTROL_HEADER_OFFSET = CONTEXT_ID_OFFSET + 1;
    /** Small messages (commands, identifiers) never need the full PDU size; start small and grow. */
    private static final int INITIAL_BUFFER = 8 * 1024;

    private final Association association;
    private final int presentationContextId;
    private final boolean command;
    private final int fullSize;
    private byte[] buffer;
    private int position = DATA_START;
    private boolean closed;

    PDVOutputStream(Association association, int presentationContextId, boolean command, int maxPDataLength) {
        this.association = association;
        this.presentationContextId = presentationContextId;
        this.command = command;
        // Fragments must have even length (DCMTK refuses odd ones): round the data capacity down to even.
        int dataCapacity = (maxPDataLength - PresentationDataValue.ITEM_HEADER_LENGTH) & ~1;
        this.fullSize = DATA_START + Math.max(dataCapacity, 2);
        this.buffer = new byte[Math.min(fullSize, DATA_START + INITIAL_BUFFER)];
    }

    @Override
    public void write(int b) throws IOException {
        ensureRoom();
        buffer[position++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        while (len > 0) {
            ensureRoom();
            int n = Math.min(len, buffer.length - position);
            System.arraycopy(b, off, buffer, position, n);
            position += n;
            off += n;
            len -= n;
        }
    }

    /**
     * Sends the last fragment, padded with a NUL byte to even length if needed: fragments must be even, and only
     * a deflated data set (whose bit stream PS3.5 A.5 pads the same way) can be odd. The stream cannot be used
     * afterwards.
     */
    @Override
    public void close() throws IOException {
        if (!closed) {
            if ((position - DATA_START) % 2 != 0) {
                write(0);
            }
            closed = true;
            emit(true);
        }
    }

    private void ensureRoom() throws IOException {
        if (closed) {
            throw new IOException("PDV stream already closed");
        }
        if (position < buffer.length) {
            return;
        }
        if (buffer.length < fullSize) {
            buffer = Arrays.copyOf(buffer, Math.min(fullSize, buffer.length * 2));
        } else {
            emit(false);
        }
    }

    private void emit(boolean last) throws IOException {
        int dataLength = position - DATA_START;
        buffer[0] = (byte) PDUType.P_DATA_TF;
        buffer[1] = 0;
        putU32(PDU_LENGTH_OFFSET, position - PDUType.HEADER_LENGTH);
        putU32(PDV_LENGTH_OFFSET, dataLength + PresentationDataValue.CONTEXT_ID_AND_HEADER_LENGTH);
        buffer[CONTEXT_ID_OFFSET] = (byte) presentationContextId;
        buffer[CONTROL_HEADER_OFFSET] = (byte) ((command ? PresentationDataValue.COMMAND_BIT : 0)
                | (last ? PresentationDataValue.LAST_FRAGMENT_BIT : 0));
        association.sendPData(buffer, position);
        position = DATA_START;
    }

    private void putU32(int at, int v) {
        buffer[at] = (byte) (v >>> 24);
        buffer[at + 1] = (byte) (v >>> 16);
        buffer[at + 2] = (byte) (v >>> 8);
        buffer[at + 3] = (byte) v;
    }
}
