package org.hrnode.wado.retrieve;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The client errors WADO-RS answers with, each carrying a reason a person can act on (the node's exception mapper
 * turns the message into its JSON error body; deployed elsewhere the plain-text body says the same).
 */
final class WadoErrors {

    private WadoErrors() {
    }

    static WebApplicationException badRequest(String reason) {
        return error(Response.Status.BAD_REQUEST, reason);
    }

    static WebApplicationException notFound(String reason) {
        return error(Response.Status.NOT_FOUND, reason);
    }

    static WebApplicationException notAcceptable(String reason) {
        return error(Response.Status.NOT_ACCEPTABLE, reason);
    }

    static WebApplicationException rangeNotSatisfiable(String reason, long length) {
        return new WebApplicationException(reason, Response.status(Response.Status.REQUESTED_RANGE_NOT_SATISFIABLE)
                .header("Content-Range", "bytes */" + length).type(MediaType.TEXT_PLAIN_TYPE).entity(reason)
                .build());
    }

    private static WebApplicationException error(Response.Status status, String reason) {
        return new WebApplicationException(reason,
                Response.status(status).type(MediaType.TEXT_PLAIN_TYPE).entity(reason).build());
    }
}
