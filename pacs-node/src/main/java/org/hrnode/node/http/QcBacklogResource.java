package org.hrnode.node.http;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * {@code GET /api/qc/backlog}: {@code {"studies":N}}, the studies waiting to be judged (or judged again) by AI QC on
 * every node sharing the database, failed ones with retries left included. Watched over time, it shows whether QC
 * keeps pace with ingest.
 */
@Path("/api/qc/backlog")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public final class QcBacklogResource {

    /** The body. */
    public record Backlog(long studies) {
    }

    private final LongSupplier backlog;

    public QcBacklogResource(LongSupplier backlog) {
        this.backlog = Objects.requireNonNull(backlog, "backlog");
    }

    @GET
    public Backlog backlog() {
        return new Backlog(backlog.getAsLong());
    }
}
