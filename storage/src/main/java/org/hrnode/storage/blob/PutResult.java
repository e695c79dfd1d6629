package org.hrnode.storage.blob;

import java.util.HexFormat;
import java.util.Objects;

/**
 * What a {@link BlobStore#put} stored: the number of bytes and their SHA-256, computed while they streamed by, so the
 * index can record both without reading the blob again and duplicates can be recognised by digest.
 *
 * @param size   bytes stored
 * @param sha256 lower-case hexadecimal SHA-256 of those bytes (64 characters)
 */
public record PutResult(long size, String sha256) {

    private static final int SHA256_HEX_LENGTH = 64;

    public PutResult {
        if (size < 0) {
            throw new IllegalArgumentException("size must not be negative: " + size);
        }
        requireSha256Hex(sha256);
    }

    /**
     * Checks that {@code sha256} is 64 lower-case hexadecimal digits and returns it.
     *
     * @throws IllegalArgumentException otherwise
     */
    public static String requireSha256Hex(String sha256) {
        Objects.requireNonNull(sha256, "sha256");
        if (sha256.length() != SHA256_HEX_LENGTH || !sha256.chars().allMatch(c -> HexFormat.isHexDigit(c)
                && !Character.isUpperCase(c))) {
            throw new IllegalArgumentException("not a lower-case hexadecimal SHA-256: '" + sha256 + "'");
        }
        return sha256;
    }
}
