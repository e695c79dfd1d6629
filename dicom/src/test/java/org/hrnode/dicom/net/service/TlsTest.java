package org.hrnode.dicom.net.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.hrnode.dicom.net.dimse.DimseChannel;
import org.hrnode.dicom.net.dimse.DimseRequestHandler;
import org.hrnode.dicom.net.dimse.Status;
import org.hrnode.dicom.net.ul.AcceptorConfig;
import org.hrnode.dicom.net.ul.AssociationRequestBuilder;
import org.hrnode.dicom.net.ul.AssociationRequestor;
import org.hrnode.dicom.net.ul.AssociationSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DICOM over TLS (PS3.15 Annex B) between our requestor and acceptor, with a throw-away self-signed key. */
class TlsTest {

    private static final char[] PASSWORD = "changeit".toCharArray();
    private static final long KEYTOOL_TIMEOUT_SECONDS = 60;

    @TempDir
    Path tmp;

    private Path keyStore() throws Exception {
        Path store = tmp.resolve("node.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process p = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "node", "-keyalg", "EC",
                "-groupname", "secp256r1", "-dname", "CN=localhost", "-validity", "2", "-storetype", "PKCS12",
                "-keystore", store.toString(), "-storepass", new String(PASSWORD), "-ext", "SAN=ip:127.0.0.1")
                .redirectErrorStream(true).redirectOutput(tmp.resolve("keytool.log").toFile()).start();
        assertThat(p.waitFor(KEYTOOL_TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(tmp.resolve("keytool.log"))).isZero();
        return store;
    }

    private static SSLContext context(Path store, boolean withKey) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, PASSWORD);
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        SSLContext ctx = SSLContext.getInstance("TLSv1.3");
        if (withKey) {
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, PASSWORD);
            ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        } else {
            ctx.init(null, tmf.getTrustManagers(), null);
        }
        return ctx;
    }

    @Test
    void echoOverTlsAndPlainTextIsRefused() throws Exception {
        Path store = keyStore();
        AcceptorConfig.Builder config = AcceptorConfig.builder("HRNODE")
                .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                .tls(context(store, true), false);
        try (DicomServer server = DicomServer.start(config, ServiceRegistry.builder().verification().build())) {
            InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), server.port());
            AssociationRequestor tls = new AssociationRequestor(AssociationSettings.defaults(), context(store, false));
            DimseChannel channel = DimseChannel.open(tls, address, new AssociationRequestBuilder("SCU", "HRNODE")
                    .addVerification().build(tls.settings()), DimseRequestHandler.NONE);
            try {
                assertThat(EchoSCU.echo(channel)).isEqualTo(Status.SUCCESS);
            } finally {
                channel.release();
            }

            AssociationRequestor plain = new AssociationRequestor(AssociationSettings.defaults());
            assertThatThrownBy(() -> DimseChannel.open(plain, address, new AssociationRequestBuilder("SCU", "HRNODE")
                    .addVerification().build(plain.settings()), DimseRequestHandler.NONE))
                    .isInstanceOf(IOException.class);
        }
    }
}
