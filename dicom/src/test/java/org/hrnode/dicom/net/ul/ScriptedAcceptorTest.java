package org.hrnode.dicom.net.ul;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.hrnode.dicom.dict.UID;
import org.hrnode.dicom.net.pdu.AAbort;
import org.hrnode.dicom.net.pdu.AAssociateAC;
import org.hrnode.dicom.net.pdu.AAssociateRJ;
import org.hrnode.dicom.net.pdu.AAssociateRQ;
import org.hrnode.dicom.net.pdu.AReleaseRP;
import org.hrnode.dicom.net.pdu.AReleaseRQ;
import org.hrnode.dicom.net.pdu.AbortReason;
import org.hrnode.dicom.net.pdu.PDU;
import org.hrnode.dicom.net.pdu.PduDecodeException;
import org.hrnode.dicom.net.pdu.PduDecoder;
import org.hrnode.dicom.net.pdu.PduEncoder;
import org.hrnode.dicom.net.pdu.PduLimits;
import org.hrnode.dicom.net.pdu.PresentationContextAC;
import org.hrnode.dicom.net.pdu.RejectReason;
import org.hrnode.dicom.net.pdu.RejectResult;
import org.hrnode.dicom.net.pdu.UserInformation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Our requestor against a scripted acceptor on a raw server socket, for the requestor's side of PS3.8 Table 9-10:
 * Sta5 + Evt3/Evt4/Evt16/Evt19, the accept timeout, and release (Sta7 + Evt13) and release collision
 * (Sta7 + Evt12 -> AR-8, Sta9 -> AR-9, Sta11 + Evt13 -> AR-3).
 */
class ScriptedAcceptorTest {

    private static final Duration BOUND = Duration.ofSeconds(20);

    private ServerSocket server;

    @BeforeEach
    void listen() throws IOException {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    }

    @AfterEach
    void close() throws IOException {
        server.close();
    }

    /** The acceptor's side: reads PDUs and answers with a script, on its own thread; yields what it received. */
    private CompletableFuture<List<PDU>> script(Script script) {
        return CompletableFuture.supplyAsync(() -> {
            List<PDU> received = new ArrayList<>();
            try (Socket s = server.accept()) {
                s.setSoTimeout((int) BOUND.toMillis());
                Reader reader = new Reader(s.getInputStream());
                script.run(reader, s, received);
            } catch (IOException | PduDecodeException e) {
                throw new IllegalStateException(e);
            }
            return received;
        });
    }

    @FunctionalInterface
    interface Script {
        void run(Reader in, Socket socket, List<PDU> received) throws IOException, PduDecodeException;
    }

    static final class Reader {
        private final InputStream in;
        private final PduDecoder decoder = new PduDecoder(PduLimits.defaults());
        private final byte[] chunk = new byte[4096];

        Reader(InputStream in) {
            this.in = in;
        }

        PDU next() throws IOException, PduDecodeException {
            while (true) {
                PDU pdu = decoder.next();
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
    }

    private static void send(Socket s, PDU pdu) throws IOException {
        s.getOutputStream().write(PduEncoder.encode(pdu));
        s.getOutputStream().flush();
    }

    private static AAssociateAC accept(AAssociateRQ rq) {
        return new AAssociateAC(AAssociateRQ.PROTOCOL_VERSION_1, rq.calledAETitle(), rq.callingAETitle(),
                UID.DICOMApplicationContext, List.of(PresentationContextAC.accepted(1, UID.ImplicitVRLittleEndian)),
                UserInformation.of(16384, "1.2.3", "SCRIPT"), List.of());
    }

    private Association connect(AssociationSettings settings) throws Exception {
        AssociationRequestor requestor = new AssociationRequestor(settings);
        AAssociateRQ rq = new AssociationRequestBuilder("SCU", "SCRIPT").addVerification().build(settings);
        return requestor.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()), rq,
                a -> new NoData());
    }

    /** A data transfer handler for associations that carry no P-DATA in these tests. */
    static final class NoData implements DataTransferHandler {
        @Override
        public void onPresentationDataValue(org.hrnode.dicom.net.pdu.PresentationDataValue pdv) {
        }

        @Override
        public boolean isBusy() {
            return false;
        }

