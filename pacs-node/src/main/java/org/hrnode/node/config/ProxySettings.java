package org.hrnode.node.config;

import java.net.URI;
import java.util.Optional;
import org.hrnode.node.http.TrustedProxies;

/**
 * How the node is reached through reverse proxies and load balancers.
 *
 * @param trustedProxies direct peers whose forwarding headers (client address, scheme, host, path prefix) are
 *     believed; nobody's by default
 * @param publicUrl the URL clients use (scheme, host, port, path prefix), which then fixes every absolute URL the
 *     node writes whatever the request says; empty: as each request (or its trusted proxy) says
 */
public record ProxySettings(TrustedProxies trustedProxies, Optional<URI> publicUrl) {

    public static final ProxySettings DIRECT = new ProxySettings(TrustedProxies.none(), Optional.empty());
}
