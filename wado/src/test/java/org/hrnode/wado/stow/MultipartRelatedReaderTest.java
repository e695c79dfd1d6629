package org.hrnode.wado.stow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The streaming multipart reader against bodies whose parts are known: exact bytes back whatever the read sizes
 * and however the bytes arrive, including bytes that look like the start of a delimiter, and a precise error for
 * each way the framing can break.
 */
class MultipartRelatedReaderTest {

    private static final String BOUNDARY = "b0und4ry";

    private static byte[] body(String boundary, String preamble, List<byte[]> parts, boolean closed) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(preamble.getBytes(StandardCharsets.ISO_8859_1));
        for (byte[] part : parts) {
            out.writeBytes(("--" + boundary + "\r\nContent-Type: application/dicom\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.writeBytes(part);
            out.writeBytes("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        if (closed) {
            out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.ISO_8859_1));
        }
        return out.toByteArray();
    }

    /** Hands out at most {@code chunk} bytes per read, as a slow network does. */
    private static InputStream trickle(byte[] bytes, int chunk) {
        return new FilterInputStream(new ByteArrayInputStream(bytes)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, chunk));
            }
        };
    }

    private static List<byte[]> readAll(MultipartRelatedReader reader, int readSize) throws IOException {
        List<byte[]> parts = new ArrayList<>();
        for (Optional<MultipartPart> p = reader.next(); p.isPresent(); p = reader.next()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] chunk = new byte[readSize];
            for (int n; (n = p.get().body().read(chunk)) >= 0; ) {
                out.write(chunk, 0, n);
            }
            parts.add(out.toByteArray());
        }
        return parts;
    }

    @Test
    void partsComeBackByteForByteWhateverTheReadAndArrivalSizes() throws IOException {
        Random random = new Random(7);
        byte[] big = new byte[3 * MultipartRelatedReader.BUFFER_SIZE + 17];
        random.nextBytes(big);
        // bytes that begin like the delimiter but are not it, at a place where a buffer boundary may cut them
        byte[] tricky = ("x\r\n--" + BOUNDARY.substring(0, 5) + "\r\n-" + BOUNDARY + "\n--" + BOUNDARY)
                .getBytes(StandardCharsets.ISO_8859_1);
        byte[] tricky2 = ("\r\n-\r\n--\r\n--b0und4r").getBytes(StandardCharsets.ISO_8859_1);
        List<byte[]> parts = List.of(big, new byte[0], tricky, tricky2, new byte[] {'\r'});
        byte[] body = body(BOUNDARY, "preamble to ignore\r\n", parts, true);
        for (int arrival : new int[] {1, 3, 70, 4096, Integer.MAX_VALUE}) {
            for (int readSize : new int[] {1, 7, 8192}) {
                if (arrival == 1 && readSize == 8192 || arrival < 70 && readSize == 1) {
                    continue; // slow combinations add nothing the others do not cover
                }
                List<byte[]> back = readAll(new MultipartRelatedReader(trickle(body, arrival), BOUNDARY), readSize);
                assertThat(back).as("arrival %d, read size %d", arrival, readSize).hasSize(parts.size());
                for (int i = 0; i < parts.size(); i++) {
                    assertThat(Arrays.equals(back.get(i), parts.get(i))).as("part %d", i + 1).isTrue();
                }
            }
        }
    }

    /**
     * The delimiter search jumps ahead by up to the delimiter's length: parts strewn with every proper prefix and
     * near-miss of the delimiter, at every offset, still end exactly where their delimiter is.
     */
    @Test
    void partsFullOfDelimiterLookalikesEndExactlyAtTheirDelimiter() throws IOException {
        Random random = new Random(23);
        byte[] delimiter = ("\r\n--" + BOUNDARY).getBytes(StandardCharsets.ISO_8859_1);
        List<byte[]> parts = new ArrayList<>();
        for (int p = 0; p < 40; p++) {
            ByteArrayOutputStream part = new ByteArrayOutputStream();
            int pieces = random.nextInt(30);
            for (int k = 0; k < pieces; k++) {
                byte[] noise = new byte[random.nextInt(200)];
                random.nextBytes(noise);
                part.writeBytes(noise);
                byte[] lookalike = Arrays.copyOf(delimiter, 1 + random.nextInt(delimiter.length - 1));
                if (random.nextBoolean() && lookalike.length > 1) {
                    lookalike[random.nextInt(lookalike.length)] ^= 0x20; // a near miss, not only a prefix
                }
                part.writeBytes(lookalike);
            }
            parts.add(part.toByteArray());
        }
        byte[] body = body(BOUNDARY, "", parts, true);
        for (int arrival : new int[] {5, 4096, Integer.MAX_VALUE}) {
            List<byte[]> back = readAll(new MultipartRelatedReader(trickle(body, arrival), BOUNDARY), 8192);
            assertThat(back).hasSize(parts.size());
            for (int i = 0; i < parts.size(); i++) {
                assertThat(back.get(i)).as("arrival %d, part %d", arrival, i + 1).isEqualTo(parts.get(i));
            }
        }
    }

    @Test
    void headersArePartOfEachPartAndUnreadBodiesAreSkipped() throws IOException {
        String body = "--" + BOUNDARY + "\r\nContent-Type: application/dicom\r\nX-Long:  a\r\n b\r\n\r\nfirst\r\n"
                + "--" + BOUNDARY + "  \r\ncontent-type: text/plain\r\n\r\nsecond\r\n--" + BOUNDARY + "--";
        MultipartRelatedReader reader = new MultipartRelatedReader(
                new ByteArrayInputStream(body.getBytes(StandardCharsets.ISO_8859_1)), BOUNDARY);
        MultipartPart first = reader.next().orElseThrow();
        assertThat(first.header("CONTENT-TYPE")).contains("application/dicom");
        assertThat(first.header("x-long")).contains("a b");
        MultipartPart second = reader.next().orElseThrow();
        assertThat(second.number()).isEqualTo(2);
        assertThat(second.header("Content-Type")).contains("text/plain");
        assertThat(new String(second.body().readAllBytes(), StandardCharsets.ISO_8859_1)).isEqualTo("second");
        assertThat(reader.next()).isEmpty();
        assertThat(reader.failure()).isEmpty();
    }

    @Test
    void aBodyWithoutTheBoundaryIsMalformed() {
        byte[] body = body("other", "", List.of(new byte[] {1, 2, 3}), true);
        MultipartRelatedReader reader = new MultipartRelatedReader(new ByteArrayInputStream(body), BOUNDARY);
        assertThatThrownBy(reader::next).isInstanceOf(MalformedMultipartException.class)
                .hasMessageContaining("no boundary line '--" + BOUNDARY + "'");
        assertThat(reader.failure()).isPresent();
    }

    @Test
    void aBoundaryThatOnlyStartsTheRealOneIsMalformed() {
        // the Content-Type said "b0und" but the body uses "b0und4ry": the line goes on after the boundary
        byte[] body = body(BOUNDARY, "", List.of(new byte[] {1}), true);
        MultipartRelatedReader reader = new MultipartRelatedReader(new ByteArrayInputStream(body), "b0und");
        assertThatThrownBy(reader::next).isInstanceOf(MalformedMultipartException.class)
                .hasMessageContaining("boundary does not match");
    }

    @Test
    void aTruncatedPartFailsItsReaderAndEarlierPartsAreWhole() throws IOException {
        byte[] whole = body(BOUNDARY, "", List.of("complete".getBytes(StandardCharsets.US_ASCII),
                new byte[100_000]), true);
        byte[] cut = Arrays.copyOf(whole, whole.length - 50_000);
        MultipartRelatedReader reader = new MultipartRelatedReader(new ByteArrayInputStream(cut), BOUNDARY);
        assertThat(reader.next().orElseThrow().body().readAllBytes()).asString(StandardCharsets.US_ASCII)
                .isEqualTo("complete");
        InputStream second = reader.next().orElseThrow().body();
        assertThatThrownBy(second::readAllBytes).isInstanceOf(MalformedMultipartException.class)
                .hasMessageContaining("ends inside part 2");
        assertThat(reader.failure()).isPresent();
        assertThatThrownBy(reader::next).isInstanceOf(MalformedMultipartException.class);
    }

    @Test
    void aBodyWithoutCloseDelimiterAfterTheLastPartIsMalformed() throws IOException {
        byte[] body = body(BOUNDARY, "", List.of(new byte[] {1, 2}), false);
        MultipartRelatedReader reader = new MultipartRelatedReader(new ByteArrayInputStream(body), BOUNDARY);
        InputStream part = reader.next().orElseThrow().body();
        assertThatThrownBy(part::readAllBytes).isInstanceOf(MalformedMultipartException.class);
    }

    @Test
    void headersAreCappedAndMustBeHeaders() {
        String huge = "--" + BOUNDARY + "\r\nX: " + "a".repeat(MultipartRelatedReader.MAX_HEADER_BYTES) + "\r\n\r\n";
        MultipartRelatedReader reader = new MultipartRelatedReader(
                new ByteArrayInputStream(huge.getBytes(StandardCharsets.ISO_8859_1)), BOUNDARY);
        assertThatThrownBy(reader::next).isInstanceOf(MalformedMultipartException.class)
                .hasMessageContaining("exceed");
        String garbage = "--" + BOUNDARY + "\r\nthis is not a header\r\n\r\nx\r\n--" + BOUNDARY + "--";
        MultipartRelatedReader reader2 = new MultipartRelatedReader(
                new ByteArrayInputStream(garbage.getBytes(StandardCharsets.ISO_8859_1)), BOUNDARY);
        assertThatThrownBy(reader2::next).isInstanceOf(MalformedMultipartException.class)
                .hasMessageContaining("header line without a name");
    }

    /** Fuzzing: mutated and cut bodies either parse or fail as malformed; never another exception, never a hang. */
    @Test
    void mutatedBodiesParseOrFailAsMalformedAndNothingElse() throws IOException {
        Random random = new Random(11);
        byte[] valid = body(BOUNDARY, "pre\r\n", List.of("first part".getBytes(StandardCharsets.US_ASCII),
                new byte[3000], "x\r\n--b0und".getBytes(StandardCharsets.US_ASCII)), true);
        int malformed = 0;
        for (int round = 0; round < 3000; round++) {
            byte[] mutated = Arrays.copyOf(valid, 1 + random.nextInt(valid.length));
            for (int flips = random.nextInt(4); flips > 0; flips--) {
                int at = random.nextInt(mutated.length);
                mutated[at] = random.nextBoolean() ? (byte) random.nextInt(256) : (byte) "\r\n-"
                        .charAt(random.nextInt(3));
            }
            MultipartRelatedReader reader = new MultipartRelatedReader(trickle(mutated, 1 + random.nextInt(100)),
                    BOUNDARY);
            try {
                List<byte[]> parts = readAll(reader, 1 + random.nextInt(5000));
                assertThat(parts.size()).isLessThanOrEqualTo(4);
            } catch (MalformedMultipartException e) {
                malformed++;
                assertThat(reader.failure()).contains(e);
            }
        }
        assertThat(malformed).as("most cut bodies are malformed").isGreaterThan(1000);
    }
}
