package org.hrnode.dicom.net.ul;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Objects;
import java.util.function.Function;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.hrnode.dicom.net.pdu.AAssociateAC;
import org.hrnode.dicom.net.pdu.AAssociateRJ;
import org.hrnode.dicom.net.pdu.AAssociateRQ;

/**
 * Opens associations to other nodes (the requestor side of PS3.8): A-ASSOCIATE request (Evt1), connect,
 * optionally over TLS (Evt2: the A-ASSOCIATE-RQ goes out), read until the answer moves the state machine out of
 * Sta5, and on acceptance start the association's reader thread. Holds no
 * threads or sockets itself, so one instance can be shared.
 */
public final class AssociationRequestor {

    private final AssociationSettings settings;
    private final SSLContext sslContext;

    public AssociationRequestor(AssociationSettings settings) {
        this(settings, null);
    }

    /** @param sslContext TLS context for PS3.15 Annex B secure transport, or null for plain TCP */
    public AssociationRequestor(AssociationSettings settings, SSLContext sslContext) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.sslContext = sslContext;
    }

    public AssociationSettings settings() {
        return settings;
    }

    /**
     * Requests an association and returns it established, its reader thread handing P-DATA to the handler made
     * by {@code dataTransfer}.
     *
     * @throws AssociationRejectedException the acceptor answered A-ASSOCIATE-RJ
     * @throws IOException no connection, no answer in time, or an abort instead of an answer
     */
    public Association connect(InetSocketAddress address, AAssociateRQ rq,
            Function<Association, DataTransferHandler> dataTransfer) throws IOException, AssociationRejectedException {
        Association association = new Association(true, settings);
        association.fire(Event.Evt1, rq, null);
        Socket socket;
        try {
            socket = open(address);
        } catch (IOException e) {
            association.connectFailed(e);
            throw e;
        }
        association.attach(socket);
        association.fire(Event.Evt2, null, null);
        association.readTimeout(settings.timeouts().accept());
        while (association.state() == State.Sta5) {
            association.readAndProcessOnePdu();
        }
        AAssociateAC ac = association.state() == State.Sta6 ? association.acceptance() : null;
        if (ac == null) {
            AAssociateRJ rj = association.rejection();
            association.finish();
            if (rj != null) {
                throw new AssociationRejectedException(association.name(), rj);
            }
            throw new IOException(association.name() + " not established: " + association.endReason());
        }
        DataTransferHandler handler = dataTransfer.apply(association);
        Thread.ofVirtual().name("dicom-" + association.name()).start(() -> association.serve(handler));
        return association;
    }

    private Socket open(InetSocketAddress address) throws IOException {
        Socket plain = new Socket();
        try {
            plain.setTcpNoDelay(true);
            plain.connect(address, (int) settings.timeouts().connect().toMillis());
            if (sslContext == null) {
                return plain;
            }
            SSLSocket tls = (SSLSocket) sslContext.getSocketFactory().createSocket(plain, address.getHostString(),
                    address.getPort(), true);
            tls.setSoTimeout((int) settings.timeouts().accept().toMillis());
            tls.startHandshake();
            return tls;
        } catch (IOException e) {
            plain.close();
            throw e;
        }
    }
}
