package org.hrnode.storage.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The {@link BlobStore} contract, run against every implementation: each subclass supplies a store, and every test
 * uses fresh keys so subclasses may share one store across tests.
 */
abstract class BlobStoreContractTest {

    private static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    private static final int SMALL = 100_000;
    /** Large enough to need many multipart parts and far more than any buffer; small enough for a shared CI box. */
    private static final long LARGE = 64L * 1024 * 1024;

    private final String prefix = "t/" + UUID.randomUUID();

    /** The store under test. */
    protected abstract BlobStore store();

    /** How far into a stream a failure must come to hit the implementation's streaming path (multipart for S3). */
    protected long streamingFailurePoint() {
        return SMALL;
    }

    protected String key(String name) {
        return prefix + "/" + name;
    }

    protected static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    protected static String sha256(byte[] bytes) {
        return GeneratedInputStream.sha256Of(new ByteArrayInputStream(bytes));
    }

    protected static byte[] readAll(InputStream in) throws IOException {
        try (in) {
            return in.readAllBytes();
        }
    }

    @Test
    void putReturnsSizeAndDigestAndGetReturnsTheBytes() throws IOException {
        byte[] bytes = randomBytes(SMALL, 1);

        PutResult result = store().put(key("a"), new ByteArrayInputStream(bytes));

        assertThat(result).isEqualTo(new PutResult(SMALL, sha256(bytes)));
        assertThat(readAll(store().get(key("a")))).isEqualTo(bytes);
    }

    @Test
    void emptyBlobRoundTrips() throws IOException {
        PutResult result = store().put(key("empty"), InputStream.nullInputStream());

        assertThat(result).isEqualTo(new PutResult(0, EMPTY_SHA256));
        assertThat(readAll(store().get(key("empty")))).isEmpty();
        assertThat(store().exists(key("empty"))).isTrue();
    }

    @Test
    void rangedReadsReturnTheSliceCutAtTheEnd() throws IOException {
        byte[] bytes = randomBytes(SMALL, 2);
        store().put(key("r"), new ByteArrayInputStream(bytes));

        assertThat(readAll(store().get(key("r"), 10, 20))).isEqualTo(Arrays.copyOfRange(bytes, 10, 30));
        assertThat(readAll(store().get(key("r"), 0, 1))).isEqualTo(Arrays.copyOfRange(bytes, 0, 1));
        assertThat(readAll(store().get(key("r"), SMALL - 5, 100))).isEqualTo(Arrays.copyOfRange(bytes, SMALL - 5,
                SMALL));
        assertThat(readAll(store().get(key("r"), SMALL, 10))).isEmpty();
        assertThat(readAll(store().get(key("r"), SMALL + 1000, 10))).isEmpty();
        assertThat(readAll(store().get(key("r"), 5, 0))).isEmpty();
    }

    @Test
    void readGivesExactlyTheRangeOrFailsWhenTheBlobEndsFirst() throws IOException {
        byte[] bytes = randomBytes(SMALL, 3);
        store().put(key("x"), new ByteArrayInputStream(bytes));

        assertThat(store().read(key("x"), 10, 20)).isEqualTo(Arrays.copyOfRange(bytes, 10, 30));
        assertThat(store().read(key("x"), SMALL, 0)).isEmpty();
        assertThatThrownBy(() -> store().read(key("x"), SMALL - 5, 10)).isInstanceOf(IOException.class)
                .hasMessageContaining("ends 5 bytes before");
    }

