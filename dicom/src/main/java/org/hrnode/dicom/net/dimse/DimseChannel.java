package org.hrnode.dicom.net.dimse;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.TransferSyntax;
import org.hrnode.dicom.io.DicomParseException;
import org.hrnode.dicom.io.DicomReader;
import org.hrnode.dicom.io.ReadOptions;
import org.hrnode.dicom.net.pdu.AAssociateRQ;
import org.hrnode.dicom.net.pdu.AbortReason;
import org.hrnode.dicom.net.pdu.PresentationDataValue;
import org.hrnode.dicom.net.ul.Association;
import org.hrnode.dicom.net.ul.AssociationRejectedException;
import org.hrnode.dicom.net.ul.AssociationRequestor;
import org.hrnode.dicom.net.ul.DataTransferHandler;
import org.hrnode.dicom.net.ul.PDVInputStream;
import org.hrnode.dicom.net.ul.PDVOutputStream;
import org.hrnode.dicom.net.ul.PresentationContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DIMSE messaging over one association, both ways: assembles received commands, streams their data sets to the
 * {@link DimseRequestHandler} (requests) or to the {@link ResponseQueue} of the request they answer (responses),
 * routes C-CANCEL to the running operation, and sends messages (command, then data set) whole, so that PDVs of two
 * messages never interleave.
 *
 * <p>Threads: receiving happens on the association's reader thread; long operations run on virtual threads
 * started by {@link #startOperation}, at most {@link org.hrnode.dicom.net.ul.AssociationSettings#maxOperations()}
 * at a time; any thread may send.
 */
public final class DimseChannel implements DataTransferHandler, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DimseChannel.class);
    /** Longest command set accepted: real ones are a few hundred bytes. */
    public static final int MAX_COMMAND_LENGTH = 64 * 1024;
    /** Longest identifier (C-FIND/C-MOVE/C-GET keys and C-FIND matches) read into memory. */
    public static final long MAX_IDENTIFIER_LENGTH = 4L * 1024 * 1024;
    public static final Duration DEFAULT_RESPONSE_TIMEOUT = Duration.ofSeconds(60);
    private static final int MAX_MESSAGE_ID = 0xFFFF;
    /** How long the end of an association waits for its operations to notice cancellation and stop. */
    private static final Duration OPERATION_STOP_WAIT = Duration.ofSeconds(10);

    private final Association association;
    private final DimseRequestHandler requests;
    private final ReentrantLock sendLock = new ReentrantLock();
    private final AtomicInteger lastMessageId = new AtomicInteger();
    private final Map<Integer, ResponseQueue> outstanding = new ConcurrentHashMap<>();
    private final Map<Integer, Cancellation> operations = new ConcurrentHashMap<>();
    private final Set<Thread> workers = ConcurrentHashMap.newKeySet();
    private volatile boolean receiving;
    private volatile Duration responseTimeout = DEFAULT_RESPONSE_TIMEOUT;

    public DimseChannel(Association association, DimseRequestHandler requests) {
        this.association = Objects.requireNonNull(association, "association");
        this.requests = Objects.requireNonNull(requests, "requests");
    }

    /** Opens an association with {@code requestor} and returns its DIMSE channel; {@code requests} serves the peer. */
    public static DimseChannel open(AssociationRequestor requestor, InetSocketAddress address, AAssociateRQ rq,
            DimseRequestHandler requests) throws IOException, AssociationRejectedException {
        AtomicReference<DimseChannel> channel = new AtomicReference<>();
        requestor.connect(address, rq, association -> {
            DimseChannel c = new DimseChannel(association, requests);
            channel.set(c);
            return c;
        });
        return channel.get();
    }

    public Association association() {
        return association;
    }

    public String name() {
        return association.name();
    }

    public Duration responseTimeout() {
        return responseTimeout;
    }

    /** How long invokers wait for each response before giving up on an operation. */
    public void responseTimeout(Duration timeout) {
        this.responseTimeout = Objects.requireNonNull(timeout, "timeout");
    }

    /** Accepted contexts for {@code abstractSyntax} on which this side may invoke (be SCU). */
    public List<PresentationContext> invokableContexts(String abstractSyntax) {
        return association.presentationContexts().stream()
                .filter(pc -> pc.abstractSyntax().equals(abstractSyntax))
                .filter(pc -> pc.mayInvoke(association.isRequestor()))
                .toList();
    }

    // ---- sending --------------------------------------------------------------------------------------------

    /** A message ID not in use by this side (1…65535, wrapping). */
    public int nextMessageId() {
        return lastMessageId.updateAndGet(i -> i >= MAX_MESSAGE_ID ? 1 : i + 1);
    }

    /**
     * Sends one message. If writing the data set fails half way the association is aborted, since the peer
     * cannot tell a truncated data set from a complete one.
     *
     * @param dataSet the data set, or null for a command alone
     */
    public void send(int presentationContextId, DimseCommand command, DataWriter dataSet) throws IOException {
        byte[] encoded = command.encode();
        sendLock.lock();
        try {
            LOG.debug("{} << {}", association.name(), command);
            try (PDVOutputStream out = association.newPDVOutputStream(presentationContextId, true)) {
                out.write(encoded);
            }
            if (dataSet != null) {
                PDVOutputStream out = association.newPDVOutputStream(presentationContextId, false);
                try {
                    dataSet.writeTo(out);
                } catch (IOException | RuntimeException e) {
                    association.abort();
                    throw new IOException(association.name() + ": data set of " + command + " failed: " + e, e);
                }
                out.close();
            }
        } finally {
            sendLock.unlock();
        }
    }

    /** Sends a request and returns the queue its responses will arrive in. */
    public ResponseQueue invoke(int presentationContextId, DimseCommand request, DataWriter dataSet)
            throws IOException {
        ResponseQueue queue = new ResponseQueue(association.name(), request.messageId());
        if (outstanding.putIfAbsent(request.messageId(), queue) != null) {
            throw new IllegalStateException("message ID " + request.messageId() + " is already outstanding");
        }
        try {
            send(presentationContextId, request, dataSet);
        } catch (IOException e) {
            outstanding.remove(request.messageId());
            throw e;
        }
        return queue;
    }

    // ---- operations performed for the peer -------------------------------------------------------------------

    /** The body of an operation that runs off the reader thread; it sends its own responses. */
    @FunctionalInterface
    public interface Operation {
        void run(Cancellation cancellation);
    }

    /**
     * Runs {@code operation} on its own virtual thread, cancellable by a C-CANCEL naming {@code request}'s message
     * ID. Returns false, starting nothing, when the asynchronous operations window is full.
     */
    public boolean startOperation(DimseCommand request, Operation operation) {
        if (operations.size() >= association.settings().maxOperations()) {
            return false;
        }
        int id = request.messageId();
        Cancellation cancellation = new Cancellation();
        if (operations.putIfAbsent(id, cancellation) != null) {
            return false;
        }
        Thread worker = Thread.ofVirtual().name(association.name() + "-msg" + id).unstarted(() -> {
            try {
                operation.run(cancellation);
            } catch (RuntimeException e) {
                LOG.error("{} operation {} failed", association.name(), request, e);
            } finally {
                operations.remove(id);
                workers.remove(Thread.currentThread());
            }
        });
        workers.add(worker);
        worker.start();
        return true;
    }

    // ---- receiving (reader thread) ------------------------------------------------------------------------------

    @Override
    public void onPresentationDataValue(PresentationDataValue first) throws IOException {
        receiving = true;
        try {
            receive(first);
        } finally {
            receiving = false;
        }
    }

    private void receive(PresentationDataValue first) throws IOException {
        if (!first.isCommand()) {
            association.protocolError(AbortReason.UNEXPECTED_PDU_PARAMETER,
                    "data set fragment where a command was expected");
            return;
        }
        byte[] bytes = readCommand(first);
        if (bytes == null) {
            return;
        }
        DimseCommand command;
        try {
            command = DimseCommand.decode(bytes);
        } catch (DicomParseException e) {
            association.protocolError(AbortReason.INVALID_PDU_PARAMETER_VALUE, "undecodable command: "
                    + e.getMessage());
            return;
        }
        LOG.debug("{} >> {}", association.name(), command);
        PresentationContext context = association.presentationContext(first.presentationContextId()).orElseThrow();
        PDVInputStream data = null;
        if (command.hasDataSet()) {
            PresentationDataValue next = association.nextPdv();
            if (next == null) {
                return;
            }
            if (next.isCommand() || next.presentationContextId() != first.presentationContextId()) {
                association.protocolError(AbortReason.UNEXPECTED_PDU_PARAMETER,
                        "expected the data set of " + command + ", got " + next);
                return;
            }
            data = new PDVInputStream(association, next);
        }
        dispatch(context, command, data);
        if (data != null) {
            data.skipAll();
        }
    }

    private byte[] readCommand(PresentationDataValue first) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PresentationDataValue pdv = first;
        while (true) {
            if (bytes.size() + pdv.length() > MAX_COMMAND_LENGTH) {
                association.protocolError(AbortReason.INVALID_PDU_PARAMETER_VALUE,
                        "command set longer than " + MAX_COMMAND_LENGTH + " bytes");
                return null;
            }
            bytes.writeBytes(pdv.data());
            if (pdv.isLast()) {
                return bytes.toByteArray();
            }
            pdv = association.nextPdv();
            if (pdv == null) {
                return null;
            }
            if (!pdv.isCommand() || pdv.presentationContextId() != first.presentationContextId()) {
                association.protocolError(AbortReason.UNEXPECTED_PDU_PARAMETER,
                        "expected a command fragment, got " + pdv);
                return null;
            }
        }
    }

    private void dispatch(PresentationContext context, DimseCommand command, PDVInputStream data)
            throws IOException {
        if (command.isResponse()) {
            onResponse(context, command, data);
        } else if (command.commandFieldCode() == CommandField.C_CANCEL_RQ.code()) {
            Cancellation cancellation = operations.get(command.messageIdBeingRespondedTo());
            if (cancellation != null) {
                cancellation.cancel();
            }
        } else {
            requests.onRequest(this, context, command, data);
        }
    }

    private void onResponse(PresentationContext context, DimseCommand command, PDVInputStream data)
            throws IOException {
        int id = command.messageIdBeingRespondedTo();
        Dataset dataSet = null;
        if (data != null) {
            try {
                dataSet = readDataSet(data, context.transferSyntax());
            } catch (DicomParseException e) {
                LOG.warn("{} >> {}: unreadable data set: {}", association.name(), command, e.getMessage());
            }
        }
        ResponseQueue queue = command.status().isPending() ? outstanding.get(id) : outstanding.remove(id);
        if (queue == null) {
            LOG.warn("{} >> {} answers no outstanding request", association.name(), command);
            return;
        }
        try {
            queue.put(new DimseResponse(command, dataSet));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted delivering " + command, e);
        }
    }

    /** Reads a whole (small) data set, an identifier, from {@code data}; at most {@link #MAX_IDENTIFIER_LENGTH}. */
    public static Dataset readDataSet(PDVInputStream data, String transferSyntaxUid)
            throws IOException, DicomParseException {
        DicomReader reader = new DicomReader(new CappedInputStream(data, MAX_IDENTIFIER_LENGTH),
                ReadOptions.defaults());
        reader.startDataset(TransferSyntax.orDefault(transferSyntaxUid));
        return reader.readDataset(-1);
    }

    @Override
    public boolean isBusy() {
        return receiving || !operations.isEmpty() || !outstanding.isEmpty();
    }

    @Override
    public void onDataTransferEnd() {
        String reason = association.endReason() != null ? association.endReason() : "release requested";
        operations.values().forEach(Cancellation::cancel);
        outstanding.values().forEach(queue -> queue.end(reason));
        outstanding.clear();
        long deadline = System.nanoTime() + OPERATION_STOP_WAIT.toNanos();
        try {
            for (Thread worker : workers) {
                worker.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!workers.isEmpty()) {
            LOG.warn("{} ended with {} operations still running", association.name(), workers.size());
        }
    }

    // ---- ending ---------------------------------------------------------------------------------------------

    public void release() throws IOException {
        association.release();
    }

    public void abort() {
        association.abort();
    }

    /** Releases an established association; aborts one that cannot be released. */
    @Override
    public void close() throws IOException {
        if (association.isEstablished()) {
            association.release();
        } else {
            association.abort();
        }
    }

    /** Fails reads past {@code limit} bytes: a bound on what a peer can make us hold in memory. */
    private static final class CappedInputStream extends FilterInputStream {
        private long remaining;
        private final long limit;

        CappedInputStream(InputStream in, long limit) {
            super(in);
            this.remaining = limit;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                charge(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                charge(n);
            }
            return n;
        }

        private void charge(long n) throws IOException {
            remaining -= n;
            if (remaining < 0) {
                throw new IOException("data set longer than " + limit + " bytes");
            }
        }
    }
}
