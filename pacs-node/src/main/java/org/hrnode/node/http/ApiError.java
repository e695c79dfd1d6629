package org.hrnode.node.http;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The body of every error the API returns: the HTTP status, a short reason and a message saying what was wrong and
 * what the caller can do.
 */
public record ApiError(int status, String error, String message) {

    /** A JSON response carrying this error. */
    public static Response response(Response.Status status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ApiError(status.getStatusCode(), status.getReasonPhrase(), message)).build();
    }
}
