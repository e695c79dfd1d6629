package org.hrnode.node.compress;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.hrnode.dicom.codec.PixelDataException;
import org.hrnode.dicom.io.ReadOptions;
import org.hrnode.node.work.Backoff;
import org.hrnode.node.work.WakeSignal;
import org.hrnode.storage.blob.BlobStore;
import org.hrnode.storage.compression.CompressionQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compresses the uncompressed images ingest queued (lossless rule, 川渝 spec §7.1), one at a time on one virtual
 * thread, after their senders were acknowledged. The queue is the {@code compression_queue} table, shared by every
 * node on the database: the worker claims the oldest due entry under a lease ({@link CompressionQueue#claim}), so two
 * nodes never compress the same image, and a crashed node's entries are taken over once its leases expire.
 *
 * <p>The thread does not poll on a fixed beat: after the queue runs dry it sleeps until the next entry is due (a
 * retry time or another node's lease end, as the database says), woken when this node's ingest queues an image
 * ({@link #queued}). While images keep arriving it lets the burst through first ({@link BurstDeferral}: until a
 * {@link #BURST_QUIET} pause, at most {@link #LONGEST_DEFERRAL}): the senders are acknowledged as fast as storing
 * allows, and the compression follows a quarter of a second after the last image. Entries other nodes queued are found by the look every {@value #LOOK_AGAIN_SECONDS} s,
 * the longest it sleeps; their own workers normally take them first.
 *
 * <p>Per entry: read the stored blob, transcode (proven bit-exact), write a new blob, then in one transaction point
 * the instance at it and drop the entry (fenced by the claim), then delete the old blob. A failure leaves the entry
 * with its error and one more attempt counted, and the original blob served; it is tried again after a backoff
 * ({@code compression-retry-seconds}, doubling), at most {@link #MAX_ATTEMPTS} times in all; after that it stays in
 * the table with its last error for an operator. The backlog is logged at INFO whenever it changes.
 */
public final class CompressionWorker implements AutoCloseable {

    /** Tries per entry; a deterministic failure (an unsupported pixel layout) should not be retried forever. */
    public static final int MAX_ATTEMPTS = 3;
    /**
     * Longer than any one compression takes (a 1.6 GB multi-frame: tens of seconds), and renewed while it lasts, so
     * only a dead node's lease runs out.
     */
    static final Duration LEASE = Duration.ofMinutes(2);
    private static final Duration RENEW_EVERY = LEASE.dividedBy(3);
    static final long LOOK_AGAIN_SECONDS = 30;
    private static final Duration LOOK_AGAIN = Duration.ofSeconds(LOOK_AGAIN_SECONDS);
    /** Against a busy loop when a due entry is claimed by another node between our look and our claim. */
    private static final Duration SHORTEST_WAIT = Duration.ofMillis(50);
    /** See {@link BurstDeferral}: a pause this long ends a burst. */
    static final Duration BURST_QUIET = Duration.ofMillis(250);
    /** See {@link BurstDeferral}: compression waits for a burst at most this long in a row. */
    static final Duration LONGEST_DEFERRAL = Duration.ofSeconds(30);
    /** Retries stop doubling here: the last of {@link #MAX_ATTEMPTS} comes at most this long after the one before. */
    private static final int LONGEST_RETRY_FACTOR = 64;
    private static final Logger LOG = LoggerFactory.getLogger(CompressionWorker.class);

    private final CompressionQueue queue;
    private final BlobStore blobs;
    private final LosslessCompressor compressor;
    private final String workerName;
    private final Backoff retry;
    private final WakeSignal wake = new WakeSignal();
    private final AtomicLong backlog = new AtomicLong();
    /** Entries finished, failed or given up on: what {@link #awaitEmptyBacklog} waits on. */
    private final Object progress = new Object();
    private final ScheduledExecutorService leases = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("compression-lease-renewal").daemon().factory());
    private volatile boolean stopping;
    private final BurstDeferral deferral = new BurstDeferral(BURST_QUIET, LONGEST_DEFERRAL);
    private Thread thread;

    /**
     * @param workerName names this node in the queue ({@code claimed_by}), for operators
     * @param firstRetry how long after a first failure an entry is tried again (doubling per failure)
     */
    public CompressionWorker(CompressionQueue queue, BlobStore blobs, ReadOptions readOptions, String workerName,
            Duration firstRetry) {
        this.queue = Objects.requireNonNull(queue, "queue");
        this.blobs = Objects.requireNonNull(blobs, "blobs");
        this.compressor = new LosslessCompressor(blobs, readOptions);
        this.workerName = Objects.requireNonNull(workerName, "workerName");
        this.retry = new Backoff(firstRetry, firstRetry.multipliedBy(LONGEST_RETRY_FACTOR));
    }

    /**
     * Starts the thread; it takes on the entries left from before first (a stop or crash mid-way loses nothing), and
     * those that failed are tried again at once rather than after their backoff.
     */
    public synchronized void start() {
        if (thread != null) {
            throw new IllegalStateException("already started");
        }
        int retried = queue.retryNow(MAX_ATTEMPTS);
        reportBacklog();
        LOG.info("event=compression_worker_started target={} backlog={} failed_retried_now={}",
                LosslessCompressor.target().name(), backlog.get(), retried);
        thread = Thread.ofVirtual().name("compression-worker").start(this::run);
    }

    /** Called by ingest once an image queued for compression is stored and indexed. */
    public void queued(String sopInstanceUid) {
        deferral.queued(System.nanoTime());
        wake.wake();
    }

    /** Entries still to be compressed on every node (fewer than {@link #MAX_ATTEMPTS} failures), as last counted. */
    public long backlog() {
        return backlog.get();
    }

    /** Entries still to be compressed, counted now in the database. */
    public long countBacklog() {
        return queue.backlog(MAX_ATTEMPTS);
    }

    /** The backlog per sending institution ("" for instances without one), counted now in the database. */
    public Map<String, Long> backlogByInstitution() {
        return queue.backlogByInstitution(MAX_ATTEMPTS);
    }

    private void run() {
        while (!stopping) {
            Duration wait;
            Duration burst = deferral.waitBefore(System.nanoTime());
            if (!burst.isZero()) {
                try {
                    Thread.sleep(burst);
                } catch (InterruptedException e) {
                    return;
                }
                continue;
            }
            try {
                List<CompressionQueue.Entry> claimed = queue.claim(workerName, LEASE, 1, MAX_ATTEMPTS);
                if (!claimed.isEmpty()) {
                    process(claimed.getFirst());
                    reportBacklog();
                    continue;
                }
                reportBacklog();
                wait = untilNextDue();
            } catch (RuntimeException e) {
                // the database is unreachable: entries stay queued; look again later
                LOG.warn("event=compression_claim_failed reason=\"{}\"", e.getMessage());
                wait = LOOK_AGAIN;
            }
            try {
                wake.await(wait);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private Duration untilNextDue() {
        Duration wait = queue.untilNextDue(MAX_ATTEMPTS).filter(d -> d.compareTo(LOOK_AGAIN) < 0).orElse(LOOK_AGAIN);
        return wait.compareTo(SHORTEST_WAIT) < 0 ? SHORTEST_WAIT : wait;
    }

    private void process(CompressionQueue.Entry entry) {
        ScheduledFuture<?> renewal = leases.scheduleAtFixedRate(() -> renew(entry), RENEW_EVERY.toMillis(),
                RENEW_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        Optional<LosslessCompressor.Compressed> compressed = Optional.empty();
        try {
            compressed = compressor.compress(entry);
            if (compressed.isEmpty()) {
                queue.dismiss(entry);
                return;
            }
            LosslessCompressor.Compressed result = compressed.get();
            CompressionQueue.Completion completion = queue.complete(entry, result.stored(), result.metadataJson());
            if (completion == CompressionQueue.Completion.DONE) {
                deleteQuietly(entry.blobKey(), "original");
                LOG.info("event=compressed transfer_syntax={} bytes_before={} bytes_after={}",
                        result.stored().transferSyntaxUid(), entry.size(), result.stored().size());
            } else {
                LOG.info("event=compression_discarded reason={}", completion.name().toLowerCase(Locale.ROOT));
                deleteQuietly(result.stored().blobKey(), "unused");
            }
        } catch (IOException | PixelDataException | RuntimeException e) {
            compressed.ifPresent(c -> deleteQuietly(c.stored().blobKey(), "unused"));
            failed(entry, e);
        } finally {
            renewal.cancel(false);
        }
    }

    private void failed(CompressionQueue.Entry entry, Exception e) {
        if (stopping) {
            releaseQuietly(entry);
            return;
        }
        Duration delay = retry.after(entry.attempts());
        boolean last = entry.attempts() + 1 >= MAX_ATTEMPTS;
        LOG.warn("event=compression_failed attempt={} retry_in_s={} reason=\"{}\"", entry.attempts() + 1,
                last ? "never" : delay.toSeconds(), e.getMessage());
        try {
            queue.fail(entry, e.getClass().getSimpleName() + ": " + e.getMessage(), delay);
        } catch (RuntimeException recording) {
            // the lease runs out and the entry is claimed again: nothing is lost
            LOG.warn("event=compression_failure_not_recorded reason=\"{}\"", recording.getMessage());
        }
    }

    private void renew(CompressionQueue.Entry entry) {
        try {
            if (!queue.renew(entry, LEASE)) {
                LOG.warn("event=compression_lease_lost");
            }
        } catch (RuntimeException e) {
            LOG.warn("event=compression_lease_renewal_failed reason=\"{}\"", e.getMessage());
        }
    }

    private void releaseQuietly(CompressionQueue.Entry entry) {
        try {
            queue.release(entry);
        } catch (RuntimeException e) {
            LOG.warn("event=compression_release_failed reason=\"{}\"", e.getMessage());
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
        synchronized (progress) {
            progress.notifyAll();
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
        synchronized (progress) {
            while (queue.backlog(MAX_ATTEMPTS) > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(progress, left);
            }
            return true;
        }
    }

    /**
     * Stops after the entry in hand (an interrupted compression gives its entry back untried); what is left stays
     * queued in the database for the next start or another node.
     */
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
        leases.shutdownNow();
    }
}
