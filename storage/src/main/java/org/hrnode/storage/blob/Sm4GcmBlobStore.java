package org.hrnode.storage.blob;

import java.io.IOException;
import java.io.InputStream;
import java.security.SecureRandom;
import java.util.Objects;
import org.bouncycastle.crypto.InvalidCipherTextException;

/**
 * Encryption at rest with SM4-GCM (GB/T 32907, national commercial cryptography; Ningxia spec 7.1): a decorator that
 * encrypts on {@link #put} and decrypts on {@link #get}, so DICOMweb, DIMSE and the index see plaintext only. The
 * blob layout is in {@link Sm4GcmFormat}: 64 KiB chunks, each authenticated, so a ranged read fetches and decrypts
 * only the chunks it touches, and any change to the stored bytes fails with {@link BlobDecryptionException}.
 *
 * <p>{@link #put} reports the plaintext's size and SHA-256, as the index records them; the stored blob is larger by
 * the header and 16 bytes per chunk. Streaming throughout: at most two chunks are held in memory.
 */
public final class Sm4GcmBlobStore implements BlobStore {

    private final BlobStore inner;
    private final EncryptionKeys keys;
    private final int chunkSize;
    private final SecureRandom random = new SecureRandom();

    public Sm4GcmBlobStore(BlobStore inner, EncryptionKeys keys) {
        this(inner, keys, Sm4GcmFormat.DEFAULT_CHUNK);
    }

    Sm4GcmBlobStore(BlobStore inner, EncryptionKeys keys, int chunkSize) {
        this.inner = Objects.requireNonNull(inner, "inner");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.chunkSize = chunkSize;
    }

    @Override
    public PutResult put(String key, InputStream data) throws IOException {
        BlobKeys.validate(key);
        byte[] prefix = new byte[Sm4GcmFormat.NONCE_PREFIX_BYTES];
        random.nextBytes(prefix);
        Sm4GcmFormat.Header header = Sm4GcmFormat.Header.create(keys.currentId(), chunkSize, prefix);
        MeasuringInputStream plain = new MeasuringInputStream(data);
        inner.put(key, new EncryptingInputStream(plain, keys.current(), header));
        return plain.result();
    }

