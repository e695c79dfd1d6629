package org.hrnode.node.metrics;

import com.zaxxer.hikari.HikariPoolMXBean;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.hrnode.node.audit.AuditService;

/**
 * {@code GET /metrics}: the node's metrics in the Prometheus text exposition format 0.0.4.
 *
 * <p>Written by hand, on purpose: the Prometheus Java client's text writer ({@code
 * prometheus-metrics-exposition-textformats}) needs {@code prometheus-metrics-annotations}, and Micrometer's registry
 * is not available to this build offline. The format is a few lines per metric ({@link PrometheusText}); every value
 * here is read at scrape time from the component that owns it, so there is no registry to keep in step.
 */
@Path("/metrics")
public final class MetricsResource {

    private final EventCounters events;
    private final AuditService audit;
    private final BlobLatency blobs;
    private final LongSupplier compressionBacklog;
    private final Supplier<Map<String, Long>> compressionBacklogByInstitution;
    private final LongSupplier qcBacklog;
    private final Optional<HikariPoolMXBean> pool;

    public MetricsResource(EventCounters events, AuditService audit, BlobLatency blobs,
            LongSupplier compressionBacklog, Supplier<Map<String, Long>> compressionBacklogByInstitution,
            LongSupplier qcBacklog, Optional<HikariPoolMXBean> pool) {
        this.events = events;
        this.audit = audit;
        this.blobs = blobs;
        this.compressionBacklog = compressionBacklog;
        this.compressionBacklogByInstitution = compressionBacklogByInstitution;
        this.qcBacklog = qcBacklog;
        this.pool = pool;
    }

    @GET
    @Produces(PrometheusText.CONTENT_TYPE)
    public String scrape() {
        PrometheusText out = new PrometheusText();
        out.type("hrnode_events_total", "counter", "Audited events by action (store, query, retrieve, view, ...)"
                + " and outcome (ok, refused:REASON, http STATUS)");
        for (Map.Entry<EventCounters.Key, Long> e : events.snapshot().entrySet()) {
            out.sample("hrnode_events_total", e.getValue(), "action", e.getKey().action(), "outcome",
                    e.getKey().outcome());
        }
        out.gauge("hrnode_compression_backlog", "Stored images still waiting for lossless compression",
                safely(compressionBacklog));
        out.type("hrnode_compression_backlog_institution", "gauge", "Stored images still waiting for lossless"
                + " compression, by the sending institution's code (empty: none registered)");
        try {
            compressionBacklogByInstitution.get().forEach((code, count) ->
                    out.sample("hrnode_compression_backlog_institution", count, "institution", code));
        } catch (RuntimeException e) {
            // the database is down: the total above says NaN; no per-institution samples rather than a failed scrape
        }
        out.gauge("hrnode_qc_backlog", "Studies waiting for AI QC", safely(qcBacklog));
        out.gauge("hrnode_audit_queue", "Audit events waiting to be written to the database", audit.queued());
        out.type("hrnode_audit_dropped_total", "counter", "Audit events dropped because the queue was full");
        out.sample("hrnode_audit_dropped_total", audit.dropped());
        pool.ifPresent(p -> {
            out.gauge("hrnode_db_pool_active", "Database connections in use", p.getActiveConnections());
            out.gauge("hrnode_db_pool_idle", "Database connections idle", p.getIdleConnections());
            out.gauge("hrnode_db_pool_total", "Database connections open", p.getTotalConnections());
            out.gauge("hrnode_db_pool_pending", "Threads waiting for a database connection",
                    p.getThreadsAwaitingConnection());
        });
        out.type("hrnode_blob_store_seconds", "histogram", "Blob store operation latency (get: until the stream"
                + " is open)");
        out.histogram("hrnode_blob_store_seconds", "put", blobs.put);
        out.histogram("hrnode_blob_store_seconds", "get", blobs.get);
        out.histogram("hrnode_blob_store_seconds", "exists", blobs.exists);
        out.histogram("hrnode_blob_store_seconds", "delete", blobs.delete);
        return out.toString();
    }

    /** A backlog that cannot be read now (database down) is reported as NaN, not as a failed scrape. */
    private static double safely(LongSupplier s) {
        try {
            return s.getAsLong();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
