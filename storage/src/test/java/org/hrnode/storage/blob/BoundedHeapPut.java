package org.hrnode.storage.blob;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;

/**
 * Run by {@link BoundedHeapTest} in a JVM whose heap is smaller than the object it stores: puts a generated object
 * and reads it back, printing {@code size put-digest read-digest}. Either the store streams or this JVM dies of
 * {@link OutOfMemoryError}.
 *
 * <p>Arguments: {@code fs DIRECTORY SIZE} or {@code s3 ENDPOINT BUCKET SIZE} (credentials in the environment
 * variables {@value #ACCESS_KEY_VARIABLE} and {@value #SECRET_KEY_VARIABLE}).
 */
public final class BoundedHeapPut {

    static final String ACCESS_KEY_VARIABLE = "TEST_S3_ACCESS_KEY";
    static final String SECRET_KEY_VARIABLE = "TEST_S3_SECRET_KEY";
    static final long SEED = 20260301;
    static final String KEY = "heap/bounded";

    private BoundedHeapPut() {
    }

    public static void main(String[] args) throws IOException {
        long size = Long.parseLong(args[args.length - 1]);
        try (BlobStore store = open(args)) {
            PutResult put = store.put(KEY, new GeneratedInputStream(size, SEED));
            String readBack = GeneratedInputStream.sha256Of(store.get(KEY));
            System.out.println(put.size() + " " + put.sha256() + " " + readBack);
        }
    }

    private static BlobStore open(String[] args) throws IOException {
        return switch (args[0]) {
            case "fs" -> new FileSystemBlobStore(Path.of(args[1]));
            case "s3" -> S3BlobStore.open(new S3Settings(URI.create(args[1]), S3Settings.DEFAULT_REGION, args[2],
                    System.getenv(ACCESS_KEY_VARIABLE), System.getenv(SECRET_KEY_VARIABLE),
                    S3Settings.MIN_PART_SIZE));
            default -> throw new IllegalArgumentException("store must be fs or s3, got " + args[0]);
        };
    }
}
