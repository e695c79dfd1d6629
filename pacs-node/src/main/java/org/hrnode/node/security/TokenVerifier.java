package org.hrnode.node.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Verifies bearer JWTs issued by an OIDC server (Keycloak or any other) against its JSON Web Key Set: signature
 * (RS256/RS384/RS512, PS256, ES256/ES384 — never {@code none} or HMAC with a public key), {@code exp} and
 * {@code nbf} with a clock skew, {@code iss} and {@code aud}. Roles come from the {@code roles} claim or Keycloak's
 * {@code realm_access.roles}; the institution from the {@code institution} claim; the name from
 * {@code preferred_username}, else {@code sub}.
 */
public final class TokenVerifier {

    static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512,
            JWSAlgorithm.PS256, JWSAlgorithm.ES256, JWSAlgorithm.ES384);

    private final DefaultJWTProcessor<SecurityContext> processor;

    private TokenVerifier(JWKSource<SecurityContext> keys, String issuer, String audience, Duration clockSkew) {
        processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, keys));
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(audience,
                new JWTClaimsSet.Builder().issuer(issuer).build(), Set.of("sub", "exp"));
        claims.setMaxClockSkew((int) clockSkew.toSeconds());
        processor.setJWTClaimsSetVerifier(claims);
    }

    /**
     * @param jwks a file holding the JWK set, or an {@code http(s)} URL (fetched and cached, refreshed on unknown
     *     key ids: Keycloak's {@code /realms/R/protocol/openid-connect/certs})
     */
    public static TokenVerifier of(String jwks, String issuer, String audience, Duration clockSkew)
            throws IOException {
        JWKSource<SecurityContext> source;
        if (jwks.startsWith("http://") || jwks.startsWith("https://")) {
            URL url = URI.create(jwks).toURL();
            source = JWKSourceBuilder.create(url).retrying(true).build();
        } else {
            try {
                source = new ImmutableJWKSet<>(JWKSet.parse(Files.readString(Path.of(jwks))));
            } catch (ParseException e) {
                throw new IOException("JWK set " + jwks + " is not valid JSON Web Key Set: " + e.getMessage(), e);
            }
        }
        return new TokenVerifier(source, issuer, audience, clockSkew);
    }

    /** The caller the token names, or a {@link AuthenticationException} saying why the token is refused. */
    public NodePrincipal verify(String token) throws AuthenticationException {
        JWTClaimsSet claims;
        try {
            claims = processor.process(token, null);
        } catch (ParseException e) {
            throw new AuthenticationException("bearer token is not a JWT");
        } catch (BadJOSEException e) {
            throw new AuthenticationException("bearer token refused: " + e.getMessage());
        } catch (JOSEException e) {
            throw new AuthenticationException("bearer token cannot be verified: " + e.getMessage());
        }
        return principalOf(claims, "jwt");
    }

    static NodePrincipal principalOf(JWTClaimsSet claims, String how) throws AuthenticationException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : roleNames(claims)) {
            Role.ofClaim(name).ifPresent(roles::add);
        }
        String name;
        try {
            name = Optional.ofNullable(claims.getStringClaim("preferred_username")).orElse(claims.getSubject());
            return new NodePrincipal(name, roles, Optional.ofNullable(claims.getStringClaim("institution")), how);
        } catch (ParseException e) {
            throw new AuthenticationException("bearer token has malformed claims: " + e.getMessage());
        }
    }

    private static Set<String> roleNames(JWTClaimsSet claims) throws AuthenticationException {
        Set<String> names = new HashSet<>();
        try {
            List<String> roles = claims.getStringListClaim("roles");
            if (roles != null) {
                names.addAll(roles);
            }
            Map<String, Object> realm = claims.getJSONObjectClaim("realm_access");
            if (realm != null && realm.get("roles") instanceof List<?> list) {
                list.forEach(o -> names.add(String.valueOf(o)));
            }
        } catch (ParseException e) {
            throw new AuthenticationException("bearer token has malformed role claims: " + e.getMessage());
        }
        return names;
    }
}
