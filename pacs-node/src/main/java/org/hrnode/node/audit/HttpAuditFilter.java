package org.hrnode.node.audit;

import java.util.Arrays;
import org.hrnode.node.security.NodePrincipal;
import org.hrnode.node.security.Role;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;
import java.time.Clock;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.hrnode.storage.audit.AuditAction;
import org.hrnode.storage.audit.AuditEvent;
import org.hrnode.storage.audit.AuditTrail;

/**
 * Audits every request to {@code /dicomweb}, {@code /wado}, {@code /api} and {@code /console} once its response is
 * known, including requests the security filter refused (Jakarta REST runs response filters for aborted requests
 * too, so failed logins and refused roles are recorded with their 401/403).
 *
 * <p>Who: the Jakarta REST {@link SecurityContext} the security filter set (principal name, its {@link Role}s, and
 * the institution a {@link NodePrincipal} carries). Where from: the client's IP address. What: the path without its query string (QIDO query strings may hold
 * patient names or IDs, which must never reach the audit trail) and the Study Instance UID in it.
 */
@Provider
public final class HttpAuditFilter implements ContainerResponseFilter {

    private static final List<String> AUDITED_PREFIXES = List.of("dicomweb", "wado", "api", "console");
    /** Health probes come every few seconds from load balancers: recording them would bury the real trail. */
    private static final String HEALTH = "api/health";
    private static final Pattern STUDY_IN_PATH = Pattern.compile("(?:^|/)studies/([0-9.]{1,64})(?:/|$)");
    private static final Pattern SEARCH = Pattern.compile(".*/(studies|series|instances)$");

    private final AuditTrail trail;
    private final Clock clock;

    @Context
    private HttpServletRequest servletRequest;

    public HttpAuditFilter(AuditTrail trail, Clock clock) {
        this.trail = trail;
        this.clock = clock;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String path = stripSlashes(request.getUriInfo().getPath());
        // CORS preflights carry no data and touch nothing: the request they precede is audited itself
        if (!audited(path) || request.getMethod().equals("OPTIONS")) {
            return;
        }
        SecurityContext security = request.getSecurityContext();
        Principal principal = security == null ? null : security.getUserPrincipal();
        String roles = security == null ? "" : Arrays.stream(Role.values()).map(Role::claim)
                .filter(security::isUserInRole).collect(Collectors.joining(","));
        Object institution = principal instanceof NodePrincipal p ? p.institution().orElse(null) : null;
        int status = response.getStatus();
        trail.record(new AuditEvent(clock.instant(), principal == null ? "anonymous" : principal.getName(), roles,
                institution == null ? "" : institution.toString(), "ip:" + remoteAddress(),
                action(request.getMethod(), path).code(), status < 400 ? "ok" : "http " + status,
                studyUid(request, path), request.getMethod() + " /" + path));
    }

    static boolean audited(String path) {
        String first = path.contains("/") ? path.substring(0, path.indexOf('/')) : path;
        return AUDITED_PREFIXES.contains(first) && !path.equals(HEALTH) && !path.startsWith(HEALTH + "/");
    }

    /** What a request does, by its method and path. */
    static AuditAction action(String method, String path) {
        boolean read = method.equals("GET") || method.equals("HEAD");
        if (path.startsWith("dicomweb")) {
            if (!read) {
                return method.equals("POST") ? AuditAction.STORE : AuditAction.CONFIG_CHANGE;
            }
            if (path.endsWith("/rendered") || path.endsWith("/thumbnail")) {
                return AuditAction.VIEW;
            }
            return SEARCH.matcher(path).matches() ? AuditAction.QUERY : AuditAction.RETRIEVE;
        }
        if (path.startsWith("wado")) {
            return AuditAction.RETRIEVE;
        }
        if (path.startsWith("console")) {
            return read ? AuditAction.VIEW : AuditAction.QC_DECISION;
        }
        if (read) {
            return AuditAction.READ;
        }
        if (path.contains("login") || path.contains("session") || path.contains("token")) {
            return AuditAction.LOGIN;
        }
        return path.startsWith("api/qc") ? AuditAction.QC_DECISION : AuditAction.CONFIG_CHANGE;
    }

    private static String studyUid(ContainerRequestContext request, String path) {
        Matcher m = STUDY_IN_PATH.matcher(path);
        if (m.find()) {
            return m.group(1);
        }
        String wadoUri = request.getUriInfo().getQueryParameters().getFirst("studyUID");
        return wadoUri != null && wadoUri.matches("[0-9.]{1,64}") ? wadoUri : "";
    }

    private String remoteAddress() {
        try {
            return servletRequest == null ? "unknown" : servletRequest.getRemoteAddr();
        } catch (IllegalStateException notInARequest) {
            return "unknown";
        }
    }

    private static String stripSlashes(String path) {
        int start = 0;
        while (start < path.length() && path.charAt(start) == '/') {
            start++;
        }
        return path.substring(start);
    }
}
