package org.hrnode.node.security;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import java.util.function.Supplier;
import org.hrnode.node.http.ApiError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Authenticates every HTTP request and enforces {@link AccessRules} before any resource runs (pre-matching, so a path
 * no resource serves is refused too, not answered 404 to a stranger). Sets the request's {@code SecurityContext} to
 * a {@link NodeSecurityContext}.
 *
 * <p>In dev mode every request is the {@link NodePrincipal#developer()} and nothing is refused: dev mode listens on
 * the loopback interface only.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public final class SecurityFilter implements ContainerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(SecurityFilter.class);
    private static final String BEARER = "Bearer ";
    private static final java.util.regex.Pattern DOT_SEGMENT = java.util.regex.Pattern.compile("(^|/)\\.\\.?(/|$)");

    private final boolean production;
    private final Authenticator authenticator;
    private final boolean transportSecure;
    private final Supplier<Optional<String>> stowInstitution;

    /**
     * @param transportSecure whether clients reach the node over TLS (here or at a terminator in front)
     * @param stowInstitution the institution STOW-RS uploads are recorded for (the STOW AE's registry entry)
     */
    public SecurityFilter(boolean production, Authenticator authenticator, boolean transportSecure,
            Supplier<Optional<String>> stowInstitution) {
        this.production = production;
        this.authenticator = authenticator;
        this.transportSecure = transportSecure;
        this.stowInstitution = stowInstitution;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (!production) {
            request.setSecurityContext(new NodeSecurityContext(NodePrincipal.developer(), transportSecure));
            return;
        }
        String method = request.getMethod();
        // decoded, as resources are matched; dot segments refused so a path cannot match one rule and reach another
        String path = "/" + request.getUriInfo().getPath(true).replaceFirst("^/+", "");
        if (DOT_SEGMENT.matcher(path).find() || path.contains("\\")) {
            request.abortWith(ApiError.response(Response.Status.BAD_REQUEST, "path with dot segments or backslashes"));
            return;
        }
        Optional<AccessRules.Rule> rule = AccessRules.ruleFor(method, path);
        if (rule.isEmpty()) {
            LOG.warn("event=http_refused reason=no_access_rule method={} path={}", method, path);
            request.abortWith(ApiError.response(Response.Status.FORBIDDEN,
                    "no access rule covers " + method + " " + path + " (default deny in production mode)"));
            return;
        }
        if (rule.get().isPublic()) {
            return;
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            request.abortWith(unauthorized("a bearer token is required (Authorization: Bearer ...)"));
            return;
        }
        NodePrincipal principal;
        try {
            principal = authenticator.bearer(header.substring(BEARER.length()).strip());
        } catch (AuthenticationException e) {
            LOG.info("event=http_unauthenticated method={} path={} reason=\"{}\"", method, path, e.getMessage());
            request.abortWith(unauthorized(e.getMessage()));
            return;
        }
        request.setSecurityContext(new NodeSecurityContext(principal, transportSecure));
        if (rule.get().roles().stream().noneMatch(principal::has)) {
            LOG.info("event=http_forbidden user={} roles={} method={} path={}", principal.name(), principal.roles(),
                    method, path);
            request.abortWith(ApiError.response(Response.Status.FORBIDDEN, "role " + principal.roles()
                    + " may not " + method + " " + path + "; needs one of " + rule.get().roles()));
            return;
        }
        if (rule.get().roles().equals(java.util.Set.of(Role.UPLOADER))) {
            Optional<String> target = stowInstitution.get();
            if (target.isEmpty() || !principal.mayStoreFor(target.get())) {
                LOG.info("event=http_forbidden user={} reason=other_institution path={}", principal.name(), path);
                request.abortWith(ApiError.response(Response.Status.FORBIDDEN, "uploader of institution "
                        + principal.institution().orElse("(none)") + " may not store for institution "
                        + target.orElse("(STOW AE not in the AE registry)")));
            }
        }
    }

    private static Response unauthorized(String message) {
        Response r = ApiError.response(Response.Status.UNAUTHORIZED, message);
        return Response.fromResponse(r).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"hrnode\"").build();
    }
}
