package org.hrnode.node.config;

import java.time.Duration;
import java.util.Optional;

/**
 * How the node proves who calls and protects the HTTP transport (docs/SECURITY.md).
 *
 * @param production production mode: every HTTP request and DICOM association authenticated and checked by role
 * @param jwt bearer tokens of an OIDC server, or empty when only local accounts log in
 * @param httpTls the HTTPS listener's key material (PKCS#12 or PEM), or empty for plain HTTP
 * @param behindTlsProxy plain HTTP is deliberate: a TLS terminator in front serves the clients
 */
public record SecuritySettings(boolean production, Optional<Jwt> jwt, Optional<SslContextSource> httpTls,
        boolean behindTlsProxy) {

    /** @param jwks a JWK set file or an http(s) URL */
    public record Jwt(String jwks, String issuer, String audience, Duration clockSkew) {
    }

    public static SecuritySettings dev() {
        return new SecuritySettings(false, Optional.empty(), Optional.empty(), false);
    }
}
