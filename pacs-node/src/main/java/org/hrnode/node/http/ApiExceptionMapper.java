package org.hrnode.node.http;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.hrnode.storage.index.IndexUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns what a resource throws into an {@link ApiError}: storage that cannot be reached is 503 (try again later),
 * Jakarta REST's own errors (unknown path, wrong method) keep their status, anything else is 500 and logged.
 */
@Provider
public final class ApiExceptionMapper implements ExceptionMapper<RuntimeException> {

    private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionMapper.class);

    @Override
    public Response toResponse(RuntimeException e) {
        if (e instanceof WebApplicationException web) {
            Response.Status status = Response.Status.fromStatusCode(web.getResponse().getStatus());
            return ApiError.response(status == null ? Response.Status.INTERNAL_SERVER_ERROR : status,
                    web.getMessage());
        }
        if (e instanceof IndexUnavailableException) {
            LOG.warn("event=http_storage_unavailable reason=\"{}\"", e.getMessage());
            return ApiError.response(Response.Status.SERVICE_UNAVAILABLE,
                    "storage is unavailable; try again later (" + e.getMessage() + ")");
        }
        LOG.error("event=http_failure", e);
        return ApiError.response(Response.Status.INTERNAL_SERVER_ERROR, "the request failed: " + e.getMessage());
    }
}
