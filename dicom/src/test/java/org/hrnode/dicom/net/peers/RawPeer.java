package org.hrnode.dicom.net.peers;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.hrnode.dicom.net.pdu.AAbort;
import org.hrnode.dicom.net.pdu.PDU;
import org.hrnode.dicom.net.pdu.PduDecodeException;
import org.hrnode.dicom.net.pdu.PduDecoder;
import org.hrnode.dicom.net.pdu.PduLimits;

/**
 * A scripted peer on a raw socket (pynetdicom's "parrot" idea): writes whatever bytes a test gives it, and reads
 * what comes back as PDUs, until the other side closes, sends an A-ABORT, or nothing comes within a bound.
 */
final class RawPeer implements AutoCloseable {

    /** Longest the peer waits for the acceptor's next PDU or close. */
    static final Duration READ_BOUND = Duration.ofSeconds(15);

    private final Socket socket;
    private final PduDecoder decoder = new PduDecoder(PduLimits.defaults());
    private final List<PDU> received = new ArrayList<>();
    private boolean closedByPeer;

    RawPeer(int port) throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setTcpNoDelay(true);
        socket.setSoTimeout((int) READ_BOUND.toMillis());
    }

    RawPeer send(byte[] bytes) throws IOException {
        socket.getOutputStream().write(bytes);
        socket.getOutputStream().flush();
        return this;
    }

    /** Reads until one PDU arrives (returned) or the acceptor closes (null). */
    PDU next() throws IOException {
        InputStream in = socket.getInputStream();
        byte[] chunk = new byte[8192];
        while (true) {
            try {
                PDU pdu = decoder.next();
                if (pdu != null) {
                    received.add(pdu);
                    return pdu;
                }
            } catch (PduDecodeException e) {
                throw new IOException("acceptor sent an invalid PDU: " + e.getMessage(), e);
            }
            int n;
            try {
                n = in.read(chunk);
            } catch (SocketTimeoutException e) {
                throw new IOException("acceptor neither answered nor closed within " + READ_BOUND, e);
            } catch (IOException e) {
                closedByPeer = true;
                return null;
            }
            if (n < 0) {
                closedByPeer = true;
                return null;
            }
            decoder.feed(chunk, 0, n);
        }
    }

    /** Reads until an A-ABORT or the close; returns everything received. */
    List<PDU> untilAbortOrClose() throws IOException {
        PDU pdu;
        while ((pdu = next()) != null) {
            if (pdu instanceof AAbort) {
                break;
            }
        }
        return List.copyOf(received);
    }

    boolean closedByPeer() {
        return closedByPeer;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
