package org.hrnode.node.http;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.Objects;
import java.util.function.LongSupplier;
import org.hrnode.storage.blob.BlobStore;
import org.hrnode.storage.quality.PostgresQualityStatistics;

/**
 * {@code GET /api/health}: 200 {@code {"status":"UP"}} when the database answers and the blob store can be asked
 * for a key, else 503 {@code {"status":"DOWN", ...}} naming which is down. For load balancers and monitoring; it also
 * reports how many stored images still wait for lossless compression, since every image must end compressed.
 */
@Path("/api/health")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public final class HealthResource {

    /** A key no object ever has (instance keys start with "instances/"): asking for it touches the store only. */
    private static final String PROBE_KEY = "health-probe";

    private final PostgresQualityStatistics database;
    private final BlobStore blobs;
    private final LongSupplier compressionBacklog;

    public HealthResource(PostgresQualityStatistics database, BlobStore blobs, LongSupplier compressionBacklog) {
        this.database = Objects.requireNonNull(database, "database");
        this.blobs = Objects.requireNonNull(blobs, "blobs");
        this.compressionBacklog = Objects.requireNonNull(compressionBacklog, "compressionBacklog");
    }

    /** The body: overall status, each component's, and the images waiting for compression. */
    public record Health(String status, String database, String blobStore, long compressionBacklog) {
    }

    @GET
    public Response health() {
        boolean databaseUp = database.reachable();
        boolean blobsUp = blobStoreReachable();
        Health health = new Health(databaseUp && blobsUp ? "UP" : "DOWN", databaseUp ? "UP" : "DOWN",
                blobsUp ? "UP" : "DOWN", compressionBacklog.getAsLong());
        return Response.status(databaseUp && blobsUp ? Response.Status.OK : Response.Status.SERVICE_UNAVAILABLE)
                .entity(health).build();
    }

    private boolean blobStoreReachable() {
        try {
            blobs.exists(PROBE_KEY);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