    @Override
    public InputStream get(String key) throws IOException {
        InputStream in = inner.get(key);
        try {
            Sm4GcmFormat.Header header = Sm4GcmFormat.Header.read(in, key);
            return new DecryptingInputStream(in, key, keyFor(header, key), header, 0, 0, Long.MAX_VALUE, true);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    @Override
    public InputStream get(String key, long offset, long length) throws IOException {
        BlobStore.checkRange(offset, length);
        Sm4GcmFormat.Header header;
        try (InputStream head = inner.get(key, 0, Sm4GcmFormat.MAX_HEADER)) {
            header = Sm4GcmFormat.Header.read(head, key);
        }
        byte[] secret = keyFor(header, key);
        if (length == 0) {
            return InputStream.nullInputStream();
        }
        long first = offset / chunkSizeOf(header);
        long last = (offset + length - 1) / chunkSizeOf(header);
        long encryptedStart = header.length() + first * header.encryptedChunkSize();
        long encryptedLength = (last - first + 1) * header.encryptedChunkSize();
        InputStream in = inner.get(key, encryptedStart, encryptedLength);
        return new DecryptingInputStream(in, key, secret, header, first, offset - first * chunkSizeOf(header),
                length, false);
    }

    private static long chunkSizeOf(Sm4GcmFormat.Header header) {
        return header.chunkSize();
    }

    private byte[] keyFor(Sm4GcmFormat.Header header, String key) throws BlobDecryptionException {
        return keys.find(header.keyId()).orElseThrow(() -> new BlobDecryptionException("blob " + key
                + " was encrypted with key '" + header.keyId() + "', which the key file does not hold"));
    }

    @Override
    public boolean exists(String key) throws IOException {
        return inner.exists(key);
    }

    @Override
    public void delete(String key) throws IOException {
        inner.delete(key);
    }

    @Override
    public void close() throws IOException {
        inner.close();
    }

    /** Header, then each chunk encrypted as the plaintext streams in; looks one chunk ahead to mark the last. */
    private static final class EncryptingInputStream extends InputStream {

        private final InputStream plain;
        private final Sm4GcmFormat.ChunkCipher cipher;
        private byte[] current;
        private int currentLength;
        private byte[] next;
        private int nextLength;
        private long index;
        private byte[] out;
        private int outPos;
        private boolean done;

        EncryptingInputStream(InputStream plain, byte[] key, Sm4GcmFormat.Header header) {
            this.plain = plain;
            this.cipher = new Sm4GcmFormat.ChunkCipher(true, key, header);
            this.out = header.bytes();
            this.current = new byte[header.chunkSize()];
            this.next = new byte[header.chunkSize()];
            this.currentLength = -1;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            while (outPos == out.length) {
                if (done) {
                    return -1;
                }
                fill();
            }
            int n = Math.min(len, out.length - outPos);
            System.arraycopy(out, outPos, b, off, n);
            outPos += n;
            return n;
        }

        private void fill() throws IOException {
            if (currentLength < 0) {
                currentLength = plain.readNBytes(current, 0, current.length);
            }
            boolean last = currentLength < current.length;
            if (!last) {
                nextLength = plain.readNBytes(next, 0, next.length);
                last = nextLength == 0;
            }
            try {
                out = cipher.crypt(index++, last, current, currentLength);
            } catch (InvalidCipherTextException impossible) {
                throw new IllegalStateException("encryption cannot fail authentication", impossible);
            }
            outPos = 0;
            if (last) {
                done = true;
            } else {
                byte[] swap = current;
                current = next;
                next = swap;
                currentLength = nextLength;
            }
        }
    }

    /**
     * Decrypts whole chunks from {@code first} on and hands out {@code length} plaintext bytes starting {@code skip}
     * bytes into the first. A chunk that fails authentication, or a blob that ends without its final chunk, is a
     * {@link BlobDecryptionException}.
     */
    private static final class DecryptingInputStream extends InputStream {

        private final InputStream in;
        private final String blobKey;
        private final Sm4GcmFormat.ChunkCipher cipher;
        private final Sm4GcmFormat.Header header;
        private final boolean wholeBlob;
        private long index;
        private long skip;
        private long remaining;
        private byte[] plain = new byte[0];
        private int pos;
        private boolean finalSeen;

        DecryptingInputStream(InputStream in, String blobKey, byte[] key, Sm4GcmFormat.Header header, long first,
                long skip, long length, boolean wholeBlob) {
            this.in = in;
            this.blobKey = blobKey;
            this.cipher = new Sm4GcmFormat.ChunkCipher(false, key, header);
            this.header = header;
            this.index = first;
            this.skip = skip;
            this.remaining = length;
            this.wholeBlob = wholeBlob;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (remaining == 0) {
                return -1;
            }
            while (pos == plain.length) {
                if (!nextChunk()) {
                    return -1;
                }
            }
            int n = (int) Math.min(Math.min(len, plain.length - pos), remaining);
            System.arraycopy(plain, pos, b, off, n);
            pos += n;
            remaining -= n;
            return n;
        }

        private boolean nextChunk() throws IOException {
            if (finalSeen) {
                return false;
            }
            byte[] sealed = in.readNBytes((int) header.encryptedChunkSize());
            if (sealed.length == 0) {
                if (wholeBlob || index == 0) {
                    throw new BlobDecryptionException("blob " + blobKey + " is truncated: its final chunk is missing");
                }
                return false; // a range past the end of the blob
            }
            if (sealed.length < Sm4GcmFormat.TAG_BYTES) {
                throw new BlobDecryptionException("blob " + blobKey + " is truncated inside chunk " + index);
            }
            byte[] decrypted;
            boolean full = sealed.length == header.encryptedChunkSize();
            try {
                decrypted = cipher.crypt(index, !full, sealed, sealed.length);
                finalSeen = !full;
            } catch (InvalidCipherTextException notAsMarked) {
                if (!full) {
                    throw failed();
                }
                try { // a full-size chunk may still be the blob's last
                    decrypted = cipher.crypt(index, true, sealed, sealed.length);
                    finalSeen = true;
                } catch (InvalidCipherTextException e) {
                    throw failed();
                }
            }
            index++;
            int from = (int) Math.min(skip, decrypted.length);
            skip -= from;
            plain = from == 0 ? decrypted : java.util.Arrays.copyOfRange(decrypted, from, decrypted.length);
            pos = 0;
            if (finalSeen && in.read() >= 0) {
                throw new BlobDecryptionException("blob " + blobKey + " has data after its final chunk: altered");
            }
            return true;
        }

        private BlobDecryptionException failed() {
            return new BlobDecryptionException("blob " + blobKey + " chunk " + index + " failed SM4-GCM"
                    + " authentication with key '" + header.keyId() + "': wrong key, or the stored bytes were altered");
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
