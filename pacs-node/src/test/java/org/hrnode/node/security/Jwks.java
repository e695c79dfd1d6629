package org.hrnode.node.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/** A test OIDC issuer: an RSA and an EC key, their public JWK set in a file, and tokens signed with them. */
public final class Jwks {

    public static final String ISSUER = "https://keycloak.example/realms/hr";
    public static final String AUDIENCE = "hrnode";

    public final RSAKey rsa;
    public final ECKey ec;

    public Jwks() {
        try {
            rsa = new RSAKeyGenerator(2048).keyID("rsa-1").generate();
            ec = new ECKeyGenerator(Curve.P_256).keyID("ec-1").generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public Path writePublic(Path file) throws IOException {
        Files.writeString(file, new JWKSet(List.of(rsa.toPublicJWK(), ec.toPublicJWK())).toString());
        return file;
    }

    public static JWTClaimsSet.Builder claims(String subject, List<String> roles, String institution) {
        Instant now = Instant.now();
        JWTClaimsSet.Builder b = new JWTClaimsSet.Builder().issuer(ISSUER).audience(AUDIENCE).subject(subject)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)))
                .claim("realm_access", java.util.Map.of("roles", roles));
        if (institution != null) {
            b.claim("institution", institution);
        }
        return b;
    }

    public String rs256(JWTClaimsSet claims) {
        return sign(claims, rsa, JWSAlgorithm.RS256);
    }

    public String es256(JWTClaimsSet claims) {
        return sign(claims, ec, JWSAlgorithm.ES256);
    }

    public String token(String subject, List<String> roles, String institution) {
        return rs256(claims(subject, roles, institution).build());
    }

    private static String sign(JWTClaimsSet claims, com.nimbusds.jose.jwk.JWK key, JWSAlgorithm alg) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).keyID(key.getKeyID()).build(), claims);
            jwt.sign(key instanceof RSAKey r ? new RSASSASigner(r) : new ECDSASigner((ECKey) key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
