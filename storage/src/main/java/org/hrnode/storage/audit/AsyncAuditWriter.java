package org.hrnode.storage.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes audit events to PostgreSQL in batches from one background thread, so ingest and queries do not wait for
 * the audit insert. The queue is bounded: when it is full (the database is down or far behind) an event is dropped,
 * counted ({@link #dropped()}, exported as a metric) and logged, never silently lost. A failed batch is retried
 * until {@link #close()}; events still queued then are written before it returns.
 */
public final class AsyncAuditWriter implements AuditTrail, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AsyncAuditWriter.class);
    private static final int MAX_BATCH = 500;
    private static final long RETRY_MILLIS = 1000;
    private static final long LOG_EVERY_DROPS = 1000;

    private final PostgresAuditLog log;
    private final BlockingQueue<AuditEvent> queue;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final Thread thread;
    private volatile boolean closing;

    private AsyncAuditWriter(PostgresAuditLog log, int capacity) {
        this.log = log;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.thread = Thread.ofPlatform().name("audit-writer").daemon(true).unstarted(this::run);
    }

    /** Starts the writer thread. */
    public static AsyncAuditWriter start(PostgresAuditLog log, int capacity) {
        AsyncAuditWriter writer = new AsyncAuditWriter(log, capacity);
        writer.thread.start();
        return writer;
    }

    @Override
    public void record(AuditEvent event) {
        if (!queue.offer(event)) {
            long n = dropped.incrementAndGet();
            if (n == 1 || n % LOG_EVERY_DROPS == 0) { // an outage drops thousands: log the count, not each one
                LOG.error("event=audit_dropped action={} dropped_total={} reason=\"audit queue full ({} events):"
                    + " the database is not keeping up\"", event.action(), n, queue.size());
            }
        }
    }

    /** Events refused because the queue was full, since start. */
    public long dropped() {
        return dropped.get();
    }

    /** Events waiting to be written. */
    public int queued() {
        return queue.size();
    }

    /** Events written to the database since start. */
    public long written() {
        return written.get();
    }

    private void run() {
        List<AuditEvent> batch = new ArrayList<>(MAX_BATCH);
        while (!closing || !queue.isEmpty() || !batch.isEmpty()) {
            try {
                if (batch.isEmpty()) {
                    AuditEvent first = queue.poll(100, TimeUnit.MILLISECONDS);
                    if (first == null) {
                        continue;
                    }
                    batch.add(first);
                    queue.drainTo(batch, MAX_BATCH - 1);
                }
                log.append(batch);
                written.addAndGet(batch.size());
                batch.clear();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException e) {
                LOG.warn("event=audit_write_failed events={} reason=\"{}\" effect=\"retrying\"", batch.size(),
                        e.getMessage());
                if (closing) {
                    break;
                }
                try {
                    Thread.sleep(RETRY_MILLIS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        int lost = batch.size() + queue.size();
        if (lost > 0) {
            dropped.addAndGet(lost);
            LOG.error("event=audit_dropped count={} reason=\"could not be written before shutdown\"", lost);
        }
    }

    /** Writes what is queued (one more try if the database fails), then stops. */
    @Override
    public void close() {
        closing = true;
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
