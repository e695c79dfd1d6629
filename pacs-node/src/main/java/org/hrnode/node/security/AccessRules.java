package org.hrnode.node.security;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which roles may call which HTTP endpoint: one table, kept as data, the first matching row wins, and a request no
 * row matches is refused in production mode (default deny), so an endpoint added later is closed until a row names
 * it. docs/SECURITY.md reproduces this table; {@code AccessRulesTest} pins each endpoint class to its roles.
 */
public final class AccessRules {

    /**
     * @param methods HTTP methods the row covers; empty: all
     * @param path regular expression over the whole request path
     * @param roles who may call; empty: anyone, without authentication
     */
    public record Rule(Set<String> methods, Pattern path, Set<Role> roles) {

        boolean matches(String method, String requestPath) {
            return (methods.isEmpty() || methods.contains(method)) && path.matcher(requestPath).matches();
        }

        public boolean isPublic() {
            return roles.isEmpty();
        }
    }

    private static final Set<String> READ = Set.of("GET", "HEAD");
    private static final Set<String> WRITE = Set.of("POST", "PUT", "DELETE", "PATCH");
    private static final Set<Role> PUBLIC = Set.of();

    /** The node's table. Order matters: specific rows before the general ones under the same prefix. */
    public static final List<Rule> TABLE = List.of(
            rule(READ, "/api/health", PUBLIC),
            rule(READ, "/healthz", PUBLIC),
            rule(Set.of("POST"), "/api/auth/login", PUBLIC),
            // CORS preflights carry no credentials by design (Fetch standard); the CORS filter answers them
            rule(Set.of("OPTIONS"), "/dicomweb(/.*)?", PUBLIC),
            rule(Set.of("OPTIONS"), "/wado(/.*)?", PUBLIC),
            rule(READ, "/api/auth/me", EnumSet.allOf(Role.class)),
            // STOW-RS: institutions' uploaders only (their own institution: SecurityFilter checks the STOW AE)
            rule(Set.of("POST"), "/dicomweb/studies(/[^/]+)?", EnumSet.of(Role.UPLOADER)),
            // QIDO-RS, WADO-RS, rendered, thumbnails, WADO-URI: clinicians, and reviewers who judge the images
            rule(READ, "/dicomweb(/.*)?", EnumSet.of(Role.VIEWER, Role.REVIEWER)),
            rule(READ, "/wado(/.*)?", EnumSet.of(Role.VIEWER, Role.REVIEWER)),
            // an uploader may follow what became of its uploads
            rule(READ, "/api/studies/[^/]+/status", EnumSet.of(Role.UPLOADER, Role.REVIEWER, Role.ADMIN)),
            // registries an operator maintains, reviewers read
            rule(WRITE, "/api/qc/catalog/mappings(/.*)?", EnumSet.of(Role.ADMIN)),
            rule(WRITE, "/api/qc/recognition(/.*)?", EnumSet.of(Role.ADMIN)),
            // the QC console and its APIs: reviewers decide, admins look on
            rule(Set.of(), "/api/qc(/.*)?", EnumSet.of(Role.REVIEWER, Role.ADMIN)),
            // the console's own API: reviewers decide and re-run QC, admins look on
            rule(WRITE, "/api/console/studies/[^/]+/(decisions|rerun)", EnumSet.of(Role.REVIEWER)),
            rule(Set.of(), "/api/console(/.*)?", EnumSet.of(Role.REVIEWER, Role.ADMIN)),
            // the API's own description, for anyone signed in
            rule(READ, "/api/openapi.json", EnumSet.allOf(Role.class)),
            rule(Set.of(), "/console(/.*)?", EnumSet.of(Role.REVIEWER, Role.ADMIN)),
            rule(READ, "/api/quality(/.*)?", EnumSet.of(Role.REVIEWER, Role.ADMIN)),
            rule(READ, "/api/reports(/.*)?", EnumSet.of(Role.REVIEWER, Role.ADMIN)),
            // reports come from the institutions' RIS, like their images (docs/REPORTS.md)
            rule(Set.of("POST"), "/api/reports(/cancellations)?", EnumSet.of(Role.UPLOADER)),
            // the recognition service: clinicians query (under the patient's consent) and decide; statistics are
            // for the QC centre too
            rule(READ, "/api/recognition/statistics", EnumSet.of(Role.VIEWER, Role.REVIEWER, Role.ADMIN)),
            rule(Set.of(), "/api/recognition(/.*)?", EnumSet.of(Role.VIEWER)),
            // administration: accounts, AE registry, configuration, audit, metrics
            rule(Set.of(), "/api/admin(/.*)?", EnumSet.of(Role.ADMIN)),
            rule(Set.of(), "/api/audit(/.*)?", EnumSet.of(Role.ADMIN)),
            rule(READ, "/metrics", EnumSet.of(Role.ADMIN)));

    private AccessRules() {
    }

    private static Rule rule(Set<String> methods, String path, Set<Role> roles) {
        return new Rule(Set.copyOf(methods), Pattern.compile(path), roles.isEmpty() ? Set.of() : Set.copyOf(roles));
    }

    /** The row for a request, empty when none covers it (refused in production mode). */
    public static Optional<Rule> ruleFor(String method, String path) {
        String p = path.startsWith("/") ? path : "/" + path;
        for (Rule r : TABLE) {
            if (r.matches(method, p)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** Whether {@code principal} may make the request (false for any request no row covers). */
    public static boolean allows(NodePrincipal principal, String method, String path) {
        return ruleFor(method, path).map(r -> r.isPublic() || r.roles().stream().anyMatch(principal::has))
                .orElse(false);
    }
}
