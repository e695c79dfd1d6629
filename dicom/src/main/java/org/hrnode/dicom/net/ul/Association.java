package org.hrnode.dicom.net.ul;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.hrnode.dicom.net.pdu.AAbort;
import org.hrnode.dicom.net.pdu.AAssociateAC;
import org.hrnode.dicom.net.pdu.AAssociateRJ;
import org.hrnode.dicom.net.pdu.AAssociateRQ;
import org.hrnode.dicom.net.pdu.AReleaseRP;
import org.hrnode.dicom.net.pdu.AReleaseRQ;
import org.hrnode.dicom.net.pdu.AbortReason;
import org.hrnode.dicom.net.pdu.PDU;
import org.hrnode.dicom.net.pdu.PDUType;
import org.hrnode.dicom.net.pdu.PDataTF;
import org.hrnode.dicom.net.pdu.PduDecodeException;
import org.hrnode.dicom.net.pdu.PresentationDataValue;
import org.hrnode.dicom.net.pdu.RejectReason;
import org.hrnode.dicom.net.pdu.RejectResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One DICOM association, driven by the PS3.8 state machine ({@link StateTable}): every PDU received, every local
 * request and every timer expiry is an {@link Event}; the table names the {@link Action}; this class performs it.
 *
 * <p>Threads: one blocking reader per association (a virtual thread, started by the acceptor or requestor) reads
 * PDUs and hands P-DATA to the {@link DataTransferHandler}; other threads may send P-DATA, release or abort.
 * State transitions happen under a lock; their effects (socket writes, timers) happen after it is released, so a
 * writer blocked on a peer that stopped reading never holds up an abort, which then closes the socket instead.
 *
 * <p>Logs name the association {@code CALLED<-CALLING(#n)}; {@code >>} marks what was received, {@code <<} what
 * was sent. PDUs carry no patient data; user identity fields are never logged.
 */
public final class Association {

    private static final Logger LOG = LoggerFactory.getLogger(Association.class);
    private static final AtomicLong SERIAL = new AtomicLong();

    private final long serial = SERIAL.incrementAndGet();
    private final boolean requestor;
    private final AssociationSettings settings;
    private final ArtimTimer artim;
    private final ReentrantLock fsmLock = new ReentrantLock();
    private final CountDownLatch closed = new CountDownLatch(1);
    /** PDVs of the last P-DATA-TF not yet taken; reader thread only. */
    private final ArrayDeque<PresentationDataValue> received = new ArrayDeque<>();
    private volatile State state = State.Sta1;
    private volatile PduChannel channel;
    private volatile InetSocketAddress remoteAddress;
    private volatile String name;
    private volatile AAssociateRQ request;
    private volatile AAssociateRJ rejection;
    private volatile Negotiated negotiated = Negotiated.NONE;
    private volatile String endReason;
    private volatile DataTransferHandler handler;

    Association(boolean requestor, AssociationSettings settings) {
        this.requestor = requestor;
        this.settings = settings;
        this.name = "(#" + serial + ")";
        this.artim = new ArtimTimer(Long.toString(serial), () -> fire(Event.Evt18, null, null));
    }

    // ---- what the application sees -------------------------------------------------------------------------

    /** {@code CALLED<-CALLING(#n)}, for logs. */
    public String name() {
        return name;
    }

    public boolean isRequestor() {
        return requestor;
    }

    public State state() {
        return state;
    }

    public boolean isEstablished() {
        return state == State.Sta6;
    }

    public AAssociateRQ request() {
        return request;
    }

    public AAssociateAC acceptance() {
        return negotiated.acceptance();
    }

    public String callingAETitle() {
        return request == null ? "" : request.callingAETitle();
    }

    public String calledAETitle() {
        return request == null ? "" : request.calledAETitle();
    }

    public InetSocketAddress remoteAddress() {
        return remoteAddress;
    }

    public AssociationSettings settings() {
        return settings;
    }

    /** The accepted presentation contexts, in the order proposed. */
    public List<PresentationContext> presentationContexts() {
        return List.copyOf(negotiated.contexts().values());
    }

    public Optional<PresentationContext> presentationContext(int id) {
        return Optional.ofNullable(negotiated.contexts().get(id));
    }

    /** Largest P-DATA-TF variable field this side sends: the peer's maximum, capped by our own setting. */
    public int maxPDataLengthSend() {
        return negotiated.maxPDataLengthSend();
    }

    /** How the association ended ("released", "aborted by peer: …"), or null while it lasts. */
    public String endReason() {
        return endReason;
    }

    /** Waits until the transport is closed; returns whether it was within {@code timeout}. */
    public boolean awaitClosed(Duration timeout) throws InterruptedException {
        return closed.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * A-RELEASE request (Evt11): asks the peer to release and waits for the A-RELEASE-RP, aborting if it does not
     * come within the release timeout.
     *
     * @throws IOException the association was not established, or the release failed and it was aborted
     */
    public void release() throws IOException {
        if (fire(Event.Evt11, null, null) == null) {
            throw new IOException(name + " cannot be released in state " + state
                    + (endReason != null ? " (" + endReason + ")" : ""));
        }
        try {
            if (!awaitClosed(settings.timeouts().release())) {
                LOG.warn("{} no A-RELEASE-RP within {} ms: aborting", name, settings.timeouts().release().toMillis());
                abort();
                throw new IOException(name + ": no A-RELEASE-RP within " + settings.timeouts().release());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abort();
            throw new IOException(name + ": interrupted while releasing", e);
        }
    }

    /** A-ABORT request (Evt15); a no-op once the association is already ending. */
    public void abort() {
        if (fire(Event.Evt15, null, null) == null && state == State.Sta2) {
            closeTransport();
        }
    }

    // ---- P-DATA, for the DIMSE layer ------------------------------------------------------------------------

    /**
     * The next PDV received, reading PDUs as needed; null once data transfer is over (release, abort, connection
     * lost). Only the association's reader thread may call this: from {@link DataTransferHandler} methods.
     */
    public PresentationDataValue nextPdv() {
        while (received.isEmpty()) {
            if (state != State.Sta6 && state != State.Sta7) {
                return null;
            }
            readAndProcessOnePdu();
        }
        PresentationDataValue pdv = received.poll();
        if (!negotiated.contexts().containsKey(pdv.presentationContextId())) {
            protocolError(AbortReason.INVALID_PDU_PARAMETER_VALUE,
                    "PDV on presentation context " + pdv.presentationContextId() + ", which was not accepted");
            received.clear();
            return null;
        }
        return pdv;
    }

    /** The peer broke the DIMSE or P-DATA rules: treated as an invalid PDU (Evt19), i.e. a provider abort. */
    public void protocolError(AbortReason reason, String what) {
        LOG.warn("{} protocol error: {}", name, what);
        fire(Event.Evt19, null, reason);
    }

    /** A stream of P-DATA for one command or data set on {@code presentationContextId}. */
    public PDVOutputStream newPDVOutputStream(int presentationContextId, boolean command) {
        return new PDVOutputStream(this, presentationContextId, command, negotiated.maxPDataLengthSend());
    }

    /** P-DATA request (Evt9): sends one encoded P-DATA-TF. */
    void sendPData(byte[] pdu, int length) throws IOException {
        if (transition(Event.Evt9, false) == null) {
            throw new IOException(name + " is not open for data transfer (state " + state
                    + (endReason != null ? ", " + endReason : "") + ")");
        }
        channel.write(pdu, 0, length);
    }

    // ---- life cycle, for AssociationAcceptor and AssociationRequestor ----------------------------------------

    /** Takes the transport: from here on PDUs can be read and sent. */
    void attach(Socket socket) throws IOException {
        socket.setTcpNoDelay(true);
        remoteAddress = (InetSocketAddress) socket.getRemoteSocketAddress();
        channel = new PduChannel(socket, settings.pduLimits());
    }

    void readTimeout(Duration timeout) throws IOException {
        channel.readTimeout(timeout);
    }

    /** The connect attempt failed (Evt17 in Sta4); the association is over before it began. */
    void connectFailed(IOException cause) {
        endReason = "connect failed: " + cause.getMessage();
        fire(Event.Evt17, null, null);
        closed.countDown();
    }

    /** The A-ASSOCIATE-RJ received, if the request was rejected. */
    AAssociateRJ rejection() {
        return rejection;
    }

    /**
     * The reader loop of an established association: hands P-DATA to {@code dataTransfer} until the association
     * ends, answers a release request once the handler has finished its operations, waits for the transport to
     * close and closes it. Returns when the association is over.
     */
    void serve(DataTransferHandler dataTransfer) {
        handler = dataTransfer;
        try {
            channel.readTimeout(settings.timeouts().idle());
            PresentationDataValue pdv;
            while ((pdv = nextPdv()) != null) {
                dataTransfer.onPresentationDataValue(pdv);
            }
        } catch (IOException | RuntimeException e) {
            if (state == State.Sta6 || state == State.Sta7) {
                LOG.warn("{} data transfer failed: {}", name, e.toString());
                abort();
            }
        } finally {
            try {
                dataTransfer.onDataTransferEnd();
            } finally {
                if (state == State.Sta8) {
                    fire(Event.Evt14, null, null);
                }
                finish();
            }
        }
    }

    /** Reads (and ignores or answers, per Sta13 of the table) until the transport is closed, then closes it. */
    void finish() {
        try {
            if (state == State.Sta6) {
                abort();
            }
            while (state != State.Sta1) {
                readAndProcessOnePdu();
            }
        } finally {
            artim.stop();
            closeTransport();
            closed.countDown();
        }
    }

    // ---- the state machine ----------------------------------------------------------------------------------

    /** Reads one PDU (or the close, or an undecodable input) and feeds it to the state machine. */
    void readAndProcessOnePdu() {
        PDU pdu;
        try {
            pdu = channel.read();
        } catch (SocketTimeoutException e) {
            readTimedOut();
            return;
        } catch (PduDecodeException e) {
            LOG.warn("{} >> invalid PDU: {}", name, e.getMessage());
            fire(Event.Evt19, null, e.abortReason());
            return;
        } catch (IOException e) {
            fire(Event.Evt17, null, null);
            return;
        }
        if (pdu == null) {
            fire(Event.Evt17, null, null);
            return;
        }
        if (LOG.isDebugEnabled() && !(pdu instanceof PDataTF)) {
            LOG.debug("{} >> {}", name, pdu instanceof AAssociateRQ || pdu instanceof AAssociateAC
                    ? PduDescriptions.describe(pdu) : pdu);
        }
        fire(Event.received(pdu), pdu, AbortReason.UNEXPECTED_PDU);
    }

    private void readTimedOut() {
        switch (state) {
            case Sta5 -> {
                LOG.warn("{} no A-ASSOCIATE-AC within {} ms: aborting", name, settings.timeouts().accept().toMillis());
                endReason = "no answer to the association request";
                abort();
            }
            case Sta6 -> {
                DataTransferHandler h = handler;
                if (h == null || !h.isBusy()) {
                    LOG.info("{} idle for {} s: aborting", name, settings.timeouts().idle().toSeconds());
                    endReason = "idle timeout";
                    abort();
                }
            }
            case Sta7, Sta8, Sta9, Sta10, Sta11, Sta12 -> {
                LOG.info("{} release stalled in {}: aborting", name, state);
                endReason = "release stalled";
                abort();
            }
            default -> {
                // Sta2 and Sta13 are bounded by the ARTIM timer.
            }
        }
    }

    /** Looks up {@code event} in {@link StateTable} and moves to the next state; null for an empty cell. */
    private Action transition(Event event, boolean alternative) {
        fsmLock.lock();
        try {
            State from = state;
            Action action = StateTable.action(event, from).orElse(null);
            if (action == null) {
                LOG.debug("{} {} in {}: no transition", name, event, from);
                return null;
            }
            state = action.nextState(alternative);
            if (LOG.isTraceEnabled()) {
                LOG.trace("{} {} + {} -> {} -> {}", name, from, event, action.code(), state);
            }
            return action;
        } finally {
            fsmLock.unlock();
        }
    }

    /**
     * Takes the transition for {@code event} and performs its action; returns the action, null for an empty cell.
     *
     * @param pdu the PDU received (peer events) or to send (A-ASSOCIATE-RQ for Evt1, AC/RJ for Evt7/Evt8)
     * @param reason the A-ABORT reason should the action be an abort by the service provider
     */
    Action fire(Event event, PDU pdu, AbortReason reason) {
        boolean alternative = switch (event) {
            case Evt6 -> !acceptableToProvider((AAssociateRQ) pdu);
            case Evt12 -> !requestor;
            default -> false;
        };
        Action action = transition(event, alternative);
        if (action != null) {
            perform(action, pdu, reason, alternative);
        }
        return action;
    }

    /** PS3.8 AE-6: the provider's own checks of an A-ASSOCIATE-RQ, before the user sees it. */
    private static boolean acceptableToProvider(AAssociateRQ rq) {
        return (rq.protocolVersion() & AAssociateRQ.PROTOCOL_VERSION_1) != 0;
    }

    private void perform(Action action, PDU pdu, AbortReason reason, boolean alternative) {
        switch (action) {
            case AE_1 -> {
                request = (AAssociateRQ) pdu;
                name = request.calledAETitle() + "<-" + request.callingAETitle() + "(#" + serial + ")";
            }
            case AE_2 -> send(request);
            case AE_3 -> established((AAssociateAC) pdu);
            case AE_4 -> {
                rejection = (AAssociateRJ) pdu;
                ended("rejected: " + rejection.describe());
                closeTransport();
            }
            case AE_5 -> artim.start(settings.timeouts().request());
            case AE_6 -> {
                artim.stop();
                request = (AAssociateRQ) pdu;
                name = request.calledAETitle() + "<-" + request.callingAETitle() + "(#" + serial + ")";
                if (alternative) {
                    send(AAssociateRJ.of(RejectResult.REJECTED_PERMANENT, RejectReason.PROTOCOL_VERSION_NOT_SUPPORTED));
                    ended("rejected: protocol version " + request.protocolVersion());
                    artim.start(settings.timeouts().artim());
                }
            }
            case AE_7 -> {
                send(pdu);
                established((AAssociateAC) pdu);
            }
            case AE_8 -> {
                send(pdu);
                rejection = (AAssociateRJ) pdu;
                endReason = "rejected: " + rejection.describe();
                artim.start(settings.timeouts().artim());
            }
            case DT_1, AR_7 -> { }
            case DT_2, AR_6 -> received.addAll(((PDataTF) pdu).presentationDataValues());
            case AR_1 -> send(new AReleaseRQ());
            case AR_2 -> LOG.debug("{} release requested by peer", name);
            case AR_3 -> {
                ended("released");
                closeTransport();
            }
            case AR_4 -> {
                send(new AReleaseRP());
                ended("released");
                artim.start(settings.timeouts().artim());
            }
            case AR_5, AA_2, AA_5 -> {
                artim.stop();
                closeTransport();
            }
            case AR_8 -> {
                LOG.debug("{} release collision", name);
                if (requestor) {
                    fire(Event.Evt14, null, null);
                }
            }
            case AR_9 -> send(new AReleaseRP());
            case AR_10 -> fire(Event.Evt14, null, null);
            case AA_1 -> {
                AAbort abort = pdu == null && reason == null ? AAbort.byServiceUser()
                        : AAbort.byServiceProvider(reason);
                sendAbort(abort);
                ended("aborted: " + abort.describe());
                artim.start(settings.timeouts().artim());
            }
            case AA_3 -> {
                ended("aborted by peer: " + ((AAbort) pdu).describe());
                closeTransport();
            }
            case AA_4 -> {
                ended("connection lost");
                closeTransport();
            }
            case AA_6 -> LOG.debug("{} ignored {} after the association ended", name, PDUType.name(pdu.type()));
            case AA_7 -> sendAbort(AAbort.byServiceProvider(reason));
            case AA_8 -> {
                AAbort abort = AAbort.byServiceProvider(reason);
                sendAbort(abort);
                ended("aborted: " + abort.describe());
                artim.start(settings.timeouts().artim());
            }
        }
    }

    private void established(AAssociateAC ac) {
        negotiated = Negotiated.of(request, ac, requestor, settings);
        LOG.info("{} established with {}: {} of {} presentation contexts accepted, max PDU {} sent / {} received",
                name, remoteAddress, negotiated.contexts().size(), request.presentationContexts().size(),
                negotiated.maxPDataLengthSend(), settings.pduLimits().maxPDataLength());
    }

    private void send(PDU pdu) {
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} << {}", name, PduDescriptions.describe(pdu));
        }
        try {
            channel.write(pdu);
        } catch (IOException e) {
            LOG.debug("{} sending {} failed: {}", name, PDUType.name(pdu.type()), e.toString());
            closeTransport();
        }
    }

    private void sendAbort(AAbort abort) {
        LOG.debug("{} << A-ABORT {}", name, abort.describe());
        if (!channel.tryWrite(abort)) {
            closeTransport();
        }
    }

    private void ended(String why) {
        if (endReason == null) {
            endReason = why;
        }
        LOG.info("{} {}", name, why);
    }

    private void closeTransport() {
        PduChannel c = channel;
        if (c != null) {
            c.close();
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
