package org.hrnode.node.security;

import java.time.Clock;
import java.util.Optional;

/**
 * Proves who calls, from a bearer token (the node's own session token, or an OIDC server's JWT) or from a local
 * account's password (and TOTP code, for console logins). Shared by HTTP ({@link SecurityFilter}, the login
 * resource) and DICOM ({@link DimseAccess}), so one account or token works on both.
 */
public final class Authenticator {

    private final Optional<TokenVerifier> jwt;
    private final SessionTokens sessions;
    private final Accounts accounts;
    private final PasswordHasher hasher;
    private final Clock clock;
    /** Checked when a name is unknown, so an unknown name takes as long as a wrong password (no name probing). */
    private final String decoyHash;

    public Authenticator(Optional<TokenVerifier> jwt, SessionTokens sessions, Accounts accounts,
            PasswordHasher hasher, Clock clock) {
        this.jwt = jwt;
        this.sessions = sessions;
        this.accounts = accounts;
        this.hasher = hasher;
        this.clock = clock;
        this.decoyHash = hasher.hash("decoy-password-never-used".toCharArray());
    }

    /** Whether anyone could log in at all: production mode refuses to start otherwise. */
    public boolean anyoneCanLogIn() {
        return jwt.isPresent() || !accounts.isEmpty();
    }

    public SessionTokens sessions() {
        return sessions;
    }

    public NodePrincipal bearer(String token) throws AuthenticationException {
        if (sessions.isOurs(token)) {
            return sessions.verify(token);
        }
        if (jwt.isEmpty()) {
            throw new AuthenticationException("bearer token refused: this node accepts only its own session tokens "
                    + "(POST /api/auth/login); no jwt-jwks is configured");
        }
        return jwt.get().verify(token);
    }

    /** A local account's password (DICOM user identity, and the first factor of a console login). */
    public Account password(String username, char[] password) throws AuthenticationException {
        Optional<Account> account = accounts.find(username);
        boolean ok = hasher.verify(password, account.map(Account::passwordHash).orElse(decoyHash));
        if (account.isEmpty() || !ok) {
            throw new AuthenticationException("wrong user name or password");
        }
        return account.get();
    }

    /**
     * A console login: password, then the TOTP code when the account has enrolled one. With
     * {@code requireSecondFactor} (production mode) an account without TOTP cannot log in: multi-factor
     * authentication is a 宁夏 spec 7.7.5 requirement.
     */
    public NodePrincipal login(String username, char[] password, String totpCode, boolean requireSecondFactor)
            throws AuthenticationException {
        Account account = password(username, password);
        if (account.totpSecret().isPresent()) {
            if (!Totp.verify(account.totpSecret().get(), totpCode, clock.instant())) {
                throw new AuthenticationException("wrong or missing one-time code (totp)");
            }
        } else if (requireSecondFactor) {
            throw new AuthenticationException("account has no second factor; an admin enrols one with "
                    + "./hrnode user totp " + account.username());
        }
        return account.principal("password");
    }
}
