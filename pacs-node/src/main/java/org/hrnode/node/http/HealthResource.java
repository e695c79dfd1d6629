package org.hrnode.node.http;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.Objects;
import org.hrnode.storage.blob.BlobStore;
import org.hrnode.storage.quality.PostgresQualityStatistics;

/**
 * {@code GET /api/health}: 200 {@code {"status":"UP"}} when the database answers and the blob store can be asked
 * for a key, else 503 {@code {"status":"DOWN", ...}} naming which is down. For load balancers and monitoring.
 */
@Path("/api/health")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public final class HealthResource {

    /** A key no object ever has (instance keys start with "instances/"): asking for it touches the store only. */
    private static final String PROBE_KEY = "health-probe";

    private final PostgresQualityStatistics database;
    private final BlobStore blobs;

    public HealthResource(PostgresQualityStatistics database, BlobStore blobs) {
        this.database = Objects.requireNonNull(database, "database");
        this.blobs = Objects.requireNonNull(blobs, "blobs");
    }

    /** The body: overall status and each component's. */
    public record Health(String status, String database, String blobStore) {
    }

    @GET
    public Response health() {
        boolean databaseUp = database.reachable();
        boolean blobsUp = blobStoreReachable();
        Health health = new Health(databaseUp && blobsUp ? "UP" : "DOWN", databaseUp ? "UP" : "DOWN",
                blobsUp ? "UP" : "DOWN");
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
