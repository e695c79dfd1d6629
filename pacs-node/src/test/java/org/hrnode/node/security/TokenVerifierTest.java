package org.hrnode.node.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bearer tokens of an OIDC server: what passes, and each way a token must fail. */
class TokenVerifierTest {

    @TempDir
    static Path dir;
    private static Jwks issuer;
    private static TokenVerifier verifier;

    @BeforeAll
    static void keys() throws Exception {
        issuer = new Jwks();
        verifier = TokenVerifier.of(issuer.writePublic(dir.resolve("jwks.json")).toString(), Jwks.ISSUER,
                Jwks.AUDIENCE, Duration.ofSeconds(60));
    }

    @Test
    void rs256TokenGivesNameRolesAndInstitution() throws Exception {
        NodePrincipal p = verifier.verify(issuer.token("dr.li", List.of("viewer", "offline_access"), null));

        assertThat(p.name()).isEqualTo("dr.li");
        assertThat(p.roles()).containsExactly(Role.VIEWER);
        assertThat(p.institution()).isEmpty();
        assertThat(p.authenticatedBy()).isEqualTo("jwt");
    }

    @Test
    void es256TokenWithRolesClaimAndInstitution() throws Exception {
        NodePrincipal p = verifier.verify(issuer.es256(Jwks.claims("ct-gateway", List.of(), "510000-RM")
                .claim("roles", List.of("uploader")).claim("preferred_username", "rmyy-ct").build()));

        assertThat(p.name()).isEqualTo("rmyy-ct");
        assertThat(p.roles()).containsExactly(Role.UPLOADER);
        assertThat(p.institution()).contains("510000-RM");
        assertThat(p.mayStoreFor("510000-RM")).isTrue();
        assertThat(p.mayStoreFor("500000-CQ")).isFalse();
    }

    @Test
    void expiredTokenIsRefusedBeyondTheClockSkew() {
        Instant past = Instant.now().minusSeconds(600);
        String token = issuer.rs256(Jwks.claims("dr.li", List.of("viewer"), null)
                .issueTime(Date.from(past.minusSeconds(300))).expirationTime(Date.from(past)).build());

        assertThatThrownBy(() -> verifier.verify(token)).isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("xpired");
    }

    @Test
    void tokenExpiredWithinTheClockSkewStillPasses() throws Exception {
        String token = issuer.rs256(Jwks.claims("dr.li", List.of("viewer"), null)
                .expirationTime(Date.from(Instant.now().minusSeconds(20))).build());

        assertThat(verifier.verify(token).name()).isEqualTo("dr.li");
    }

    @Test
    void tokenNotYetValidIsRefused() {
        String token = issuer.rs256(Jwks.claims("dr.li", List.of("viewer"), null)
                .notBeforeTime(Date.from(Instant.now().plusSeconds(600))).build());

        assertThatThrownBy(() -> verifier.verify(token)).isInstanceOf(AuthenticationException.class);
    }

    @Test
    void wrongSignatureIsRefused() {
        // same key id, different key: an attacker's own RSA key
        Jwks attacker = new Jwks();
        String token = attacker.token("admin", List.of("admin"), null);

        assertThatThrownBy(() -> verifier.verify(token)).isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("refused");
    }

    @Test
    void tamperedPayloadIsRefused() {
        String token = issuer.token("dr.li", List.of("viewer"), null);
        String[] parts = token.split("\\.");
        String forged = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                Jwks.claims("dr.li", List.of("admin"), null).build().toString().getBytes()) + "." + parts[2];

        assertThatThrownBy(() -> verifier.verify(forged)).isInstanceOf(AuthenticationException.class);
    }

    @Test
    void wrongAudienceIsRefused() {
        String token = issuer.rs256(Jwks.claims("dr.li", List.of("viewer"), null).audience("another-app").build());

        assertThatThrownBy(() -> verifier.verify(token)).isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("aud");
    }

    @Test
    void wrongIssuerIsRefused() {
        String token = issuer.rs256(Jwks.claims("dr.li", List.of("viewer"), null)
                .issuer("https://evil.example/realms/hr").build());

        assertThatThrownBy(() -> verifier.verify(token)).isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("iss");
    }

    @Test
    void unsignedAndHmacTokensAreRefused() throws Exception {
        JWTClaimsSet claims = Jwks.claims("admin", List.of("admin"), null).build();
        String none = new PlainJWT(claims).serialize();
        SignedJWT hs = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        hs.sign(new MACSigner(new byte[32]));

        assertThatThrownBy(() -> verifier.verify(none)).isInstanceOf(AuthenticationException.class);
        assertThatThrownBy(() -> verifier.verify(hs.serialize())).isInstanceOf(AuthenticationException.class);
        assertThatThrownBy(() -> verifier.verify("not-a-token")).isInstanceOf(AuthenticationException.class);
    }

    @Test
    void sessionTokensVerifyOnlyOnTheNodeThatIssuedThemAndOnlyUntilTheyExpire() throws Exception {
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        Instant[] now = {start};
        Clock clock = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        };
        SessionTokens node = new SessionTokens("HRNODE", clock);
        NodePrincipal reviewer = new NodePrincipal("qc.wang", java.util.Set.of(Role.REVIEWER), Optional.empty(),
                "password");
        String token = node.issue(reviewer);

        assertThat(node.verify(token).name()).isEqualTo("qc.wang");
        assertThat(node.verify(token).roles()).containsExactly(Role.REVIEWER);
        SessionTokens otherProcess = new SessionTokens("HRNODE", Clock.fixed(start, ZoneOffset.UTC));
        assertThatThrownBy(() -> otherProcess.verify(token)).hasMessageContaining("signature");
        now[0] = start.plus(SessionTokens.LIFETIME).plusSeconds(1);
        assertThat(node.isOurs(token)).isTrue();
        assertThatThrownBy(() -> node.verify(token)).hasMessageContaining("expired");
    }
}
