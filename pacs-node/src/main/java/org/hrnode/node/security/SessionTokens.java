package org.hrnode.node.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.SecureRandom;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/**
 * The node's own session tokens, issued after a local-account login (password + TOTP): JWTs signed HS256 with a key
 * only this node process holds, so nothing else can mint them. The key is made at start: a restart ends every
 * session (people log in again), which is the safe side.
 */
public final class SessionTokens {

    public static final Duration LIFETIME = Duration.ofHours(8);
    private static final String AUDIENCE = "hrnode-session";
    private static final int KEY_BYTES = 32;

    private final byte[] key;
    private final String issuer;
    private final Clock clock;

    public SessionTokens(String nodeAeTitle, Clock clock) {
        this.key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        this.issuer = "hrnode:" + nodeAeTitle;
        this.clock = clock;
    }

    public String issue(NodePrincipal principal) {
        Instant now = clock.instant();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(AUDIENCE)
                .subject(principal.name())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(LIFETIME)))
                .jwtID(UUID.randomUUID().toString())
                .claim("roles", principal.roles().stream().map(Role::claim).sorted().toList());
        principal.institution().ifPresent(i -> claims.claim("institution", i));
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims.build());
        try {
            jwt.sign(new MACSigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a session token", e);
        }
        return jwt.serialize();
    }

    /** Whether {@code token} looks like one of ours (HS256, our issuer), without verifying it. */
    public boolean isOurs(String token) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            return JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm())
                    && issuer.equals(jwt.getJWTClaimsSet().getIssuer());
        } catch (ParseException e) {
            return false;
        }
    }

    public NodePrincipal verify(String token) throws AuthenticationException {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || !jwt.verify(new MACVerifier(key))) {
                throw new AuthenticationException("session token has a wrong signature");
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            if (!issuer.equals(claims.getIssuer()) || !claims.getAudience().contains(AUDIENCE)) {
                throw new AuthenticationException("session token is not for this node");
            }
            if (claims.getExpirationTime() == null || !clock.instant().isBefore(claims.getExpirationTime().toInstant())) {
                throw new AuthenticationException("session token has expired");
            }
            return TokenVerifier.principalOf(claims, "session");
        } catch (ParseException e) {
            throw new AuthenticationException("bearer token is not a JWT");
        } catch (JOSEException e) {
            throw new AuthenticationException("session token cannot be verified: " + e.getMessage());
        }
    }
}
