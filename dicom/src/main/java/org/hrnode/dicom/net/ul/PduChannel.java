package org.hrnode.dicom.net.ul;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.hrnode.dicom.net.pdu.PDU;
import org.hrnode.dicom.net.pdu.PduDecodeException;
import org.hrnode.dicom.net.pdu.PduDecoder;
import org.hrnode.dicom.net.pdu.PduEncoder;
import org.hrnode.dicom.net.pdu.PduLimits;

/**
 * One association's socket: blocking reads through the pure {@link PduDecoder}, and writes of whole PDUs under a
 * lock so that PDUs from different threads never interleave on the wire.
 */
final class PduChannel {

    private static final int READ_CHUNK = 64 * 1024;
    /** How long an abort waits for a writer stuck on a peer that stopped reading before it just closes. */
    private static final long ABORT_WRITE_WAIT_MILLIS = 100;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final PduDecoder decoder;
    private final byte[] chunk = new byte[READ_CHUNK];
    private final ReentrantLock writeLock = new ReentrantLock();
    /** Set once the input stopped making sense; from then on it is only drained, never decoded. */
    private boolean undecodable;

    PduChannel(Socket socket, PduLimits limits) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
        this.decoder = new PduDecoder(limits);
    }

    /**
     * The next PDU, blocking; null when the peer closed the connection (also in the middle of a PDU: a truncated
     * stream is a lost connection, Evt17). After the first {@link PduDecodeException} there is no telling where a
     * PDU starts, so later calls discard input until the connection closes and then return null.
     */
    PDU read() throws IOException, PduDecodeException {
        if (undecodable) {
            while (in.read(chunk) >= 0) {
                // discarded: the state machine is only waiting for the close (Sta13)
            }
            return null;
        }
        while (true) {
            PDU pdu;
            try {
                pdu = decoder.next();
            } catch (PduDecodeException e) {
                undecodable = true;
                throw e;
            }
            if (pdu != null) {
                return pdu;
            }
            int n = in.read(chunk);
            if (n < 0) {
                return null;
            }
            decoder.feed(chunk, 0, n);
        }
    }

    void write(byte[] bytes, int offset, int length) throws IOException {
        writeLock.lock();
        try {
            out.write(bytes, offset, length);
            out.flush();
        } finally {
            writeLock.unlock();
        }
    }

    void write(PDU pdu) throws IOException {
        byte[] bytes = PduEncoder.encode(pdu);
        write(bytes, 0, bytes.length);
    }

    /** Writes unless another writer holds the socket; returns whether it wrote. For A-ABORT, which must not hang. */
    boolean tryWrite(PDU pdu) {
        byte[] bytes = PduEncoder.encode(pdu);
        try {
            if (!writeLock.tryLock(ABORT_WRITE_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
                return false;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        try {
            out.write(bytes);
            out.flush();
            return true;
        } catch (IOException e) {
            return false;
        } finally {
            writeLock.unlock();
        }
    }

    /** Socket read timeout; zero waits forever. */
    void readTimeout(Duration timeout) throws SocketException {
        socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
    }

    void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // Closing is the last thing done with this socket; there is nobody left to tell.
        }
    }
}
