package org.hrnode.node.security;

import java.util.Optional;
import java.util.Set;

/**
 * A local account. {@link #toString()} leaves out the hash and the TOTP secret.
 *
 * @param passwordHash Argon2id PHC string ({@link PasswordHasher})
 * @param totpSecret RFC 6238 key; empty until the second factor is enrolled
 */
public record Account(String username, String passwordHash, Set<Role> roles, Optional<String> institution,
        Optional<byte[]> totpSecret) {

    public Account {
        roles = Set.copyOf(roles);
    }

    public NodePrincipal principal(String authenticatedBy) {
        return new NodePrincipal(username, roles, institution, authenticatedBy);
    }

    @Override
    public String toString() {
        return "Account[" + username + ", roles=" + roles + ", institution=" + institution.orElse("-") + ", totp="
                + totpSecret.isPresent() + "]";
    }
}
