package org.hrnode.storage.blob;

import io.minio.errors.ErrorResponseException;
import io.minio.errors.MinioException;
import io.minio.errors.ServerException;
import java.io.IOException;
import java.util.Set;

/**
 * Turns minio's exceptions into the blob store's: a missing object into {@link BlobNotFoundException}, anything that
 * says the service is unreachable or failing (I/O errors, HTTP 5xx, throttling) into
 * {@link BlobStoreUnavailableException}, other refusals into {@link BlobStoreException}. minio 9 reports S3 errors as
 * {@link MinioException} but I/O failures as an {@link IllegalStateException} around the {@link IOException}, so both
 * are accepted; a runtime exception with no I/O cause is a bug and is rethrown as it is.
 *
 * <p>Messages are built from the S3 error code and message only, never from minio's {@code toString()}, whose HTTP
 * trace carries request headers. Credentials cannot appear: the secret key never travels (requests are signed).
 */
final class S3Failures {

    static final String NO_SUCH_KEY = "NoSuchKey";
    static final String INVALID_RANGE = "InvalidRange";
    private static final Set<String> NOT_FOUND_CODES = Set.of(NO_SUCH_KEY, "NotFound", "NoSuchObject");
    private static final Set<String> TRANSIENT_CODES = Set.of("SlowDown", "ServiceUnavailable", "InternalError",
            "RequestTimeout", "XMinioServerNotInitialized");
    private static final int FIRST_SERVER_ERROR_STATUS = 500;

    private S3Failures() {
    }

    /** The S3 error code of the failure, or null when it is not an S3 error response. */
    static String errorCode(Exception e) {
        return e instanceof ErrorResponseException ere && ere.errorResponse() != null
                ? ere.errorResponse().code() : null;
    }

    static boolean isNotFound(Exception e) {
        String code = errorCode(e);
        return code != null && NOT_FOUND_CODES.contains(code);
    }

    static BlobStoreException translate(String action, String key, String where, Exception e) {
        if (isNotFound(e)) {
            return new BlobNotFoundException(key, e);
        }
        String prefix = "S3 " + action + " of key '" + key + "' at " + where + " failed: ";
        if (e instanceof ErrorResponseException ere && ere.errorResponse() != null) {
            int status = ere.response() == null ? 0 : ere.response().code();
            String detail = ere.errorResponse().code() + " (HTTP " + status + "): " + ere.errorResponse().message();
            String code = ere.errorResponse().code();
            if (status >= FIRST_SERVER_ERROR_STATUS || code != null && TRANSIENT_CODES.contains(code)) {
                return new BlobStoreUnavailableException(prefix + detail, e);
            }
            return new BlobStoreException(prefix + detail, e);
        }
        if (e instanceof ServerException se) {
            return new BlobStoreUnavailableException(prefix + "server error HTTP " + se.statusCode(), e);
        }
        IOException io = ioCause(e);
        if (io != null) {
            return new BlobStoreUnavailableException(prefix + "cannot reach the service: " + io, e);
        }
        if (e instanceof RuntimeException bug) {
            throw bug;
        }
        return new BlobStoreException(prefix + e.getClass().getSimpleName() + ": " + e.getMessage(), e);
    }

    private static IOException ioCause(Throwable e) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof IOException io) {
                return io;
            }
        }
        return null;
    }
}
