package org.hrnode.storage.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SM4-GCM at rest: the whole blob store contract still holds, ranges decrypt, and any tampering is refused. */
class Sm4GcmBlobStoreTest extends BlobStoreContractTest {

    private static final byte[] K1 = HexFormat.of().parseHex("0123456789abcdeffedcba9876543210");
    private static final byte[] K2 = HexFormat.of().parseHex("00112233445566778899aabbccddeeff");
    /** Small chunks so a few kilobytes cross many chunk boundaries. */
    private static final int CHUNK = 1000;

    private final InMemoryBlobStore inner = new InMemoryBlobStore();
    private final Sm4GcmBlobStore store = new Sm4GcmBlobStore(inner, EncryptionKeys.of("k1", Map.of("k1", K1)),
            CHUNK);

    @Override
    protected BlobStore store() {
        return store;
    }

    private byte[] stored(String key) throws IOException {
        return readAll(inner.get(key));
    }

    private void storeRaw(String key, byte[] bytes) throws IOException {
        inner.put(key, new ByteArrayInputStream(bytes));
    }

    @Test
    void storedBytesAreCiphertextAndPutReportsThePlaintextDigest() throws IOException {
        byte[] plain = new byte[5000]; // zeros: any leak of plaintext would show as runs of zeros
        PutResult result = store.put(key("c"), new ByteArrayInputStream(plain));

        assertThat(result).isEqualTo(new PutResult(5000, sha256(plain)));
        byte[] raw = stored(key("c"));
        assertThat(raw.length).isGreaterThan(5000);
        assertThat(new String(raw, 0, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("HRE1");
        assertThat(indexOfZeroRun(raw, 32)).as("a run of 32 zero bytes in the ciphertext").isEqualTo(-1);
        assertThat(readAll(store.get(key("c")))).isEqualTo(plain);
    }

    private static int indexOfZeroRun(byte[] bytes, int run) {
        int n = 0;
        for (int i = 0; i < bytes.length; i++) {
            n = bytes[i] == 0 ? n + 1 : 0;
            if (n == run) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void everyRangeMatchesThePlaintextAcrossChunkBoundaries() throws IOException {
        byte[] plain = randomBytes(3 * CHUNK + 17, 7);
        store.put(key("r"), new ByteArrayInputStream(plain));

        for (int offset : new int[] {0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK + 500, 3 * CHUNK, 3 * CHUNK + 16,
                3 * CHUNK + 17, 10 * CHUNK}) {
            for (int length : new int[] {0, 1, 2, CHUNK, CHUNK + 1, 2 * CHUNK + 3, 100 * CHUNK}) {
                int from = Math.min(offset, plain.length);
                int to = (int) Math.min((long) offset + length, plain.length);
                assertThat(readAll(store.get(key("r"), offset, length))).as("offset %d length %d", offset, length)
                        .isEqualTo(Arrays.copyOfRange(plain, from, to));
            }
        }
    }

    @Test
    void aFlippedBitIsRefusedOnWholeAndRangedReads() throws IOException {
        byte[] plain = randomBytes(3 * CHUNK, 8);
        store.put(key("t"), new ByteArrayInputStream(plain));
        byte[] raw = stored(key("t"));
        raw[raw.length - CHUNK / 2] ^= 1; // inside the last chunk
        storeRaw(key("t"), raw);

        assertThatThrownBy(() -> readAll(store.get(key("t")))).isInstanceOf(BlobDecryptionException.class)
                .hasMessageContaining("chunk 2").hasMessageContaining("altered");
        assertThatThrownBy(() -> readAll(store.get(key("t"), 2 * CHUNK + 5, 10)))
                .isInstanceOf(BlobDecryptionException.class);
        // a range that does not touch the altered chunk still reads
        assertThat(readAll(store.get(key("t"), 10, 20))).isEqualTo(Arrays.copyOfRange(plain, 10, 30));
    }

    @Test
    void aBlobCutAtAChunkBoundaryIsRefused() throws IOException {
        store.put(key("cut"), new ByteArrayInputStream(randomBytes(3 * CHUNK, 9)));
        byte[] raw = stored(key("cut"));
        storeRaw(key("cut"), Arrays.copyOf(raw, raw.length - (CHUNK + Sm4GcmFormat.TAG_BYTES)));

        assertThatThrownBy(() -> readAll(store.get(key("cut")))).isInstanceOf(BlobDecryptionException.class);
    }

    @Test
    void swappedChunksAreRefused() throws IOException {
        store.put(key("sw"), new ByteArrayInputStream(randomBytes(3 * CHUNK, 10)));
        byte[] raw = stored(key("sw"));
        int header = raw.length - 3 * (CHUNK + Sm4GcmFormat.TAG_BYTES);
        int sealed = CHUNK + Sm4GcmFormat.TAG_BYTES;
        byte[] swapped = raw.clone();
        System.arraycopy(raw, header, swapped, header + sealed, sealed);
        System.arraycopy(raw, header + sealed, swapped, header, sealed);
        storeRaw(key("sw"), swapped);

        assertThatThrownBy(() -> readAll(store.get(key("sw")))).isInstanceOf(BlobDecryptionException.class);
    }

    @Test
    void theWrongKeyFailsWithAClearError() throws IOException {
        store.put(key("w"), new ByteArrayInputStream(randomBytes(100, 11)));
        Sm4GcmBlobStore wrongKey = new Sm4GcmBlobStore(inner, EncryptionKeys.of("k1", Map.of("k1", K2)), CHUNK);
        Sm4GcmBlobStore otherId = new Sm4GcmBlobStore(inner, EncryptionKeys.of("k2", Map.of("k2", K2)), CHUNK);

        assertThatThrownBy(() -> readAll(wrongKey.get(key("w")))).isInstanceOf(BlobDecryptionException.class)
                .hasMessageContaining("key 'k1'").hasMessageContaining("wrong key");
        assertThatThrownBy(() -> readAll(otherId.get(key("w")))).isInstanceOf(BlobDecryptionException.class)
                .hasMessageContaining("encrypted with key 'k1', which the key file does not hold");
    }

    @Test
    void aPlaintextBlobIsRefusedNotPassedThrough() throws IOException {
        storeRaw(key("p"), "DICM not encrypted".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

        assertThatThrownBy(() -> readAll(store.get(key("p")))).isInstanceOf(BlobDecryptionException.class)
                .hasMessageContaining("not encrypted");
    }

    @Test
    void rotatedKeysReadOldBlobsAndWriteWithTheCurrentOne(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("keys.properties");
        Files.writeString(file, "current=k1\nkey.k1=" + HexFormat.of().formatHex(K1) + "\n");
        Sm4GcmBlobStore before = new Sm4GcmBlobStore(inner, EncryptionKeys.read(file), CHUNK);
        before.put(key("old"), new ByteArrayInputStream(new byte[] {1, 2, 3}));
        Files.writeString(file, "current=k2\nkey.k1=" + HexFormat.of().formatHex(K1) + "\nkey.k2="
                + HexFormat.of().formatHex(K2) + "\n");
        Sm4GcmBlobStore after = new Sm4GcmBlobStore(inner, EncryptionKeys.read(file), CHUNK);
        after.put(key("new"), new ByteArrayInputStream(new byte[] {4, 5}));

        assertThat(readAll(after.get(key("old")))).containsExactly(1, 2, 3);
        assertThat(readAll(after.get(key("new")))).containsExactly(4, 5);
        assertThatThrownBy(() -> readAll(before.get(key("new")))).hasMessageContaining("key 'k2'");
    }

    @Test
    void aBadKeyFileIsRefusedWithItsProblemNamed(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("keys.properties");
        Files.writeString(file, "current=k1\nkey.k1=0011\n");
        assertThatThrownBy(() -> EncryptionKeys.read(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SM4 keys have 16");
        Files.writeString(file, "current=k9\nkey.k1=" + HexFormat.of().formatHex(K1) + "\n");
        assertThatThrownBy(() -> EncryptionKeys.read(file)).hasMessageContaining("current key 'k9'");
    }
}
