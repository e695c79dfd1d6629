package org.hrnode.node.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.hrnode.dicom.net.dimse.DimseChannel;
import org.hrnode.dicom.net.dimse.DimseRequestHandler;
import org.hrnode.dicom.net.dimse.Status;
import org.hrnode.dicom.net.service.EchoSCU;
import org.hrnode.dicom.net.ul.AssociationRequestBuilder;
import org.hrnode.dicom.net.ul.AssociationRequestor;
import org.hrnode.dicom.net.ul.AssociationSettings;
import org.hrnode.node.config.ConfigLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DICOM over TLS as a hospital turns it on: a PKCS#12 key store in the configuration, peers that trust it. */
class DicomTlsTest {

    private static final String PASSWORD = "changeit";

    @TempDir
    static Path dir;
    private static Node node;
    private static Path trustStore;

    @BeforeAll
    static void startNodeWithTls() throws Exception {
        Path keyStore = dir.resolve("node.p12");
        keytool("-genkeypair", "-alias", "hrnode", "-keyalg", "EC", "-validity", "2", "-dname", "CN=localhost",
                "-ext", "san=ip:127.0.0.1", "-keystore", keyStore.toString(), "-storetype", "PKCS12",
                "-storepass", PASSWORD);
        Path cert = dir.resolve("node.crt");
        keytool("-exportcert", "-alias", "hrnode", "-keystore", keyStore.toString(), "-storepass", PASSWORD,
                "-file", cert.toString());
        trustStore = dir.resolve("trust.p12");
        keytool("-importcert", "-noprompt", "-alias", "hrnode", "-file", cert.toString(), "-keystore",
                trustStore.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD);
        node = Node.start(new ConfigLoader(Map.of("HRNODE_DICOM_TLS_PASSWORD", PASSWORD)).load(List.of(
                "--data-dir", dir.resolve("data").toString(), "--dicom-port", "0", "--http-port", "0",
                "--dev-mode", "true", "--dicom-tls-keystore", keyStore.toString())));
    }

    @AfterAll
    static void stop() throws IOException {
        if (node != null) {
            node.close();
        }
    }

    private static void keytool(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("keytool: %s", output).isZero();
    }

    private static Status echo(SSLContext tls) throws Exception {
        AssociationRequestor requestor = new AssociationRequestor(AssociationSettings.defaults(), tls);
        AssociationRequestBuilder rq = new AssociationRequestBuilder("TLSCLIENT", "HRNODE").addVerification();
        try (DimseChannel channel = DimseChannel.open(requestor,
                new InetSocketAddress(InetAddress.getLoopbackAddress(), node.dicomPort()),
                rq.build(requestor.settings()), DimseRequestHandler.NONE)) {
            return EchoSCU.echo(channel);
        }
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

    @Test
    void peerThatTrustsTheNodeCertificateEchoesOverTls() throws Exception {
        assertThat(echo(trusting(trustStore))).isEqualTo(Status.SUCCESS);
    }

    @Test
    void plainTcpPeerIsNotServed() {
        assertThatThrownBy(() -> echo(null)).isInstanceOf(Exception.class);
    }

    @Test
    void peerThatDoesNotTrustTheCertificateIsRefused() {
        assertThatThrownBy(() -> echo(SSLContext.getDefault())).isInstanceOf(Exception.class);
    }
}
