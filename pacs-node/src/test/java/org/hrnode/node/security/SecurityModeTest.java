package org.hrnode.node.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.hrnode.node.app.Node;
import org.hrnode.node.app.NodeStorage;
import org.hrnode.node.config.ConfigException;
import org.hrnode.node.config.ConfigLoader;
import org.hrnode.node.config.NodeConfig;
import org.hrnode.storage.blob.InMemoryBlobStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What production and dev mode refuse at start, and the HTTPS listener. */
class SecurityModeTest {

    private static final String PASSWORD = "changeit-https";

    @TempDir
    Path dir;

    private List<String> base(String... more) {
        List<String> args = new ArrayList<>(List.of("--data-dir", dir.resolve("data").toString(), "--dicom-port",
                "0", "--http-port", "0"));
        args.addAll(List.of(more));
        return args;
    }

    private static NodeConfig load(List<String> args) throws ConfigException {
        return new ConfigLoader(Map.of()).load(args);
    }

    @Test
    void devModeIsTheDefaultAndListensOnLoopbackOnly() throws Exception {
        assertThat(load(base()).security().production()).isFalse();
        assertThatThrownBy(() -> load(base("--bind-address", "0.0.0.0")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("loopback");
        assertThatThrownBy(() -> load(base("--bind-address", "192.168.1.10")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("--production");
        assertThat(load(base("--bind-address", "0.0.0.0", "--dev-on-network", "true")).security().production())
                .as("a container's own network, deliberately").isFalse();
    }

    @Test
    void productionWithoutTlsIsRefused() {
        assertThatThrownBy(() -> load(base("--mode", "production", "--bind-address", "0.0.0.0")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("HTTPS");
    }

    @Test
    void productionRefusesUnregisteredCallingAes() {
        assertThatThrownBy(() -> load(base("--mode", "production", "--http-behind-tls-proxy", "true",
                "--dev-mode", "true"))).isInstanceOf(ConfigException.class).hasMessageContaining("dev-mode");
    }

    @Test
    void productionBehindATlsProxyMayServeTheNetwork() throws Exception {
        NodeConfig c = load(base("--mode", "production", "--http-behind-tls-proxy", "true", "--bind-address",
                "0.0.0.0"));
        assertThat(c.security().production()).isTrue();
        assertThat(c.bindAddress()).isEqualTo("0.0.0.0");
    }

    @Test
    void jwksWithoutIssuerIsRefused() throws Exception {
        Path jwks = new Jwks().writePublic(dir.resolve("jwks.json"));
        assertThatThrownBy(() -> load(base("--jwt-jwks", jwks.toString())))
                .isInstanceOf(ConfigException.class).hasMessageContaining("jwt-issuer");
        assertThatThrownBy(() -> load(base("--jwt-jwks", dir.resolve("missing.json").toString(), "--jwt-issuer",
                "x"))).isInstanceOf(ConfigException.class).hasMessageContaining("readable");
    }

    @Test
    void productionWithoutAnyWayToLogInRefusesToStart() throws Exception {
        NodeConfig c = load(base("--mode", "production", "--http-behind-tls-proxy", "true", "--bind-address",
                "127.0.0.1"));

        assertThatThrownBy(() -> Node.start(c, NodeStorage.openAsOwner(c, new InMemoryBlobStore())))
                .isInstanceOf(IOException.class).hasMessageContaining("needs authentication");
    }

    @Test
    void httpsListenerServesTlsAndNoPlainHttp() throws Exception {
        Path keyStore = dir.resolve("https.p12");
        keytool("-genkeypair", "-alias", "hrnode", "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
                "CN=localhost", "-ext", "san=ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12", "-keystore",
                keyStore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD);
        Path jwks = new Jwks().writePublic(dir.resolve("jwks.json"));
        NodeConfig c = load(base("--mode", "production", "--bind-address", "127.0.0.1", "--http-tls-keystore",
                keyStore.toString(), "--http-tls-password", PASSWORD, "--jwt-jwks", jwks.toString(), "--jwt-issuer",
                Jwks.ISSUER));
        try (Node node = Node.start(c, NodeStorage.openAsOwner(c, new InMemoryBlobStore()))) {
            HttpClient tls = HttpClient.newBuilder().sslContext(trusting(keyStore))
                    .connectTimeout(Duration.ofSeconds(10)).build();
            HttpResponse<String> health = tls.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:"
                    + node.httpPort() + "/api/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            HttpResponse<String> qc = tls.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:"
                    + node.httpPort() + "/api/qc/backlog")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(qc.statusCode()).isEqualTo(401);

            HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            assertThatThrownBy(() -> plain.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + node.httpPort() + "/api/health")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class);
        }
    }

    @Test
    void httpsFromPemCertificateAndKey() throws Exception {
        org.hrnode.dicom.testing.ExternalTool.require("openssl");
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        Process p = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout",
                key.toString(), "-out", cert.toString(), "-days", "2", "-subj", "/CN=localhost", "-addext",
                "subjectAltName=IP:127.0.0.1").redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        Path jwks = new Jwks().writePublic(dir.resolve("jwks.json"));
        NodeConfig c = load(base("--mode", "production", "--bind-address", "127.0.0.1", "--http-tls-cert",
                cert.toString(), "--http-tls-key", key.toString(), "--jwt-jwks", jwks.toString(), "--jwt-issuer",
                Jwks.ISSUER));
        try (Node node = Node.start(c, NodeStorage.openAsOwner(c, new InMemoryBlobStore()))) {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            try (InputStream in = Files.newInputStream(cert)) {
                trust.setCertificateEntry("node",
                        java.security.cert.CertificateFactory.getInstance("X.509").generateCertificate(in));
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            HttpResponse<String> health = HttpClient.newBuilder().sslContext(context).build().send(
                    HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + node.httpPort() + "/api/health"))
                            .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
        }
        assertThatThrownBy(() -> load(base("--http-tls-cert", cert.toString())))
                .isInstanceOf(ConfigException.class).hasMessageContaining("http-tls-key");
    }

    private static void keytool(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("keytool: %s", output).isZero();
    }

    private static SSLContext trusting(Path store) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, PASSWORD.toCharArray());
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        return context;
    }
}
