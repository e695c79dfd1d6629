package org.hrnode.storage.blob;

import io.minio.BucketExistsArgs;
import io.minio.Checksum;
import io.minio.GetObjectArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.StatObjectArgs;
import io.minio.errors.MinioException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Objects;

/**
 * Blobs as objects in one S3 bucket (MinIO in production), through minio-java.
 *
 * <p>A put of unknown length goes up as a multipart upload of {@link S3Settings#partSize()} parts: only one part is
 * in memory at a time, and S3 makes the object visible only when the upload completes, so a failed put (including one
 * whose input stream throws, in which case minio aborts the upload) leaves no object. The caller's stream failure is
 * rethrown as it was, with minio's wrapper added as suppressed. Durability is the service's: S3 acknowledges a
 * completed upload only once it is stored.
 *
 * <p>Ranged reads are HTTP range GETs. A missing key maps to {@link BlobNotFoundException}; an unreachable or failing
 * service to {@link BlobStoreUnavailableException} (see {@link S3Failures}). Nothing here logs, and
 * {@link S3Settings#toString()} hides the secret key.
 *
 * <p>Opened with {@link #open(S3Settings)}, which creates the bucket if it is missing. Thread-safe; close it to
 * release the HTTP client's connections.
 */
public final class S3BlobStore implements BlobStore {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Generous: a large part on a slow link must not time out mid-transfer. */
    private static final Duration TRANSFER_TIMEOUT = Duration.ofMinutes(5);
    /**
     * The checksum the server verifies each upload against. minio's default, CRC32C, is computed a byte at a time in
     * Java and took 40 % of the node's CPU in the DIMSE ingest benchmark; CRC32 runs on the JDK's intrinsic.
     */
    private static final Checksum.Algorithm UPLOAD_CHECKSUM = Checksum.Algorithm.CRC32;

    private final MinioClient client;
    private final S3Settings settings;
    private final String where;

    private S3BlobStore(MinioClient client, S3Settings settings) {
        this.client = client;
        this.settings = settings;
        this.where = settings.endpoint() + " bucket " + settings.bucket();
    }

    /**
     * Connects and makes sure the bucket exists.
     *
     * @throws BlobStoreUnavailableException if the service cannot be reached
     * @throws BlobStoreException            if it refuses (wrong credentials, bucket owned by someone else)
     */
    public static S3BlobStore open(S3Settings settings) throws IOException {
        Objects.requireNonNull(settings, "settings");
        MinioClient client = MinioClient.builder()
                .endpoint(settings.endpoint().toString())
                .region(settings.region())
                .credentials(settings.accessKey(), settings.secretKey())
                .build();
        client.setTimeout(CONNECT_TIMEOUT.toMillis(), TRANSFER_TIMEOUT.toMillis(), TRANSFER_TIMEOUT.toMillis());
        S3BlobStore store = new S3BlobStore(client, settings);
        try {
            store.ensureBucket();
        } catch (IOException | RuntimeException e) {
            store.closeAddingSuppressed(e);
            throw e;
        }
        return store;
    }

    private void ensureBucket() throws IOException {
        String bucket = settings.bucket();
        try {
            if (!client.bucketExists(BucketExistsArgs.builder().bucket(bucket).build())) {
                client.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
            }
        } catch (MinioException | RuntimeException e) {
            if ("BucketAlreadyOwnedByYou".equals(S3Failures.errorCode(e))) {
                return;
            }
            throw S3Failures.translate("bucket check", bucket, settings.endpoint().toString(), e);
        }
    }

    @Override
    public PutResult put(String key, InputStream data) throws IOException {
        BlobKeys.validate(key);
        Objects.requireNonNull(data, "data");
        MeasuringInputStream measured = new MeasuringInputStream(data);
        try {
            client.putObject(PutObjectArgs.builder().bucket(settings.bucket()).object(key)
                    .stream(measured, null, settings.partSize())
                    .checksum(UPLOAD_CHECKSUM)
                    .build());
        } catch (MinioException | RuntimeException e) {
            IOException sourceFailure = measured.sourceFailure();
            if (sourceFailure != null) {
                sourceFailure.addSuppressed(e);
                throw sourceFailure;
            }
            throw S3Failures.translate("put", key, where, e);
        }
        return measured.result();
    }

    @Override
    public InputStream get(String key) throws IOException {
        BlobKeys.validate(key);
        try {
            return client.getObject(GetObjectArgs.builder().bucket(settings.bucket()).object(key).build());
        } catch (MinioException | RuntimeException e) {
            throw S3Failures.translate("get", key, where, e);
        }
    }

    @Override
    public InputStream get(String key, long offset, long length) throws IOException {
        BlobKeys.validate(key);
        BlobStore.checkRange(offset, length);
        if (length == 0) {
            // An HTTP range cannot be empty; answer after checking the key like any other read.
            if (!exists(key)) {
                throw new BlobNotFoundException(key);
            }
            return InputStream.nullInputStream();
        }
        try {
            return client.getObject(GetObjectArgs.builder().bucket(settings.bucket()).object(key)
                    .offset(offset).length(length).build());
        } catch (MinioException | RuntimeException e) {
            if (S3Failures.INVALID_RANGE.equals(S3Failures.errorCode(e))) {
                return InputStream.nullInputStream();
            }
            throw S3Failures.translate("ranged get", key, where, e);
        }
    }

    @Override
    public boolean exists(String key) throws IOException {
        BlobKeys.validate(key);
        try {
            client.statObject(StatObjectArgs.builder().bucket(settings.bucket()).object(key).build());
            return true;
        } catch (MinioException | RuntimeException e) {
            if (S3Failures.isNotFound(e)) {
                return false;
            }
            throw S3Failures.translate("stat", key, where, e);
        }
    }

    @Override
    public void delete(String key) throws IOException {
        BlobKeys.validate(key);
        try {
            client.removeObject(RemoveObjectArgs.builder().bucket(settings.bucket()).object(key).build());
        } catch (MinioException | RuntimeException e) {
            if (S3Failures.isNotFound(e)) {
                return;
            }
            throw S3Failures.translate("delete", key, where, e);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            client.close();
        } catch (Exception e) {
            throw new IOException("could not close the S3 client for " + where, e);
        }
    }

    private void closeAddingSuppressed(Throwable failure) {
        try {
            close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    @Override
    public String toString() {
        return "S3BlobStore[" + where + "]";
    }
}
