package org.hrnode.node.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.net.URI;

/**
 * Puts the path prefix a trusted proxy serves the node under ({@code X-Forwarded-Prefix}, or the configured public
 * URL's path) in front of the request's base URI, so resources building absolute URLs from
 * {@code UriInfo.getBaseUri()} write {@code https://host/pacs/dicomweb/...} for a client that called
 * {@code https://host/pacs/dicomweb/...} through a proxy that strips {@code /pacs}. Matching is unaffected: it works
 * on the path relative to the base.
 *
 * <p>The header is believed as it stands because {@link ForwardedRequests} removed it from untrusted peers and
 * normalised it (an absolute path, no trailing slash) for trusted ones. Runs before everything else so every filter
 * and resource sees the public URI.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public final class ForwardedPrefixFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        String prefix = request.getHeaderString(ForwardedRequests.X_FORWARDED_PREFIX.toString());
        if (prefix == null || prefix.isEmpty()) {
            return;
        }
        URI base = request.getUriInfo().getBaseUri();
        URI requested = request.getUriInfo().getRequestUri();
        request.setRequestUri(prefixed(base, prefix), prefixed(requested, prefix));
    }

    private static URI prefixed(URI uri, String prefix) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + prefix + path
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
    }
}
