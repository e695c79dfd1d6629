package org.hrnode.dicom.net.peers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.hrnode.dicom.net.pdu.AAbort;
import org.hrnode.dicom.net.pdu.AAssociateAC;
import org.hrnode.dicom.net.pdu.AAssociateRJ;
import org.hrnode.dicom.net.pdu.AbortReason;
import org.hrnode.dicom.net.pdu.GoldenPdus;
import org.hrnode.dicom.net.pdu.Hex;
import org.hrnode.dicom.net.pdu.PDU;
import org.hrnode.dicom.net.pdu.PduLimits;
import org.hrnode.dicom.net.service.DicomServer;
import org.hrnode.dicom.net.service.ServiceRegistry;
import org.hrnode.dicom.net.ul.AcceptorConfig;
import org.hrnode.dicom.net.ul.AssociationSettings;
import org.hrnode.dicom.net.ul.Timeouts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Broken and hostile peers on raw sockets: garbage, truncated and oversized PDUs, PDUs out of order, mutated
 * association requests. Each must end that association (A-ABORT, A-ASSOCIATE-RJ or close, as PS3.8 Table 9-10
 * says) and nothing else: echoscu is answered afterwards.
 */
class HostilePeerTest {

    private static final int MUTATED_REQUESTS = 300;
    private static final long SEED = 0xD1C0_F022L;
    /** The acceptor's P-DATA cap in this test, small so that "oversized" is cheap to send. */
    private static final long MAX_PDATA = 64 * 1024;

    private DicomServer server;

    @BeforeAll
    static void peers() {
        Dcmtk.require("echoscu");
    }

    @BeforeEach
    void start() throws Exception {
        AssociationSettings settings = AssociationSettings.defaults()
                .withPduLimits(new PduLimits(MAX_PDATA, PduLimits.DEFAULT_MAX_ASSOCIATE_PDU_LENGTH))
                .withTimeouts(Timeouts.defaults().withRequest(Duration.ofMillis(500)));
        AcceptorConfig.Builder config = EchoWithDcmtkTest.localConfig("ANY-SCP").settings(settings);
        server = DicomServer.start(config, ServiceRegistry.builder().verification().build());
    }

    @AfterEach
    void stop() throws Exception {
        try {
            Dcmtk.Result echo = Dcmtk.run("echoscu", "-aet", "AFTER", "-aec", "ANY-SCP", "127.0.0.1",
                    Integer.toString(server.port()));
            assertThat(echo.exitCode()).as("echoscu after the hostile peer: " + echo.output()).isZero();
        } finally {
            server.close();
        }
    }

    private List<PDU> exchange(byte[]... sends) throws Exception {
        try (RawPeer peer = new RawPeer(server.port())) {
            for (byte[] bytes : sends) {
                peer.send(bytes);
            }
            return peer.untilAbortOrClose();
        }
    }

    private static AAbort lastAbort(List<PDU> received) {
        assertThat(received).isNotEmpty();
        assertThat(received.getLast()).isInstanceOf(AAbort.class);
        return (AAbort) received.getLast();
    }

    @Test
    void garbageInsteadOfAnAssociationRequestIsAborted() throws Exception {
        AAbort abort = lastAbort(exchange(Hex.bytes("47 45 54 20 2f 20 48 54 54 50 2f 31 2e 31 0d 0a")));
        assertThat(abort.reason()).isEqualTo(AbortReason.UNRECOGNIZED_PDU.code());
    }

    @Test
    void hugeLengthIsRefusedFromTheHeader() throws Exception {
        lastAbort(exchange(Hex.bytes("01 00 7f ff ff ff 00 01")));
    }

    @Test
    void pduOutOfOrderBeforeTheRequestIsAborted() throws Exception {
        // Sta2 + Evt12 (A-RELEASE-RQ) -> AA-1
        lastAbort(exchange(GoldenPdus.A_RELEASE_RQ));
    }

