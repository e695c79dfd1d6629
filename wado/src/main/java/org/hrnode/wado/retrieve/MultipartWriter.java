package org.hrnode.wado.retrieve;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Writes a multipart/related body (RFC 2387, PS3.18 §8.7.3.3) part by part, straight to the response: each part's
 * bytes go out as they are read, so no part and no study is ever held whole. Hand-written because the only library
 * for it on the class path (RESTEasy's multipart provider) builds its parts in memory first.
 */
final class MultipartWriter {

    private static final byte[] CRLF = {'\r', '\n'};
    /** Large enough that a typical CT or MR object goes out in a few writes. */
    private static final int BUFFER = 256 * 1024;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final OutputStream out;
    private final byte[] delimiter;
    private final String boundary;
    private final byte[] buffer = new byte[BUFFER];
    private boolean finished;

    MultipartWriter(OutputStream out, String boundary) {
        this.out = out;
        this.boundary = boundary;
        this.delimiter = ("--" + boundary).getBytes(StandardCharsets.US_ASCII);
    }

    /** A boundary no DICOM object will contain by chance: 32 random hexadecimal digits. */
    static String newBoundary() {
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        return "hrnode-" + HexFormat.of().formatHex(random);
    }

    String boundary() {
        return boundary;
    }

    /** The Content-Type of the whole response, for parts of {@code partType}. */
    static String contentType(String partType, String boundary) {
        return "multipart/related; type=\"" + partType + "\"; boundary=" + boundary;
    }

    /** Bytes {@link #part} writes for a body of {@code length} bytes. */
    static long partLength(String boundary, String contentType, long length) {
        return delimiterLine(boundary).length + headers(contentType, length).length + length + CRLF.length;
    }

    /** Bytes {@link #finish} writes. */
    static long closingLength(String boundary) {
        return ("--" + boundary + "--\r\n").length();
    }

    /** One part whose body is copied from {@code body} ({@code length} bytes, or -1 when not known up front). */
    void part(String contentType, long length, InputStream body) throws IOException {
        startPart(contentType, length);
        int n;
        while ((n = body.read(buffer)) > 0) {
            out.write(buffer, 0, n);
        }
        out.write(CRLF);
    }

    void part(String contentType, byte[] body) throws IOException {
        startPart(contentType, body.length);
        out.write(body);
        out.write(CRLF);
    }

    /** The closing delimiter; a body without one tells the client the response was cut short. */
    void finish() throws IOException {
        if (!finished) {
            finished = true;
            out.write(delimiter);
            out.write(new byte[] {'-', '-', '\r', '\n'});
            out.flush();
        }
    }

    private void startPart(String contentType, long length) throws IOException {
        out.write(delimiterLine(boundary));
        out.write(headers(contentType, length));
    }

    private static byte[] delimiterLine(String boundary) {
        return ("--" + boundary + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] headers(String contentType, long length) {
        StringBuilder headers = new StringBuilder();
        headers.append("Content-Type: ").append(contentType).append("\r\n");
        if (length >= 0) {
            headers.append("Content-Length: ").append(length).append("\r\n");
        }
        headers.append("\r\n");
        return headers.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