        @Override
        public void onDataTransferEnd() {
        }
    }

    @Test
    void rejectionBecomesAssociationRejectedException() throws Exception {
        CompletableFuture<List<PDU>> acceptor = script((in, s, received) -> {
            received.add(in.next());
            send(s, AAssociateRJ.of(RejectResult.REJECTED_TRANSIENT, RejectReason.TEMPORARY_CONGESTION));
            received.add(in.next());
        });
        assertThatThrownBy(() -> connect(AssociationSettings.defaults()))
                .isInstanceOfSatisfying(AssociationRejectedException.class,
                        e -> assertThat(e.rejection().knownReason()).contains(RejectReason.TEMPORARY_CONGESTION));
        List<PDU> received = acceptor.get(BOUND.toSeconds(), TimeUnit.SECONDS);
        assertThat(received.getFirst()).isInstanceOf(AAssociateRQ.class);
        assertThat(received.get(1)).as("AE-4 closes the connection").isNull();
    }

    @Test
    void abortInsteadOfAnAnswerIsAnIoException() throws Exception {
        script((in, s, received) -> {
            received.add(in.next());
            send(s, AAbort.byServiceUser());
            received.add(in.next());
        });
        assertThatThrownBy(() -> connect(AssociationSettings.defaults())).isInstanceOf(IOException.class)
                .hasMessageContaining("aborted by peer");
    }

    @Test
    void garbageInsteadOfAnAnswerIsAbortedByUs() throws Exception {
        CompletableFuture<List<PDU>> acceptor = script((in, s, received) -> {
            received.add(in.next());
            s.getOutputStream().write(new byte[] {0x09, 0, 0, 0, 0, 0});
            received.add(in.next());
        });
        assertThatThrownBy(() -> connect(AssociationSettings.defaults())).isInstanceOf(IOException.class);
        List<PDU> received = acceptor.get(BOUND.toSeconds(), TimeUnit.SECONDS);
        assertThat(received.get(1)).isEqualTo(AAbort.byServiceProvider(AbortReason.UNRECOGNIZED_PDU));
    }

    @Test
    void silentAcceptorIsAbortedAfterTheAcceptTimeout() throws Exception {
        CompletableFuture<List<PDU>> acceptor = script((in, s, received) -> {
            received.add(in.next());
            received.add(in.next());
        });
        AssociationSettings quick = AssociationSettings.defaults()
                .withTimeouts(Timeouts.defaults().withAccept(Duration.ofMillis(200)));
        assertThatThrownBy(() -> connect(quick)).isInstanceOf(IOException.class)
                .hasMessageContaining("no answer to the association request");
        assertThat(acceptor.get(BOUND.toSeconds(), TimeUnit.SECONDS).get(1)).isEqualTo(AAbort.byServiceUser());
    }

    @Test
    void releaseAndReleaseCollision() throws Exception {
        CompletableFuture<List<PDU>> plain = script((in, s, received) -> {
            AAssociateRQ rq = (AAssociateRQ) in.next();
            send(s, accept(rq));
            received.add(in.next());
            send(s, new AReleaseRP());
        });
        Association a = connect(AssociationSettings.defaults());
        a.release();
        assertThat(a.endReason()).isEqualTo("released");
        assertThat(plain.get(BOUND.toSeconds(), TimeUnit.SECONDS)).containsExactly(new AReleaseRQ());

        CompletableFuture<List<PDU>> collision = script((in, s, received) -> {
            AAssociateRQ rq = (AAssociateRQ) in.next();
            send(s, accept(rq));
            received.add(in.next());                 // our A-RELEASE-RQ (we are in Sta7)
            send(s, new AReleaseRQ());               // collision: we go Sta9, answer A-RELEASE-RP (AR-9), Sta11
            received.add(in.next());
            send(s, new AReleaseRP());               // Sta11 + Evt13 -> AR-3: closed
            received.add(in.next());
        });
        Association b = connect(AssociationSettings.defaults());
        b.release();
        assertThat(b.state()).isEqualTo(State.Sta1);
        assertThat(collision.get(BOUND.toSeconds(), TimeUnit.SECONDS))
                .containsExactly(new AReleaseRQ(), new AReleaseRP(), null);
    }
}
