package org.hrnode.wado.cors;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.hrnode.wado.DicomWeb;
import org.hrnode.wado.uri.WadoUriResource;

/**
 * Cross-origin access to DICOMweb (Fetch standard, "CORS protocol"): a viewer such as OHIF, served from another
 * origin, may call {@code /dicomweb} and WADO-URI ({@code /wado}, which OHIF's WADO-URI data source loads images
 * from) when its origin is configured. Other paths (the node's API) never get CORS headers, and with no origin
 * configured nothing is added at all.
 *
 * <p>Pre-matching, so a preflight ({@code OPTIONS} with {@code Access-Control-Request-Method}) is answered here with
 * 204 before any resource is looked for. Actual requests get {@code Access-Control-Allow-Origin} (the origin itself,
 * or {@code *} when any origin is allowed), {@code Vary: Origin} (caches must not hand one origin's answer to
 * another), and the response headers a script may read. Credentials (cookies) are not allowed cross-origin; an
 * {@code Authorization} header is.
 */
@Provider
@PreMatching
public final class CorsFilter implements ContainerRequestFilter, ContainerResponseFilter {

    /** Configured instead of a list to allow every origin. */
    public static final String ANY_ORIGIN = "*";
    static final String ALLOW_METHODS = "GET, HEAD, POST, OPTIONS";
    static final String ALLOW_HEADERS = "Accept, Accept-Encoding, Authorization, Content-Type, Range, "
            + "If-None-Match, If-Modified-Since";
    static final String EXPOSE_HEADERS = "Warning, Content-Type, Content-Length, Content-Location, Content-Range, "
            + "ETag, Last-Modified, Location";
    /** How long a browser may cache a preflight answer, in seconds. */
    static final int MAX_AGE_SECONDS = 600;
    private static final String ORIGIN = "Origin";
    private static final String REQUEST_METHOD = "Access-Control-Request-Method";
    private static final String DICOMWEB_SEGMENT = DicomWeb.BASE_PATH.substring(1);
    private static final String WADO_URI_SEGMENT = WadoUriResource.PATH.substring(1);

    private final Set<String> allowedOrigins;
    private final boolean anyOrigin;

    /** @param allowedOrigins origins as browsers send them ({@code https://viewer.example:3000}), or {@code *} */
    public CorsFilter(List<String> allowedOrigins) {
        this.allowedOrigins = Set.copyOf(Objects.requireNonNull(allowedOrigins, "allowedOrigins"));
        this.anyOrigin = this.allowedOrigins.contains(ANY_ORIGIN);
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getMethod().equals(HttpMethod.OPTIONS) && request.getHeaderString(REQUEST_METHOD) != null
                && allowed(request)) {
            request.abortWith(Response.noContent()
                    .header("Access-Control-Allow-Methods", ALLOW_METHODS)
                    .header("Access-Control-Allow-Headers", ALLOW_HEADERS)
                    .header("Access-Control-Max-Age", MAX_AGE_SECONDS)
                    .build());
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!allowed(request)) {
            return;
        }
        MultivaluedMap<String, Object> headers = response.getHeaders();
        headers.putSingle("Access-Control-Allow-Origin", anyOrigin ? ANY_ORIGIN : request.getHeaderString(ORIGIN));
        headers.putSingle("Access-Control-Expose-Headers", EXPOSE_HEADERS);
        if (!anyOrigin) {
            headers.add("Vary", ORIGIN);
        }
    }

    /** A DICOMweb request from a configured origin. */
    private boolean allowed(ContainerRequestContext request) {
        String origin = request.getHeaderString(ORIGIN);
        if (origin == null || allowedOrigins.isEmpty() || !isDicomWeb(request)) {
            return false;
        }
        return anyOrigin || allowedOrigins.contains(origin);
    }

    private static boolean isDicomWeb(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        String relative = path.startsWith("/") ? path.substring(1) : path;
        return isUnder(relative, DICOMWEB_SEGMENT) || isUnder(relative, WADO_URI_SEGMENT);
    }

    private static boolean isUnder(String relative, String segment) {
        return relative.equals(segment) || relative.startsWith(segment + "/");
    }
}
