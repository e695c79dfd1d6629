package org.hrnode.wado.stow;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads a multipart body (RFC 2046 §5.1.1, as multipart/related uses it) one part at a time, each part's body as a
 * stream that ends at its delimiter, so a request of many gigabytes flows through a fixed {@value #BUFFER_SIZE}-byte
 * buffer.
 *
 * <p>Hand-written because the libraries at hand buffer: RESTEasy's multipart provider (mime4j) materialises every
 * part in memory or a temporary file before the resource sees it, and Commons FileUpload only yields parts that carry
 * a form-data Content-Disposition, which STOW-RS parts do not.
 *
 * <p>Framing errors are {@link MalformedMultipartException}s, thrown where they are found: from {@link #next()}, or
 * from a part's stream when the body ends before the part's closing delimiter (a truncated upload), so whoever
 * consumes that stream sees a failed read rather than a short object. {@link #failure()} keeps the first one.
 * Not thread-safe.
 */
public final class MultipartRelatedReader {

    /** Bytes buffered from the request; also bounds how much a delimiter search looks at once. */
    static final int BUFFER_SIZE = 64 * 1024;
    /** All header lines of one part together; real parts have two or three short ones. */
    static final int MAX_HEADER_BYTES = 16 * 1024;
    /**
     * RFC 2046 limits a boundary to 70 characters, but real clients exceed it (Orthanc 1.10's DICOMweb plugin sends
     * two UUIDs, 73): accepted up to this, which still bounds the delimiter search.
     */
    static final int MAX_BOUNDARY_LENGTH = 200;
    private static final byte CR = '\r';
    private static final byte LF = '\n';

    private final InputStream in;
    /** "--boundary": opens the first part, without a preceding line break. */
    private final byte[] dashBoundary;
    /** CRLF "--boundary": ends every part's body. */
    private final byte[] delimiter;
    /**
     * Boyer–Moore–Horspool shifts for {@link #delimiter}: how far the search may jump when the byte under the
     * delimiter's last position is {@code b}. Hand-written because neither the JDK nor a library on this build
     * searches a byte array for a byte sequence faster than byte by byte, and the part bodies are megabytes of pixel
     * data: the byte-by-byte scan cost a sixth of the node's CPU in a STOW-RS load; this one looks at about one byte
     * in forty (the delimiter's length).
     */
    private final int[] shift = new int[256];
    private final byte[] buf = new byte[BUFFER_SIZE];
    private int pos;
    private int lim;
    private boolean sourceEnded;
    private int partsStarted;
    private PartBody current;
    private boolean finished;
    private MalformedMultipartException failure;

    public MultipartRelatedReader(InputStream in, String boundary) {
        this.in = Objects.requireNonNull(in, "in");
        if (boundary.isEmpty() || boundary.length() > MAX_BOUNDARY_LENGTH) {
            throw new IllegalArgumentException("boundary must be 1-" + MAX_BOUNDARY_LENGTH + " characters");
        }
        this.dashBoundary = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
        Arrays.fill(shift, delimiter.length);
        for (int k = 0; k < delimiter.length - 1; k++) {
            shift[delimiter[k] & 0xFF] = delimiter.length - 1 - k;
        }
    }

    /**
     * The next part, after skipping whatever its predecessor's reader left unread; empty after the close delimiter.
     *
     * @throws MalformedMultipartException if the framing is broken (the reader is then spent)
     */
    public Optional<MultipartPart> next() throws IOException {
        if (failure != null) {
            throw failure;
        }
        if (finished) {
            return Optional.empty();
        }
        if (current == null) {
            skipPreamble();
        } else {
            current.skipRest();
        }
        if (closeDelimiterFollows()) {
            finished = true;
            return Optional.empty();
        }
        Map<String, String> headers = readHeaders(partsStarted + 1);
        partsStarted++;
        current = new PartBody(partsStarted);
        return Optional.of(new MultipartPart(partsStarted, headers, current));
    }

    /** The first framing error found, if any; once set, no further part is handed out. */
    public Optional<MalformedMultipartException> failure() {
        return Optional.ofNullable(failure);
    }

    /** How many parts were handed out. */
    public int partsStarted() {
        return partsStarted;
    }

    private MalformedMultipartException fail(String message) {
        if (failure == null) {
            failure = new MalformedMultipartException(message);
        }
        return failure;
    }

    /** Skips the preamble up to and including the first dash-boundary, at the start or after a line break. */
    private void skipPreamble() throws IOException {
        boolean atLineStart = true;
        while (true) {
            if (!fill(dashBoundary.length)) {
                throw fail("the body holds no boundary line '" + new String(dashBoundary, StandardCharsets.ISO_8859_1)
                        + "': the boundary does not match the Content-Type's, or the body is empty");
            }
            if (atLineStart && startsWith(dashBoundary)) {
                pos += dashBoundary.length;
                return;
            }
            atLineStart = buf[pos] == LF;
            pos++;
        }
    }

    /** After a boundary: "--" closes the body, else the rest of the line (transport padding) must be blank. */
    private boolean closeDelimiterFollows() throws IOException {
        fill(2);
        if (lim - pos >= 2 && buf[pos] == '-' && buf[pos + 1] == '-') {
            pos += 2;
            return true;
        }
        String rest = readLine("the boundary line", MAX_BOUNDARY_LENGTH);
        if (!rest.isBlank()) {
            throw fail("the boundary line is followed by '" + printable(rest)
                    + "' on the same line: the boundary does not match the Content-Type's");
        }
        return false;
    }

    private Map<String, String> readHeaders(int partNumber) throws IOException {
        Map<String, String> headers = new HashMap<>();
        int budget = MAX_HEADER_BYTES;
        String lastName = null;
        while (true) {
            String line = readLine("the headers of part " + partNumber, budget);
            budget -= line.length() + 2;
            if (line.isEmpty()) {
                return headers;
            }
            if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && lastName != null) {
                headers.merge(lastName, " " + line.strip(), String::concat); // folded continuation line
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw fail("part " + partNumber + " has a header line without a name and colon: '"
                        + printable(line) + "'");
            }
            lastName = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            headers.put(lastName, line.substring(colon + 1).strip());
        }
    }

    /** One line up to CRLF (a bare LF is tolerated), at most {@code maxLength} bytes; the line break is consumed. */
    private String readLine(String what, int maxLength) throws IOException {
        StringBuilder line = new StringBuilder();
        while (true) {
            if (!fill(1)) {
                throw fail("the body ends inside " + what + " (no closing boundary): the upload was cut short");
            }
            byte b = buf[pos++];
            if (b == LF) {
                int n = line.length();
                if (n > 0 && line.charAt(n - 1) == CR) {
                    line.setLength(n - 1);
                }
                return line.toString();
            }
            line.append((char) (b & 0xFF));
            if (line.length() > maxLength) {
                throw fail(what + " exceed " + maxLength + " bytes on one line or in total");
            }
        }
    }

    /** Makes at least {@code n} bytes available at {@code pos} if the source has them; false if it ended first. */
    private boolean fill(int n) throws IOException {
        if (lim - pos >= n) {
            return true;
        }
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, lim - pos);
            lim -= pos;
            pos = 0;
        }
        while (lim < n && !sourceEnded) {
            int r;
            try {
                r = in.read(buf, lim, buf.length - lim);
            } catch (IOException e) {
                // the connection failed under us: as much a broken request as a truncated one, and reported so
                throw fail("the request body could not be read further (" + e.getMessage() + ")");
            }
            if (r < 0) {
                sourceEnded = true;
            } else {
                lim += r;
            }
        }
        return lim - pos >= n;
    }

    private boolean startsWith(byte[] prefix) {
        for (int i = 0; i < prefix.length; i++) {
            if (buf[pos + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static String printable(String s) {
        String cut = s.length() > 80 ? s.substring(0, 80) + "…" : s;
        return cut.replaceAll("[^\\x20-\\x7E]", "?");
    }

    /**
     * A part's body: the bytes up to the next delimiter. Bytes {@code [pos, safeEnd)} of the buffer are known to
     * belong to the part, so each byte is scanned for the delimiter once however small the consumer's reads are.
     */
    private final class PartBody extends InputStream {

        private final int number;
        private int safeEnd;
        private boolean delimiterAtSafeEnd;
        private boolean ended;

        PartBody(int number) {
            this.number = number;
            this.safeEnd = pos;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            if (current != this) {
                throw new IOException("part " + number + " was left for the next one; its stream is closed");
            }
            if (ended) {
                return -1;
            }
            if (failure != null) {
                throw failure;
            }
            if (len == 0) {
                return 0;
            }
            if (pos == safeEnd) {
                if (!delimiterAtSafeEnd) {
                    scan();
                }
                if (delimiterAtSafeEnd && pos == safeEnd) {
                    ended = true;
                    pos += delimiter.length;
                    return -1;
                }
            }
            int n = Math.min(len, safeEnd - pos);
            System.arraycopy(buf, pos, b, off, n);
            pos += n;
            return n;
        }

        /**
         * Refills the buffer and finds how far the part surely goes: to the delimiter if the buffer holds it, else
         * to all but a tail that could be the delimiter's beginning.
         */
        private void scan() throws IOException {
            // pos == safeEnd here, so compaction inside fill() moves nothing this part still needs to know about
            fill(Math.max(delimiter.length, BUFFER_SIZE / 2));
            int last = lim - delimiter.length;
            int end = delimiter.length - 1;
            for (int i = pos; i <= last; i += shift[buf[i + end] & 0xFF]) {
                if (matchesAt(i)) {
                    safeEnd = i;
                    delimiterAtSafeEnd = true;
                    return;
                }
            }
            if (sourceEnded) {
                throw fail("the body ends inside part " + number
                        + " before its closing boundary: the upload was cut short");
            }
            safeEnd = last + 1;
        }

        private boolean matchesAt(int i) {
            for (int k = delimiter.length - 1; k >= 0; k--) {
                if (buf[i + k] != delimiter[k]) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public int available() {
            return 0;
        }

        void skipRest() throws IOException {
            byte[] sink = new byte[BUFFER_SIZE];
            while (read(sink, 0, sink.length) >= 0) {
                // discarding what the consumer did not read, to reach the next part
            }
        }

        /** Closing leaves the request stream to the reader; the next {@link #next()} skips what is left. */
        @Override
        public void close() {
        }
    }
}
