package org.hrnode.node.security;

import java.security.Principal;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Who is calling, as HTTP resources see it through {@code SecurityContext.getUserPrincipal()} and DIMSE handlers
 * through {@link DimseAccess}.
 *
 * @param name account name or token subject
 * @param roles what the caller may do
 * @param institution the institution code an uploader stores for; empty for roles not tied to one institution
 * @param authenticatedBy how the identity was proven: {@code jwt}, {@code session}, {@code password}, {@code dev}
 */
public record NodePrincipal(String name, Set<Role> roles, Optional<String> institution, String authenticatedBy)
        implements Principal {

    public NodePrincipal {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    /** The dev-mode caller: every role, no institution scope. Never used in production mode. */
    public static NodePrincipal developer() {
        return new NodePrincipal("developer", EnumSet.allOf(Role.class), Optional.empty(), "dev");
    }

    @Override
    public String getName() {
        return name;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Whether this caller may store objects for {@code institutionCode}: uploaders only for their own. */
    public boolean mayStoreFor(String institutionCode) {
        if (!has(Role.UPLOADER)) {
            return false;
        }
        return "dev".equals(authenticatedBy) || institution.isPresent() && institution.get().equals(institutionCode);
    }
}
