package org.hrnode.node.security;

import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;

/** The Jakarta REST view of the caller: {@code isUserInRole} takes the role claims ({@code viewer}, ...). */
public record NodeSecurityContext(NodePrincipal principal, boolean secure) implements SecurityContext {

    @Override
    public Principal getUserPrincipal() {
        return principal;
    }

    @Override
    public boolean isUserInRole(String role) {
        return Role.ofClaim(role).map(principal::has).orElse(false);
    }

    @Override
    public boolean isSecure() {
        return secure;
    }

    @Override
    public String getAuthenticationScheme() {
        return "dev".equals(principal.authenticatedBy()) ? null : "Bearer";
    }
}
