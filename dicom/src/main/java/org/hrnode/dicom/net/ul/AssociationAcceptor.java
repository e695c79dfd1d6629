package org.hrnode.dicom.net.ul;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.hrnode.dicom.net.pdu.AAssociateRQ;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens for association requests (the acceptor side of PS3.8) and serves each connection on its own virtual
 * thread: transport connection indication (Evt5, ARTIM started), read until the A-ASSOCIATE-RQ moves the state
 * machine to Sta3, {@link AssociationNegotiation}, the A-ASSOCIATE response (Evt7 accept / Evt8 reject), then the
 * association's reader loop with the {@link DataTransferHandler} made for it.
 *
 * <p>Every connection counts against {@link AcceptorConfig#maxAssociations()} from the moment it is accepted; a
 * request beyond the limit is still read, and answered with A-ASSOCIATE-RJ (rejected-transient, local-limit-
 * exceeded) so the peer knows to retry later. A broken peer affects only its own association.
 *
 * <p>Created and started by {@link #start}; {@link #close()} stops listening, aborts live associations and waits
 * (bounded by the ARTIM timeout) for their threads to end.
 */
public final class AssociationAcceptor implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AssociationAcceptor.class);
    private static final int BACKLOG = 128;
    /** Time beyond ARTIM that close() grants association threads to finish. */
    private static final Duration CLOSE_GRACE = Duration.ofSeconds(2);
    /** Pause after a failed accept (file descriptors exhausted), so the loop neither spins nor gives up. */
    private static final Duration ACCEPT_FAILURE_BACKOFF = Duration.ofMillis(100);

    private final AcceptorConfig config;
    private final Function<Association, DataTransferHandler> dataTransfer;
    private final ServerSocket serverSocket;
    private final Set<Association> live = ConcurrentHashMap.newKeySet();
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    private final AtomicInteger connections = new AtomicInteger();
    private volatile boolean closing;
    private volatile Thread acceptThread;

    private AssociationAcceptor(AcceptorConfig config, Function<Association, DataTransferHandler> dataTransfer,
            ServerSocket serverSocket) {
        this.config = config;
        this.dataTransfer = dataTransfer;
        this.serverSocket = serverSocket;
    }

    /** Binds the configured address and starts accepting. */
    public static AssociationAcceptor start(AcceptorConfig config,
            Function<Association, DataTransferHandler> dataTransfer) throws IOException {
        ServerSocket socket = config.sslContext() == null ? new ServerSocket()
                : config.sslContext().getServerSocketFactory().createServerSocket();
        try {
            if (socket instanceof SSLServerSocket tls) {
                tls.setNeedClientAuth(config.needClientAuth());
            }
            socket.setReuseAddress(true);
            socket.bind(config.bindAddress(), BACKLOG);
        } catch (IOException e) {
            socket.close();
            throw new IOException("cannot listen on " + config.bindAddress() + ": " + e.getMessage(), e);
        }
        AssociationAcceptor acceptor = new AssociationAcceptor(config, dataTransfer, socket);
        acceptor.acceptThread = Thread.ofVirtual().name("dicom-acceptor-" + socket.getLocalPort())
                .start(acceptor::acceptLoop);
        LOG.info("DICOM acceptor listening aeTitle={} address={} port={} tls={} maxAssociations={}",
                config.aeTitle(), config.bindAddress().getHostString(), socket.getLocalPort(),
                config.sslContext() != null, config.maxAssociations());
        return acceptor;
    }

    public AcceptorConfig config() {
        return config;
    }

    /** The port actually bound (useful with port 0). */
    public int port() {
        return serverSocket.getLocalPort();
    }

    public InetSocketAddress localAddress() {
        return (InetSocketAddress) serverSocket.getLocalSocketAddress();
    }

    /** Connections being served, negotiating ones included. */
    public int activeAssociations() {
        return connections.get();
    }

    private void acceptLoop() {
        while (!closing) {
            Socket socket;
            try {
                socket = serverSocket.accept();
            } catch (IOException e) {
                if (closing || serverSocket.isClosed()) {
                    return;
                }
                // e.g. out of file descriptors: transient; back off briefly rather than spin or stop serving
                LOG.error("DICOM acceptor on port {} cannot accept: {}", port(), e.toString());
                if (!backOff()) {
                    return;
                }
                continue;
            }
            Thread thread = Thread.ofVirtual().name("dicom-association").unstarted(() -> serve(socket));
            threads.add(thread);
            thread.start();
        }
    }

    private void serve(Socket socket) {
        int count = connections.incrementAndGet();
        Association association = new Association(false, config.settings());
        live.add(association);
        try {
            if (socket instanceof SSLSocket tls) {
                tls.setSoTimeout((int) config.settings().timeouts().request().toMillis());
                tls.startHandshake();
            }
            association.attach(socket);
            association.fire(Event.Evt5, null, null);
            while (association.state() == State.Sta2) {
                association.readAndProcessOnePdu();
            }
            if (association.state() != State.Sta3) {
                association.finish();
                return;
            }
            AAssociateRQ rq = association.request();
            AssociationNegotiation.Outcome outcome = AssociationNegotiation.negotiate(rq, config,
                    count > config.maxAssociations(), association.remoteAddress());
            switch (outcome) {
                case AssociationNegotiation.Rejected r -> {
                    LOG.info("{} rejecting request from {}: {}", association.name(), association.remoteAddress(),
                            r.why());
                    association.fire(Event.Evt8, r.rejection(), null);
                    association.finish();
                }
                case AssociationNegotiation.Accepted a -> {
                    association.fire(Event.Evt7, a.acceptance(), null);
                    if (association.isEstablished()) {
                        association.serve(dataTransfer.apply(association));
                    } else {
                        association.finish();
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("{} from {} failed: {}", association.name(), socket.getRemoteSocketAddress(), e.toString());
            association.abort();
            association.finish();
        } finally {
            closeQuietly(socket);
            live.remove(association);
            connections.decrementAndGet();
            threads.remove(Thread.currentThread());
        }
    }

    private static boolean backOff() {
        try {
            Thread.sleep(ACCEPT_FAILURE_BACKOFF);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Whether {@link #close} has begun: no new association is accepted any more. */
    public boolean isClosing() {
        return closing;
    }

    /**
     * Graceful shutdown: stops accepting at once, gives the associations in progress up to {@code drain} to finish
     * (their peers release them: a C-STORE in flight completes and is acknowledged), then {@link #close()}s, aborting
     * whatever is still open.
     */
    public void close(Duration drain) {
        closing = true;
        closeQuietly(serverSocket);
        long deadline = System.nanoTime() + drain.toNanos();
        if (!live.isEmpty()) {
            LOG.info("DICOM acceptor on port {} draining {} associations for at most {} s", port(), live.size(),
                    drain.toSeconds());
        }
        try {
            for (Thread thread : threads) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                thread.join(Duration.ofNanos(left));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!live.isEmpty()) {
            LOG.warn("DICOM acceptor on port {}: {} associations did not finish within the drain; aborting them",
                    port(), live.size());
        }
        close();
    }

    /** Stops accepting, aborts every live association and waits for their threads, at most ARTIM plus a grace. */
    @Override
    public void close() {
        closing = true;
        closeQuietly(serverSocket);
        for (Association association : live) {
            association.abort();
        }
        long deadline = System.nanoTime() + config.settings().timeouts().artim().plus(CLOSE_GRACE).toNanos();
        try {
            Thread accept = acceptThread;
            if (accept != null) {
                accept.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            }
            for (Thread thread : threads) {
                thread.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!threads.isEmpty()) {
            LOG.warn("DICOM acceptor on port {} closed with {} association threads still ending", port(),
                    threads.size());
        }
        LOG.info("DICOM acceptor on port {} closed", port());
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            LOG.debug("closing {}: {}", c, e.toString());
        }
    }
}
