package org.hrnode.node.http;

import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.HttpHandler;
import io.undertow.servlet.Servlets;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.servlet.api.DeploymentManager;
import jakarta.servlet.ServletException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.hrnode.node.config.ProxySettings;
import org.jboss.resteasy.core.ResteasyDeploymentImpl;
import org.jboss.resteasy.plugins.server.servlet.HttpServlet30Dispatcher;
import org.jboss.resteasy.spi.ResteasyDeployment;

/**
 * The node's HTTP service: Undertow serving Jakarta REST resources through RESTEasy, JSON written by Jackson
 * ({@link JsonMapper}). Resources are plain objects handed in at start ({@link #start}), so each feature (the API
 * here, DICOMweb from the {@code wado} module later) contributes its own without this class knowing them.
 *
 * <p>Requests run on Undertow's worker threads (the servlet layer dispatches blocking work off the IO threads).
 * Started in full or not at all; {@link #close} stops the listener and undeploys.
 */
public final class HttpServer implements AutoCloseable {

    private static final String DEPLOYMENT_NAME = "hrnode";
    private static final String ALL_PATHS = "/*";
    /** Undertow's "no limit" for an exchange's request body. */
    private static final long UNBOUNDED_ENTITY = -1;

    private final Undertow undertow;
    private final DeploymentManager manager;
    private final int port;

    private HttpServer(Undertow undertow, DeploymentManager manager, int port) {
        this.undertow = undertow;
        this.manager = manager;
        this.port = port;
    }

    /**
     * Deploys {@code resources} (Jakarta REST resource and provider instances) and listens on {@code address}; port
     * 0 lets the system choose ({@link #port()} tells which).
     *
     * @throws IOException if the address cannot be bound or the deployment fails
     */
    public static HttpServer start(InetSocketAddress address, List<Object> resources) throws IOException {
        return start(address, resources, List.of());
    }

    /**
     * As {@link #start(InetSocketAddress, List)}, with request bodies of any size under {@code uploadPaths}.
     * Everywhere else Undertow's own cap ({@value UndertowOptions#DEFAULT_MAX_ENTITY_SIZE} bytes) stays: those
     * resources may read a body whole, an upload resource (STOW-RS) streams it, and a study is gigabytes.
     *
     * @param uploadPaths path prefixes (e.g. {@code /dicomweb/studies}) whose resources stream their request bodies
     */
    public static HttpServer start(InetSocketAddress address, List<Object> resources, List<String> uploadPaths)
            throws IOException {
        return start(address, resources, uploadPaths, Optional.empty());
    }

    /**
     * As {@link #start(InetSocketAddress, List, List)}, serving HTTPS with {@code tls} when present (plain HTTP is
     * then not offered at all).
     */
    public static HttpServer start(InetSocketAddress address, List<Object> resources, List<String> uploadPaths,
            Optional<SSLContext> tls) throws IOException {
        return start(address, resources, uploadPaths, tls, ProxySettings.DIRECT);
    }

    /**
     * As {@link #start(InetSocketAddress, List, List, Optional)}, reached through the reverse proxies {@code proxy}
     * describes: their forwarding headers are believed ({@link ForwardedRequests}), everyone else's removed.
     */
    public static HttpServer start(InetSocketAddress address, List<Object> resources, List<String> uploadPaths,
            Optional<SSLContext> tls, ProxySettings proxy) throws IOException {
        ResteasyDeployment deployment = new ResteasyDeploymentImpl();
        for (Object resource : resources) {
            if (resource.getClass().isAnnotationPresent(jakarta.ws.rs.Path.class)) {
                deployment.getResources().add(resource);
            } else {
                deployment.getProviders().add(resource);
            }
        }
        deployment.getProviders().addAll(List.of(new JsonMapper(), new ApiExceptionMapper(),
                new ForwardedPrefixFilter()));
        DeploymentInfo info = Servlets.deployment()
                .setClassLoader(HttpServer.class.getClassLoader())
                .setContextPath("/")
                .setDeploymentName(DEPLOYMENT_NAME)
                .addServletContextAttribute(ResteasyDeployment.class.getName(), deployment)
                .addServlet(Servlets.servlet("resteasy", HttpServlet30Dispatcher.class)
                        .setAsyncSupported(true).setLoadOnStartup(1).addMapping(ALL_PATHS));
        DeploymentManager manager = Servlets.newContainer().addDeployment(info);
        Undertow undertow = null;
        try {
            manager.deploy();
            Undertow.Builder builder = Undertow.builder();
            if (tls.isPresent()) {
                builder.addHttpsListener(address.getPort(), address.getHostString(), tls.get());
            } else {
                builder.addHttpListener(address.getPort(), address.getHostString());
            }
            undertow = builder
                    .setHandler(new ForwardedRequests(withUnboundedUploads(manager.start(), List.copyOf(uploadPaths)),
                            proxy.trustedProxies(), proxy.publicUrl()))
                    .build();
            undertow.start();
            int bound = ((InetSocketAddress) undertow.getListenerInfo().getFirst().getAddress()).getPort();
            return new HttpServer(undertow, manager, bound);
        } catch (ServletException | RuntimeException e) {
            if (undertow != null) {
                undertow.stop();
            }
            manager.undeploy();
            throw new IOException("HTTP on " + address + " could not start: " + e.getMessage(), e);
        }
    }

    private static HttpHandler withUnboundedUploads(HttpHandler next, List<String> uploadPaths) {
        if (uploadPaths.isEmpty()) {
            return next;
        }
        return exchange -> {
            String path = exchange.getRelativePath();
            if (uploadPaths.stream().anyMatch(p -> path.equals(p) || path.startsWith(p + "/"))) {
                exchange.setMaxEntitySize(UNBOUNDED_ENTITY);
            }
            next.handleRequest(exchange);
        };
    }

    /** The port actually bound (differs from the configured one when that was 0). */
    public int port() {
        return port;
    }

    @Override
    public void close() {
        try {
            undertow.stop();
        } finally {
            try {
                manager.stop();
            } catch (ServletException e) {
                throw new IllegalStateException("stopping the HTTP deployment failed", e);
            } finally {
                manager.undeploy();
            }
        }
    }
}
