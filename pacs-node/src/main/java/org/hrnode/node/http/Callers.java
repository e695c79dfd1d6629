package org.hrnode.node.http;

import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;

/** Who calls, as the security filter tells it through the Jakarta REST {@link SecurityContext}. */
final class Callers {

    /** Recorded when no filter has set a principal (a node without authentication). */
    static final String ANONYMOUS = "anonymous";

    private Callers() {
    }

    static String name(SecurityContext security) {
        Principal p = security == null ? null : security.getUserPrincipal();
        return p == null || p.getName() == null || p.getName().isBlank() ? ANONYMOUS : p.getName();
    }
}
