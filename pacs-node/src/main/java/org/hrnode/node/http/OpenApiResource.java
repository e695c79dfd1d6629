package org.hrnode.node.http;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;

/**
 * {@code GET /api/openapi.json}: the OpenAPI 3 description of every {@code /api} endpoint. Written by hand beside the
 * resources (a generator would need annotations on every resource and a plugin in the build); OpenApiDocumentTest
 * fails when an endpoint is missing from it.
 */
@Path("/api/openapi.json")
public final class OpenApiResource {

    static final String DOCUMENT = "/org/hrnode/node/http/openapi.json";

    @GET
    @Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
    public Response document() {
        InputStream in = OpenApiResource.class.getResourceAsStream(DOCUMENT);
        if (in == null) {
            throw new IllegalStateException("the OpenAPI document " + DOCUMENT + " is missing from the build");
        }
        return Response.ok(in).build();
    }
}
