package org.hrnode.storage.blob;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * The layout of an SM4-GCM encrypted blob, chunked so a ranged read decrypts only the chunks it touches:
 * <pre>
 * header:  "HRE1" | key id length (1) | key id (UTF-8) | chunk size (4, big-endian) | nonce prefix (8, random)
 * chunk i: SM4-GCM ciphertext of plaintext bytes [i*chunk, (i+1)*chunk) | tag (16)
 * </pre>
 * Chunk i's nonce is the blob's random prefix followed by i (4 bytes), so no nonce repeats under one key (2^64 random
 * prefixes, each for at most 2^32 chunks) and chunks cannot be reordered. Each chunk's additional authenticated data
 * is the header and one byte saying whether the chunk is the last: cutting a blob at a chunk boundary, or swapping
 * headers between blobs, fails authentication. An empty blob is one empty final chunk.
 */
final class Sm4GcmFormat {

    static final byte[] MAGIC = "HRE1".getBytes(StandardCharsets.US_ASCII);
    static final int TAG_BYTES = 16;
    static final int NONCE_PREFIX_BYTES = 8;
    static final int DEFAULT_CHUNK = 64 * 1024;
    /** The most a header can take: magic, id length, a 255-byte id, chunk size, nonce prefix. */
    static final int MAX_HEADER = MAGIC.length + 1 + 255 + 4 + NONCE_PREFIX_BYTES;
    private static final int MAX_CHUNK = 16 * 1024 * 1024;

    /** A parsed header and its bytes (the chunks' authenticated data). */
    record Header(String keyId, int chunkSize, byte[] noncePrefix, byte[] bytes) {

        static Header create(String keyId, int chunkSize, byte[] noncePrefix) {
            byte[] id = keyId.getBytes(StandardCharsets.UTF_8);
            ByteBuffer b = ByteBuffer.allocate(MAGIC.length + 1 + id.length + 4 + NONCE_PREFIX_BYTES);
            b.put(MAGIC).put((byte) id.length).put(id).putInt(chunkSize).put(noncePrefix);
            return new Header(keyId, chunkSize, noncePrefix, b.array());
        }

        /** Reads a header from the start of {@code in}; {@code key} names the blob in messages. */
        static Header read(InputStream in, String key) throws IOException {
            DataInputStream data = new DataInputStream(in);
            ByteArrayOutputStream raw = new ByteArrayOutputStream(64);
            try {
                byte[] magic = data.readNBytes(MAGIC.length);
                if (!Arrays.equals(magic, MAGIC)) {
                    throw new BlobDecryptionException("blob " + key + " is not encrypted by this node (no HRE1"
                            + " header): it was stored before encryption was turned on, or replaced");
                }
                int idLength = data.readUnsignedByte();
                byte[] id = data.readNBytes(idLength);
                int chunkSize = data.readInt();
                byte[] prefix = data.readNBytes(NONCE_PREFIX_BYTES);
                if (id.length != idLength || prefix.length != NONCE_PREFIX_BYTES) {
                    throw new EOFException();
                }
                if (chunkSize <= 0 || chunkSize > MAX_CHUNK) {
                    throw new BlobDecryptionException("blob " + key + " has a corrupt header (chunk size "
                            + chunkSize + ")");
                }
                raw.write(magic);
                raw.write(idLength);
                raw.write(id);
                raw.write(ByteBuffer.allocate(4).putInt(chunkSize).array());
                raw.write(prefix);
                return new Header(new String(id, StandardCharsets.UTF_8), chunkSize, prefix, raw.toByteArray());
            } catch (EOFException e) {
                throw new BlobDecryptionException("blob " + key + " is truncated inside its encryption header", e);
            }
        }

        int length() {
            return bytes.length;
        }

        long encryptedChunkSize() {
            return (long) chunkSize + TAG_BYTES;
        }
    }

    private Sm4GcmFormat() {
    }

    /**
     * Encrypts or decrypts the chunks of one blob with one GCM instance: the key schedule and GHASH tables are built
     * on the first chunk and reused for the rest (BouncyCastle keeps them when re-initialised without a key), which
     * is most of the per-chunk cost otherwise. Not thread-safe: one per stream.
     */
    static final class ChunkCipher {
        private final boolean encrypt;
        private final byte[] key;
        private final Header header;
        private final GCMBlockCipher gcm = (GCMBlockCipher) GCMBlockCipher.newInstance(new SM4Engine());
        private boolean keyed;

        ChunkCipher(boolean encrypt, byte[] key, Header header) {
            this.encrypt = encrypt;
            this.key = key;
            this.header = header;
        }

        /** Chunk {@code index}: ciphertext and tag when encrypting, plaintext when decrypting. */
        byte[] crypt(long index, boolean last, byte[] in, int length) throws InvalidCipherTextException {
            byte[] nonce = ByteBuffer.allocate(12).put(header.noncePrefix()).putInt((int) index).array();
            byte[] aad = Arrays.copyOf(header.bytes(), header.length() + 1);
            aad[aad.length - 1] = (byte) (last ? 1 : 0);
            gcm.init(encrypt, new AEADParameters(keyed ? null : new KeyParameter(key), TAG_BYTES * 8, nonce, aad));
            keyed = true;
            byte[] out = new byte[gcm.getOutputSize(length)];
            int n = gcm.processBytes(in, 0, length, out, 0);
            n += gcm.doFinal(out, n);
            return n == out.length ? out : Arrays.copyOf(out, n);
        }
    }
}
