package org.hrnode.node.http;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /healthz}: the conventional liveness/readiness probe path for orchestrators (Kubernetes, load balancers),
 * answering exactly as {@code /api/health}: 200 when the database and the blob store are reachable, else 503.
 * Not audited (probes every few seconds would bury the trail).
 */
@Path("/healthz")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public final class HealthzResource {

    private final HealthResource health;

    public HealthzResource(HealthResource health) {
        this.health = health;
    }

    @GET
    public Response healthz() {
        return health.health();
    }
}