    @Test
    void truncatedRequestThenCloseEndsQuietly() throws Exception {
        byte[] rq = GoldenPdus.A_ASSOCIATE_RQ_ECHO;
        assertThat(exchangeThenClose(Arrays.copyOf(rq, rq.length / 2))).isEmpty();
    }

    private List<PDU> exchangeThenClose(byte[] bytes) throws Exception {
        RawPeer peer = new RawPeer(server.port());
        peer.send(bytes);
        peer.close();
        return List.of();
    }

    @Test
    void silentPeerIsDisconnectedByTheRequestTimer() throws Exception {
        try (RawPeer peer = new RawPeer(server.port())) {
            assertThat(peer.next()).isNull();
            assertThat(peer.closedByPeer()).isTrue();
        }
    }

    @Test
    void secondAssociationRequestOnAnEstablishedAssociationIsAborted() throws Exception {
        List<PDU> received = exchange(GoldenPdus.A_ASSOCIATE_RQ_ECHO, GoldenPdus.A_ASSOCIATE_RQ_ECHO);
        assertThat(received.getFirst()).isInstanceOf(AAssociateAC.class);
        assertThat(lastAbort(received).reason()).isEqualTo(AbortReason.UNEXPECTED_PDU.code());
    }

    @Test
    void pDataOnAContextThatWasNotAcceptedIsAborted() throws Exception {
        byte[] onContext3 = GoldenPdus.P_DATA_TF_ECHO_RQ.clone();
        onContext3[10] = 3;
        List<PDU> received = exchange(GoldenPdus.A_ASSOCIATE_RQ_ECHO, onContext3);
        assertThat(received.getFirst()).isInstanceOf(AAssociateAC.class);
        assertThat(lastAbort(received).isFromServiceProvider()).isTrue();
    }

    @Test
    void oversizedPDataIsAborted() throws Exception {
        byte[] header = Hex.bytes("04 00 00 02 00 00");   // P-DATA-TF of 128 KiB > the 64 KiB cap
        List<PDU> received = exchange(GoldenPdus.A_ASSOCIATE_RQ_ECHO, header);
        assertThat(lastAbort(received).reason()).isEqualTo(AbortReason.INVALID_PDU_PARAMETER_VALUE.code());
    }

    @Test
    void undecodableCommandIsAborted() throws Exception {
        byte[] pdata = GoldenPdus.P_DATA_TF_ECHO_RQ.clone();
        for (int i = 12; i < pdata.length; i++) {
            pdata[i] = (byte) 0xEE;
        }
        List<PDU> received = exchange(GoldenPdus.A_ASSOCIATE_RQ_ECHO, pdata);
        lastAbort(received);
    }

    @Test
    void mutatedAssociationRequestsEachEndTheirOwnAssociation() throws Exception {
        Random random = new Random(SEED);
        List<byte[]> seeds = List.of(GoldenPdus.A_ASSOCIATE_RQ_ECHO, GoldenPdus.A_ASSOCIATE_RQ_USERNAME_PASSCODE,
                GoldenPdus.A_ASSOCIATE_RQ_ROLE_SELECTION, GoldenPdus.A_ASSOCIATE_RQ_USERNAME_ASYNC);
        int accepted = 0;
        int refused = 0;
        for (int round = 0; round < MUTATED_REQUESTS; round++) {
            byte[] rq = seeds.get(random.nextInt(seeds.size())).clone();
            int flips = 1 + random.nextInt(4);
            for (int i = 0; i < flips; i++) {
                rq[random.nextInt(rq.length)] = (byte) random.nextInt(256);
            }
            try (RawPeer peer = new RawPeer(server.port())) {
                peer.send(rq);
                PDU answer = peer.next();
                if (answer instanceof AAssociateAC) {
                    accepted++;
                } else if (answer == null || answer instanceof AAbort || answer instanceof AAssociateRJ) {
                    refused++;
                } else {
                    throw new AssertionError("unexpected answer to a mutated request: " + answer);
                }
            }
        }
        assertThat(accepted + refused).isEqualTo(MUTATED_REQUESTS);
        assertThat(refused).isPositive();
    }
}
