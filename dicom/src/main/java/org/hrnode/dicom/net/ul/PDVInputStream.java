package org.hrnode.dicom.net.ul;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import org.hrnode.dicom.net.pdu.AbortReason;
import org.hrnode.dicom.net.pdu.PresentationDataValue;

/**
 * A data set as it arrives: reads the fragments of one message's data set straight from the association's PDVs,
 * pulling the next P-DATA-TF from the socket only when the current fragment is used up. Nothing is buffered
 * beyond the PDU in hand, so a 2 GB image streams to its consumer in constant memory.
 *
 * <p>End of stream is the end of the fragment with the last-fragment bit. A fragment on another presentation
 * context, or a command fragment, before that is a protocol error: the association is aborted and reads fail.
 * If the association ends early, reads fail with an {@link IOException} naming how it ended. Only the
 * association's reader thread may read (the stream pulls PDUs on it).
 */
public final class PDVInputStream extends InputStream {

    private final Association association;
    private final int presentationContextId;
    private PresentationDataValue current;
    private int position;

    /** A stream starting with {@code first}, the first data set fragment of a message. */
    public PDVInputStream(Association association, PresentationDataValue first) {
        if (first.isCommand()) {
            throw new IllegalArgumentException("a data set stream starts with a data set fragment");
        }
        this.association = association;
        this.presentationContextId = first.presentationContextId();
        this.current = first;
    }

    public int presentationContextId() {
        return presentationContextId;
    }

    @Override
    public int read() throws IOException {
        if (!fragmentAvailable()) {
            return -1;
        }
        return current.byteAt(position++);
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        if (!fragmentAvailable()) {
            return -1;
        }
        int n = Math.min(len, current.length() - position);
        current.copyTo(position, b, off, n);
        position += n;
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = 0;
        while (skipped < n && fragmentAvailable()) {
            int step = (int) Math.min(n - skipped, current.length() - position);
            position += step;
            skipped += step;
        }
        return skipped;
    }

    @Override
    public int available() {
        return current.length() - position;
    }

    /** Reads and discards the rest of the data set, so the next message can be read. */
    public void skipAll() throws IOException {
        while (fragmentAvailable()) {
            position = current.length();
        }
    }

    /** Whether the last fragment has been read to its end. */
    public boolean isComplete() {
        return current.isLast() && position == current.length();
    }

    private boolean fragmentAvailable() throws IOException {
        while (position == current.length()) {
            if (current.isLast()) {
                return false;
            }
            PresentationDataValue next = association.nextPdv();
            if (next == null) {
                throw new IOException(association.name() + " ended before the last fragment of the data set ("
                        + association.endReason() + ")");
            }
            if (next.isCommand() || next.presentationContextId() != presentationContextId) {
                association.protocolError(AbortReason.UNEXPECTED_PDU_PARAMETER, "expected a data set fragment on "
                        + "presentation context " + presentationContextId + ", got " + next);
                throw new IOException(association.name() + " aborted: " + next + " in the middle of a data set");
            }
            current = next;
            position = 0;
        }
        return true;
    }
}