    @Test
    void negativeRangeIsRejected() throws IOException {
        store().put(key("neg"), new ByteArrayInputStream(new byte[10]));

        assertThatThrownBy(() -> store().get(key("neg"), -1, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store().get(key("neg"), 0, -5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void putOverAnExistingKeyReplacesTheBytes() throws IOException {
        byte[] first = randomBytes(SMALL, 3);
        byte[] second = randomBytes(SMALL / 2, 4);
        store().put(key("o"), new ByteArrayInputStream(first));

        PutResult result = store().put(key("o"), new ByteArrayInputStream(second));

        assertThat(result.sha256()).isEqualTo(sha256(second));
        assertThat(readAll(store().get(key("o")))).isEqualTo(second);
    }

    @Test
    void existsTellsStoredFromMissing() throws IOException {
        store().put(key("e"), new ByteArrayInputStream(new byte[] {1}));

        assertThat(store().exists(key("e"))).isTrue();
        assertThat(store().exists(key("never-stored"))).isFalse();
    }

    @Test
    void deleteRemovesTheBlobAndIsIdempotent() throws IOException {
        store().put(key("d"), new ByteArrayInputStream(new byte[] {1, 2, 3}));

        store().delete(key("d"));

        assertThat(store().exists(key("d"))).isFalse();
        assertThatThrownBy(() -> store().get(key("d"))).isInstanceOf(BlobNotFoundException.class);
        store().delete(key("d"));
        store().delete(key("never-stored"));
    }

    @Test
    void missingKeyIsBlobNotFound() {
        assertThatThrownBy(() -> readAll(store().get(key("missing"))))
                .isInstanceOf(BlobNotFoundException.class)
                .hasMessageContaining(key("missing"))
                .satisfies(e -> assertThat(((BlobNotFoundException) e).key()).isEqualTo(key("missing")));
        assertThatThrownBy(() -> readAll(store().get(key("missing"), 0, 10)))
                .isInstanceOf(BlobNotFoundException.class);
    }

    @Test
    void streamFailingEarlyFailsThePutAndLeavesNoBlob() throws IOException {
        IOException peerGone = new IOException("peer closed the association");

        assertThatThrownBy(() -> store().put(key("f"), GeneratedInputStream.failingAfter(1000, peerGone)))
                .isSameAs(peerGone);
        assertThat(store().exists(key("f"))).isFalse();
    }

    @Test
    void streamFailingDeepInFailsThePutAndLeavesNoBlob() throws IOException {
        IOException peerGone = new IOException("peer closed the association");

        assertThatThrownBy(() -> store().put(key("g"),
                GeneratedInputStream.failingAfter(streamingFailurePoint(), peerGone)))
                .isSameAs(peerGone);
        assertThat(store().exists(key("g"))).isFalse();
    }

    @Test
    void failedOverwriteKeepsThePreviousBlob() throws IOException {
        byte[] original = randomBytes(SMALL, 5);
        store().put(key("k"), new ByteArrayInputStream(original));
        IOException peerGone = new IOException("peer closed the association");
        InputStream failing = new SequenceInputStream(new ByteArrayInputStream(randomBytes(SMALL, 6)),
                GeneratedInputStream.failingAfter(0, peerGone));

        assertThatThrownBy(() -> store().put(key("k"), failing)).isSameAs(peerGone);
        assertThat(readAll(store().get(key("k")))).isEqualTo(original);
    }

    @Test
    void largeObjectStreamsThroughWithMatchingDigest() throws IOException {
        String expected = GeneratedInputStream.sha256Of(new GeneratedInputStream(LARGE, 42));

        PutResult result = store().put(key("large"), new GeneratedInputStream(LARGE, 42));

        assertThat(result).isEqualTo(new PutResult(LARGE, expected));
        assertThat(GeneratedInputStream.sha256Of(store().get(key("large")))).isEqualTo(expected);
        assertThat(GeneratedInputStream.countOf(store().get(key("large"), LARGE - 1000, 5000))).isEqualTo(1000);
    }

    @Test
    void invalidKeysAreRejectedBeforeTouchingTheStore() {
        String tooLong = "a".repeat(BlobKeys.MAX_KEY_LENGTH + 1);
        for (String bad : new String[] {"", "/abs", "a/../b", "..", "a//b", "a/", ".hidden", "a\\b", "a b", tooLong}) {
            assertThatThrownBy(() -> store().put(bad, InputStream.nullInputStream()))
                    .as("key '%s'", bad).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store().get(bad)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void digestIsLowerCaseHex() throws IOException {
        PutResult result = store().put(key("h"), new ByteArrayInputStream(new byte[] {(byte) 0xFF}));

        assertThat(HexFormat.of().parseHex(result.sha256())).hasSize(32);
        assertThat(result.sha256()).isEqualTo(result.sha256().toLowerCase(java.util.Locale.ROOT));
    }
}
