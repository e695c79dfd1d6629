package org.hrnode.node.metrics;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.LongAdder;
import org.hrnode.storage.blob.BlobStore;
import org.hrnode.storage.blob.PutResult;

/**
 * A {@link BlobStore} decorator timing each operation into a Prometheus-style histogram per operation. A get is timed
 * until its stream is open (first byte ready), not until the caller has read it: the caller's pace is not the store's.
 */
public final class BlobLatency implements BlobStore {

    /** Upper bounds in seconds: a local disk answers in well under a millisecond, S3 in tens of milliseconds. */
    static final double[] BUCKETS = {0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    /** One operation's histogram. */
    public static final class Histogram {
        final LongAdder[] counts = new LongAdder[BUCKETS.length];
        final LongAdder count = new LongAdder();
        final java.util.concurrent.atomic.DoubleAdder sum = new java.util.concurrent.atomic.DoubleAdder();

        Histogram() {
            for (int i = 0; i < counts.length; i++) {
                counts[i] = new LongAdder();
            }
        }

        void observe(long nanos) {
            double seconds = nanos / 1e9;
            for (int i = 0; i < BUCKETS.length; i++) {
                if (seconds <= BUCKETS[i]) {
                    counts[i].increment(); // non-cumulative here; the exposition adds them up
                    break;
                }
            }
            count.increment();
            sum.add(seconds);
        }
    }

    private final BlobStore inner;
    final Histogram put = new Histogram();
    final Histogram get = new Histogram();
    final Histogram exists = new Histogram();
    final Histogram delete = new Histogram();

    public BlobLatency(BlobStore inner) {
        this.inner = inner;
    }

    @Override
    public PutResult put(String key, InputStream data) throws IOException {
        long start = System.nanoTime();
        try {
            return inner.put(key, data);
        } finally {
            put.observe(System.nanoTime() - start);
        }
    }

    @Override
    public InputStream get(String key) throws IOException {
        long start = System.nanoTime();
        try {
            return inner.get(key);
        } finally {
            get.observe(System.nanoTime() - start);
        }
    }

    @Override
    public InputStream get(String key, long offset, long length) throws IOException {
        long start = System.nanoTime();
        try {
            return inner.get(key, offset, length);
        } finally {
            get.observe(System.nanoTime() - start);
        }
    }

    @Override
    public boolean exists(String key) throws IOException {
        long start = System.nanoTime();
        try {
            return inner.exists(key);
        } finally {
            exists.observe(System.nanoTime() - start);
        }
    }

    @Override
    public void delete(String key) throws IOException {
        long start = System.nanoTime();
        try {
            inner.delete(key);
        } finally {
            delete.observe(System.nanoTime() - start);
        }
    }

    @Override
    public void close() throws IOException {
        inner.close();
    }
}
