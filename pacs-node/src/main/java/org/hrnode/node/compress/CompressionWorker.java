package org.hrnode.node.compress;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.hrnode.dicom.codec.PixelDataException;
import org.hrnode.dicom.io.ReadOptions;
import org.hrnode.storage.blob.BlobStore;
import org.hrnode.storage.compression.CompressionQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compresses the uncompressed images ingest queued (lossless rule, 川渝 spec §7.1), one at a time on one virtual
 * thread, after their senders were acknowledged. The durable queue is the {@code compression_queue} table; this
 * worker's in-memory queue of SOP Instance UIDs only says where to look: fed by ingest as each object is stored and,
 * at start, with every entry left from before (a stop or crash mid-way loses nothing). The thread blocks on that
 * queue; there is no polling.
 *
 * <p>Per entry: read the stored blob, transcode (proven bit-exact), write a new blob, then in one transaction point
 * the instance at it and drop the entry, then delete the old blob. A failure leaves the entry with its error and
 * one more attempt counted, and the original blob served; entries are tried again at the next start, at most
 * {@link #MAX_ATTEMPTS} times in all. The backlog is logged at INFO whenever it changes.
 */
public final class CompressionWorker implements AutoCloseable {

    /** Tries per entry; a deterministic failure (an unsupported pixel layout) should not be retried forever. */
    public static final int MAX_ATTEMPTS = 3;
    private static final Logger LOG = LoggerFactory.getLogger(CompressionWorker.class);

    private final CompressionQueue queue;
    private final BlobStore blobs;
    private final LosslessCompressor compressor;
    private final BlockingQueue<String> wakeUps = new LinkedBlockingQueue<>();
    private final AtomicLong backlog = new AtomicLong();
    private volatile boolean stopping;
    private Thread thread;

    public CompressionWorker(CompressionQueue queue, BlobStore blobs, ReadOptions readOptions) {
        this.queue = Objects.requireNonNull(queue, "queue");
        this.blobs = Objects.requireNonNull(blobs, "blobs");
        this.compressor = new LosslessCompressor(blobs, readOptions);
    }

    /** Takes on the entries left from before and starts the thread. */
    public synchronized void start() {
        if (thread != null) {
            throw new IllegalStateException("already started");
        }
        queue.pending(MAX_ATTEMPTS).forEach(entry -> wakeUps.add(entry.sopInstanceUid()));
        reportBacklog();
        LOG.info("event=compression_worker_started target={}", LosslessCompressor.target().name());
        thread = Thread.ofVirtual().name("compression-worker").start(this::run);
    }

    /** Called by ingest once an image queued for compression is stored and indexed. */
    public void queued(String sopInstanceUid) {
        wakeUps.add(sopInstanceUid);
    }

    /** Entries still to be compressed (fewer than {@link #MAX_ATTEMPTS} failures), as counted after the last change. */
    public long backlog() {
        return backlog.get();
    }

    /** Entries still to be compressed, counted now in the database. */
    public long countBacklog() {
        return queue.backlog(MAX_ATTEMPTS);
    }

    private void run() {
        while (!stopping) {
            String sopInstanceUid;
            try {
                sopInstanceUid = wakeUps.take();
            } catch (InterruptedException e) {
                return;
            }
            try {
                queue.entryOf(sopInstanceUid).filter(e -> e.attempts() < MAX_ATTEMPTS).ifPresent(this::process);
            } catch (RuntimeException e) {
                // the database is unreachable: the entry stays and is taken on again at the next start
                LOG.warn("event=compression_skipped reason=\"{}\"", e.getMessage());
            }
            reportBacklog();
        }
    }

    private void process(CompressionQueue.Entry entry) {
        Optional<LosslessCompressor.Compressed> compressed = Optional.empty();
        try {
            compressed = compressor.compress(entry);
            if (compressed.isEmpty()) {
                queue.dismiss(entry);
                return;
            }
            LosslessCompressor.Compressed result = compressed.get();
            if (queue.complete(entry, result.stored(), result.metadataJson())) {
                deleteQuietly(entry.blobKey(), "original");
                LOG.info("event=compressed transfer_syntax={} bytes_before={} bytes_after={}",
                        result.stored().transferSyntaxUid(), entry.size(), result.stored().size());
            } else {
                deleteQuietly(result.stored().blobKey(), "superseded");
            }
        } catch (IOException | PixelDataException | RuntimeException e) {
            compressed.ifPresent(c -> deleteQuietly(c.stored().blobKey(), "unused"));
            if (stopping) {
                return;
            }
            LOG.warn("event=compression_failed attempt={} reason=\"{}\"", entry.attempts() + 1, e.getMessage());
            queue.fail(entry, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private void deleteQuietly(String key, String which) {
        try {
            blobs.delete(key);
        } catch (IOException | RuntimeException e) {
            LOG.warn("event=blob_delete_failed which={} key={} reason=\"{}\"", which, key, e.getMessage());
        }
    }

    private void reportBacklog() {
        long now;
        try {
            now = queue.backlog(MAX_ATTEMPTS);
        } catch (RuntimeException e) {
            return;
        }
        if (backlog.getAndSet(now) != now) {
            LOG.info("event=compression_backlog entries={}", now);
        }
        synchronized (backlog) {
            backlog.notifyAll();
        }
    }

    /**
     * Waits until the backlog is empty (every entry compressed or given up on), at most {@code timeout}: for tests
     * and an orderly handover, woken each time the worker finishes an entry, never polling.
     *
     * @return whether the backlog is empty
     */
    public boolean awaitEmptyBacklog(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (backlog) {
            while (queue.backlog(MAX_ATTEMPTS) > 0 || !wakeUps.isEmpty()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(backlog, left);
            }
            return true;
        }
    }

    /** Stops after the entry in hand; what is left stays queued in the database for the next start. */
    @Override
    public synchronized void close() {
        stopping = true;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
