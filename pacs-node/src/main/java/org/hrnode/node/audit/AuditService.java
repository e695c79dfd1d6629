package org.hrnode.node.audit;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.hrnode.node.config.AuditSettings;
import org.hrnode.storage.audit.AsyncAuditWriter;
import org.hrnode.storage.audit.AuditEvent;
import org.hrnode.storage.audit.AuditTrail;
import org.hrnode.storage.audit.PostgresAuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running node's audit trail: the asynchronous writer every hook records into, and the daily retention pruning
 * (records older than the configured retention, never under 180 days, are removed behind an anchor that keeps the
 * rest verifiable).
 */
public final class AuditService implements AuditTrail, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AuditService.class);
    private static final Duration PRUNE_EVERY = Duration.ofDays(1);

    private final AsyncAuditWriter writer;
    private final ScheduledExecutorService pruner;

    private AuditService(AsyncAuditWriter writer, ScheduledExecutorService pruner) {
        this.writer = writer;
        this.pruner = pruner;
    }

    public static AuditService start(PostgresAuditLog log, AuditSettings settings, Clock clock) {
        AsyncAuditWriter writer = AsyncAuditWriter.start(log, settings.queueSize());
        ScheduledExecutorService pruner = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("audit-pruner").daemon(true).factory());
        pruner.scheduleWithFixedDelay(() -> prune(log, settings, clock), 0, PRUNE_EVERY.toMinutes(),
                TimeUnit.MINUTES);
        return new AuditService(writer, pruner);
    }

    private static void prune(PostgresAuditLog log, AuditSettings settings, Clock clock) {
        try {
            long removed = log.pruneBefore(settings.retention().cutoff(clock));
            if (removed > 0) {
                LOG.info("event=audit_pruned rows={} retention_days={}", removed, settings.retention().days());
            }
        } catch (RuntimeException e) {
            LOG.warn("event=audit_prune_failed reason=\"{}\" effect=\"retried tomorrow\"", e.getMessage());
        }
    }

    @Override
    public void record(AuditEvent event) {
        writer.record(event);
    }

    /** Events dropped because the queue was full (a metric; each drop is also logged). */
    public long dropped() {
        return writer.dropped();
    }

    /** Events waiting for the database. */
    public int queued() {
        return writer.queued();
    }

    /** Writes what is queued, then stops. */
    @Override
    public void close() {
        pruner.shutdown(); // a prune under way finishes: interrupting it would only break its connection
        try {
            pruner.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        writer.close();
    }
}
