package org.hrnode.node.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * DICOM over TLS (PS3.15 Annex B, the "secure transport connection profile"): the node's key and certificate in a
 * PKCS#12 key store, optionally a trust store for client certificates. The password is never printed.
 *
 * @param keyStore PKCS#12 file with the node's private key and certificate chain
 * @param password password of the key store (and of its key)
 * @param trustStore PKCS#12 trust store; empty for the JDK's default trust
 * @param needClientAuth whether peers must present a certificate the trust store accepts
 */
public record TlsSettings(Path keyStore, char[] password, Optional<Path> trustStore, boolean needClientAuth)
        implements SslContextSource {

    private static final String PKCS12 = "PKCS12";
    private static final String PROTOCOL = "TLS";

    /** The context the acceptor serves with; fails naming the file when a store cannot be read. */
    @Override
    public SSLContext sslContext() throws IOException {
        try {
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(load(keyStore), password);
            TrustManagerFactory trust = null;
            if (trustStore.isPresent()) {
                trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                trust.init(load(trustStore.get()));
            }
            SSLContext context = SSLContext.getInstance(PROTOCOL);
            context.init(keys.getKeyManagers(), trust == null ? null : trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot set up DICOM TLS from " + keyStore + ": " + e.getMessage(), e);
        }
    }

    private KeyStore load(Path file) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(PKCS12);
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password);
        } catch (IOException e) {
            throw new IOException("cannot read key store " + file + " (wrong password or not PKCS#12): "
                    + e.getMessage(), e);
        }
        return store;
    }

    @Override
    public String toString() {
        return "TlsSettings[keyStore=" + keyStore + ", password=****, trustStore=" + trustStore
                + ", needClientAuth=" + needClientAuth + "]";
    }
}
