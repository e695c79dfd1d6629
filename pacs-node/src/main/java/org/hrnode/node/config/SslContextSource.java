package org.hrnode.node.config;

import java.io.IOException;
import javax.net.ssl.SSLContext;

/** Where a TLS listener's key and certificate come from: a PKCS#12 key store or PEM files. */
public interface SslContextSource {

    /** The context to serve with; fails naming the file when the key material cannot be read. */
    SSLContext sslContext() throws IOException;
}
