package org.hrnode.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.hrnode.storage.blob.BlobStore;
import org.hrnode.storage.blob.EncryptionKeys;
import org.hrnode.storage.blob.InMemoryBlobStore;
import org.hrnode.storage.blob.PutResult;
import org.hrnode.storage.blob.Sm4GcmBlobStore;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What SM4-GCM encryption at rest costs: put, whole get and a 64 KiB ranged get of a 512 KiB object (one CT slice)
 * through the in-memory store, plain ({@code encrypted=false}) and through {@link Sm4GcmBlobStore}. The in-memory
 * store isolates the cryptography from disk and network; on a real store the difference is the same CPU time on top
 * of the store's own latency.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class EncryptionAtRestBenchmark {

    private static final int SIZE = 512 * 1024;
    private static final String KEY = "bench/object";

    @Param({"false", "true"})
    public boolean encrypted;

    private BlobStore store;
    private byte[] object;

    @Setup
    public void setUp() throws IOException {
        object = new byte[SIZE];
        new Random(1).nextBytes(object);
        BlobStore memory = new InMemoryBlobStore();
        store = encrypted ? new Sm4GcmBlobStore(memory, EncryptionKeys.of("bench",
                Map.of("bench", HexFormat.of().parseHex("0123456789abcdeffedcba9876543210")))) : memory;
        store.put(KEY, new ByteArrayInputStream(object));
    }

    @Benchmark
    public PutResult put() throws IOException {
        return store.put("bench/put", new ByteArrayInputStream(object));
    }

    @Benchmark
    public long get() throws IOException {
        try (InputStream in = store.get(KEY)) {
            return in.transferTo(OutputStreamSink.INSTANCE);
        }
    }

    @Benchmark
    public long getRange64k() throws IOException {
        try (InputStream in = store.get(KEY, 200_000, 64 * 1024)) {
            return in.transferTo(OutputStreamSink.INSTANCE);
        }
    }

    /** Discards what it is given, so the benchmark measures reading, not collecting. */
    private static final class OutputStreamSink extends java.io.OutputStream {
        static final OutputStreamSink INSTANCE = new OutputStreamSink();

        @Override
        public void write(int b) {
        }

        @Override
        public void write(byte[] b, int off, int len) {
        }
    }
}
