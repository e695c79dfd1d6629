package org.hrnode.storage.blob;

import java.net.URI;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where and how {@link S3BlobStore} reaches its bucket. Sealed once built: validated in the constructor, immutable,
 * and its {@link #toString()} never shows the secret key (so a logged configuration leaks nothing).
 *
 * @param endpoint  {@code http://} or {@code https://} URL of the S3-compatible service (MinIO, Ceph, AWS)
 * @param region    signing region; MinIO accepts any, {@code us-east-1} is the usual choice
 * @param bucket    bucket name (S3 rules: 3–63 lower-case letters, digits, '.', '-'); created if missing
 * @param accessKey access key id
 * @param secretKey secret key; never printed
 * @param partSize  bytes per multipart part for streams of unknown length, {@value #MIN_PART_SIZE} to
 *                  {@value #MAX_PART_SIZE}. Each concurrent upload buffers one part, and an object may have at most
 *                  10 000 parts, so this trades heap per upload against the largest storable object.
 */
public record S3Settings(URI endpoint, String region, String bucket, String accessKey, String secretKey,
                         long partSize) {

    /** S3's minimum part size (5 MiB). */
    public static final long MIN_PART_SIZE = 5L * 1024 * 1024;
    /** S3's maximum part size (5 GiB). */
    public static final long MAX_PART_SIZE = 5L * 1024 * 1024 * 1024;
    /** 16 MiB parts: 160 GB objects at most, 16 MiB of heap per concurrent upload. */
    public static final long DEFAULT_PART_SIZE = 16L * 1024 * 1024;
    public static final String DEFAULT_REGION = "us-east-1";

    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

    public S3Settings {
        Objects.requireNonNull(endpoint, "endpoint");
        String scheme = endpoint.getScheme();
        if (!"http".equals(scheme) && !"https".equals(scheme) || endpoint.getHost() == null) {
            throw new IllegalArgumentException("S3 endpoint must be an http:// or https:// URL with a host, got '"
                    + endpoint + "'");
        }
        if (region == null || region.isBlank()) {
            throw new IllegalArgumentException("S3 region must not be blank (use " + DEFAULT_REGION
                    + " for MinIO)");
        }
        if (bucket == null || !BUCKET.matcher(bucket).matches()) {
            throw new IllegalArgumentException("S3 bucket name '" + bucket + "' is invalid: 3-63 characters of"
                    + " a-z 0-9 . - starting and ending with a letter or digit");
        }
        if (accessKey == null || accessKey.isEmpty() || secretKey == null || secretKey.isEmpty()) {
            throw new IllegalArgumentException("S3 access key and secret key must both be given");
        }
        if (partSize < MIN_PART_SIZE || partSize > MAX_PART_SIZE) {
            throw new IllegalArgumentException("S3 part size must be between " + MIN_PART_SIZE + " and "
                    + MAX_PART_SIZE + " bytes, got " + partSize);
        }
    }

    /** Settings with the default region and part size. */
    public static S3Settings of(URI endpoint, String bucket, String accessKey, String secretKey) {
        return new S3Settings(endpoint, DEFAULT_REGION, bucket, accessKey, secretKey, DEFAULT_PART_SIZE);
    }

    /** Shows everything but the secret key. */
    @Override
    public String toString() {
        return "S3Settings[endpoint=" + endpoint + ", region=" + region + ", bucket=" + bucket + ", accessKey="
                + accessKey + ", secretKey=****, partSize=" + partSize + "]";
    }
}
