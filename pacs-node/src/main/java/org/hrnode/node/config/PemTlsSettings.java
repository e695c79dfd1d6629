package org.hrnode.node.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * TLS key material as most certificate authorities and {@code certbot} hand it out: a PEM certificate chain and an
 * unencrypted PKCS#8 PEM private key ({@code -----BEGIN PRIVATE KEY-----}, RSA or EC). Read with the JDK alone.
 *
 * @param certificateChain PEM file, the server certificate first, then intermediates
 * @param privateKey PEM file holding the PKCS#8 private key (keep it readable by the node's user only)
 */
public record PemTlsSettings(Path certificateChain, Path privateKey) implements SslContextSource {

    private static final Pattern PKCS8 = Pattern.compile(
            "-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");
    private static final char[] IN_MEMORY = new char[0];

    @Override
    public SSLContext sslContext() throws IOException {
        try {
            List<? extends Certificate> chain;
            try (InputStream in = Files.newInputStream(certificateChain)) {
                chain = List.copyOf(CertificateFactory.getInstance("X.509").generateCertificates(in));
            }
            if (chain.isEmpty()) {
                throw new IOException("no certificate in " + certificateChain);
            }
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("server", privateKey(chain.getFirst().getPublicKey().getAlgorithm()), IN_MEMORY,
                    chain.toArray(Certificate[]::new));
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, IN_MEMORY);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot set up TLS from " + certificateChain + " and " + privateKey + ": "
                    + e.getMessage(), e);
        }
    }

    private PrivateKey privateKey(String algorithm) throws IOException, GeneralSecurityException {
        Matcher m = PKCS8.matcher(Files.readString(privateKey, StandardCharsets.US_ASCII));
        if (!m.find()) {
            throw new IOException(privateKey + " holds no unencrypted PKCS#8 key (-----BEGIN PRIVATE KEY-----); "
                    + "convert with: openssl pkcs8 -topk8 -nocrypt -in key.pem -out key-pkcs8.pem");
        }
        byte[] der = Base64.getMimeDecoder().decode(m.group(1));
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
    }
}
