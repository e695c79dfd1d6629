package org.hrnode.dicom.net.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.VR;
import org.hrnode.dicom.dict.Tag;
import org.hrnode.dicom.dict.UID;
import org.hrnode.dicom.net.dimse.Cancellation;
import org.hrnode.dicom.net.dimse.DicomServiceException;
import org.hrnode.dicom.net.dimse.DimseChannel;
import org.hrnode.dicom.net.dimse.DimseRequestHandler;
import org.hrnode.dicom.net.dimse.Status;
import org.hrnode.dicom.net.pdu.AAssociateRQ;
import org.hrnode.dicom.net.pdu.PduLimits;
import org.hrnode.dicom.net.pdu.RejectReason;
import org.hrnode.dicom.net.pdu.UserIdentityRQ;
import org.hrnode.dicom.net.ul.AcceptorConfig;
import org.hrnode.dicom.net.ul.AssociationRejectedException;
import org.hrnode.dicom.net.ul.AssociationRequestBuilder;
import org.hrnode.dicom.net.ul.AssociationRequestor;
import org.hrnode.dicom.net.ul.AssociationSettings;
import org.hrnode.dicom.net.ul.Timeouts;
import org.hrnode.dicom.net.ul.UserIdentityAuthenticator;
import org.hrnode.dicom.net.ul.UserIdentityDecision;
import org.hrnode.dicom.testing.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Our SCUs against our SCPs, for what DCMTK's tools do not exercise: user identity, role selection for C-GET,
 * the association limit, idle timeout, a small peer maximum PDU, service failures and C-CANCEL from our side.
 */
class OwnStackTest {

    private final List<AutoCloseable> toClose = new ArrayList<>();
    private final AssociationRequestor requestor = new AssociationRequestor(AssociationSettings.defaults());

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : toClose.reversed()) {
            c.close();
        }
    }

    private DicomServer server(AcceptorConfig.Builder config, ServiceRegistry services) throws IOException {
        DicomServer server = DicomServer.start(config, services);
        toClose.add(server);
        return server;
    }

    private static AcceptorConfig.Builder local(String aeTitle) {
        return AcceptorConfig.builder(aeTitle).bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    private DimseChannel open(DicomServer server, AAssociateRQ rq, DimseRequestHandler incoming) throws Exception {
        DimseChannel channel = DimseChannel.open(requestor, new InetSocketAddress(InetAddress.getLoopbackAddress(),
                server.port()), rq, incoming);
        toClose.add(() -> {
            if (channel.association().isEstablished()) {
                channel.release();
            }
        });
        return channel;
    }

    private static AssociationRequestBuilder echoRequest() {
        return new AssociationRequestBuilder("SCU", "HRNODE").addVerification();
    }

    /** Two uncompressed CTs and a lossy JPEG 2000 one, which is never decompressed to be sent. */
    static List<Path> ctFiles() {
        Path shared = TestData.sharedData();
        return List.of(shared.resolve("ct-head-ge/04.dcm"), shared.resolve("ct-head-ge/05.dcm"),
                shared.resolve("wg04/J2KI/CT2_J2KI"));
    }

    /** Remembers what it stored, by SOP Instance UID, with the request and the bytes. */
    static final class Recorder implements StoreHandler {
        final Map<String, StoreRequest> requests = new ConcurrentHashMap<>();
        final Map<String, byte[]> bytes = new ConcurrentHashMap<>();

        @Override
        public Status store(StoreRequest request, InputStream dataSet) throws IOException {
            bytes.put(request.sopInstanceUid(), dataSet.readAllBytes());
            requests.put(request.sopInstanceUid(), request);
            return Status.SUCCESS;
        }
    }

    @Test
    void userIdentityIsAuthenticatedAndAnswered() throws Exception {
        UserIdentityAuthenticator auth = UserIdentityAuthenticator.requireIdentity((rq, id, peer) ->
                id.get().secondaryFieldText().equals("s3cret") ? UserIdentityDecision.accept(new byte[] {7})
                        : UserIdentityDecision.reject("wrong passcode"));
        DicomServer server = server(local("HRNODE").userIdentityAuthenticator(auth),
                ServiceRegistry.builder().verification().build());

        DimseChannel ok = open(server, echoRequest().userIdentity(UserIdentityRQ.usernameAndPasscode("alice",
                "s3cret", true)).build(requestor.settings()), DimseRequestHandler.NONE);
        assertThat(ok.association().acceptance().userInformation().userIdentityAC().serverResponse())
                .containsExactly(7);
        assertThat(EchoSCU.echo(ok)).isEqualTo(Status.SUCCESS);

        assertThatThrownBy(() -> open(server, echoRequest().userIdentity(UserIdentityRQ.usernameAndPasscode("alice",
                "guess", true)).build(requestor.settings()), DimseRequestHandler.NONE))
                .isInstanceOfSatisfying(AssociationRejectedException.class, e -> {
                    assertThat(e.rejection().isTransient()).isFalse();
                    assertThat(e.rejection().knownReason()).contains(RejectReason.NO_REASON_GIVEN);
                });
        assertThatThrownBy(() -> open(server, echoRequest().build(requestor.settings()), DimseRequestHandler.NONE))
                .isInstanceOf(AssociationRejectedException.class);
    }

    @Test
    void associationsBeyondTheLimitAreRejectedTransiently() throws Exception {
        DicomServer server = server(local("HRNODE").maxAssociations(1),
                ServiceRegistry.builder().verification().build());
        DimseChannel first = open(server, echoRequest().build(requestor.settings()), DimseRequestHandler.NONE);
        assertThatThrownBy(() -> open(server, echoRequest().build(requestor.settings()), DimseRequestHandler.NONE))
                .isInstanceOfSatisfying(AssociationRejectedException.class, e -> {
                    assertThat(e.rejection().isTransient()).isTrue();
                    assertThat(e.rejection().knownReason()).contains(RejectReason.LOCAL_LIMIT_EXCEEDED);
                });
        first.release();
        assertThat(first.association().endReason()).isEqualTo("released");
    }

    @Test
    void gracefulCloseLetsAnAssociationInProgressFinish() throws Exception {
        DicomServer server = server(local("HRNODE"), ServiceRegistry.builder().verification().build());
        DimseChannel inProgress = open(server, echoRequest().build(requestor.settings()), DimseRequestHandler.NONE);
        Thread closing = Thread.ofVirtual().start(() -> server.close(Duration.ofSeconds(20)));
        while (!server.acceptor().isClosing()) {
            Thread.onSpinWait(); // until close has stopped accepting; it happens first and at once
        }

        Thread.sleep(200); // the drain is under way: the association must still be usable
        assertThat(closing.isAlive()).as("close waits for the association in progress").isTrue();
        assertThat(EchoSCU.echo(inProgress)).isEqualTo(Status.SUCCESS);
        inProgress.release();
        assertThat(closing.join(Duration.ofSeconds(20))).isTrue();
        assertThat(inProgress.association().endReason()).isEqualTo("released");
        assertThatThrownBy(() -> open(server, echoRequest().build(requestor.settings()), DimseRequestHandler.NONE))
                .as("new associations after shutdown").isInstanceOf(Exception.class);
    }

    @Test
    void gracefulCloseAbortsWhatIsStillOpenWhenTheDrainEnds() throws Exception {
        DicomServer server = server(local("HRNODE"), ServiceRegistry.builder().verification().build());
        DimseChannel stuck = open(server, echoRequest().build(requestor.settings()), DimseRequestHandler.NONE);

        server.close(Duration.ofMillis(300));

        assertThat(stuck.association().awaitClosed(Duration.ofSeconds(20))).isTrue();
        assertThat(stuck.association().endReason()).startsWith("aborted");
    }

    @Test
    void idleAssociationIsAbortedByTheAcceptor() throws Exception {
        AssociationSettings idle = AssociationSettings.defaults()
                .withTimeouts(Timeouts.defaults().withIdle(Duration.ofMillis(200)));
        DicomServer server = server(local("HRNODE").settings(idle), ServiceRegistry.builder().verification().build());
        DimseChannel channel = open(server, echoRequest().build(requestor.settings()), DimseRequestHandler.NONE);
        assertThat(channel.association().awaitClosed(Duration.ofSeconds(20))).isTrue();
        assertThat(channel.association().endReason()).startsWith("aborted by peer");
    }

    @Test
    void storesRespectASmallPeerMaximumAndFailuresComeBackAsStatus() throws Exception {
        Recorder recorder = new Recorder();
        List<String> refuse = new ArrayList<>();
        StoreHandler handler = (request, data) -> {
            if (refuse.contains(request.sopInstanceUid())) {
                throw new DicomServiceException(Status.OUT_OF_RESOURCES, "storage full");
            }
            return recorder.store(request, data);
        };
        AssociationSettings small = AssociationSettings.defaults()
                .withPduLimits(new PduLimits(1024, PduLimits.DEFAULT_MAX_ASSOCIATE_PDU_LENGTH));
        DicomServer server = server(local("HRNODE").settings(small),
                ServiceRegistry.builder().storage(List.of(UID.CTImageStorage), handler).build());
        List<RetrieveInstance> instances = new ArrayList<>();
        for (Path f : ctFiles()) {
            instances.add(RetrieveInstance.ofFile(f));
        }
        AssociationRequestBuilder rq = new AssociationRequestBuilder("SCU", "HRNODE");
        StoreSCU.proposeContexts(rq, instances);
        DimseChannel channel = open(server, rq.build(requestor.settings()), DimseRequestHandler.NONE);
        assertThat(channel.association().maxPDataLengthSend()).isEqualTo(1024);

        refuse.add(instances.get(1).sopInstanceUid());
        List<StoreSCU.Result> results = new ArrayList<>();
        for (RetrieveInstance instance : instances) {
            results.add(StoreSCU.store(channel, instance));
        }
        assertThat(results).extracting(StoreSCU.Result::status)
                .containsExactly(Status.SUCCESS, Status.OUT_OF_RESOURCES, Status.SUCCESS);
        assertThat(results.get(1).errorComment()).contains("storage full");
        for (RetrieveInstance instance : List.of(instances.get(0), instances.get(2))) {
            try (InputStream in = instance.openDataSet()) {
                assertThat(recorder.bytes.get(instance.sopInstanceUid())).isEqualTo(in.readAllBytes());
            }
            assertThat(recorder.requests.get(instance.sopInstanceUid()).transferSyntaxUid())
                    .isEqualTo(instance.transferSyntaxUid());
        }
    }

    @Test
    void getWithRoleSelectionDeliversOnTheSameAssociation() throws Exception {
        MoveHandler archive = archive(ctFiles(), Optional.empty());
        DicomServer server = server(local("HRNODE"), ServiceRegistry.builder()
                .get(List.of(UID.StudyRootQueryRetrieveInformationModelGet), archive)
                .abstractSyntaxes(List.of(UID.CTImageStorage)).build());
        Recorder recorder = new Recorder();
        ServiceRegistry incoming = ServiceRegistry.builder().storage(List.of(UID.CTImageStorage), recorder).build();
        AAssociateRQ rq = new AssociationRequestBuilder("GETTER", "HRNODE")
                .addPresentationContext(UID.StudyRootQueryRetrieveInformationModelGet, UID.ExplicitVRLittleEndian)
                .addPresentationContext(UID.CTImageStorage, UID.ExplicitVRLittleEndian)
                .addRoleSelection(UID.CTImageStorage, false, true).build(requestor.settings());
        DimseChannel channel = open(server, rq, incoming);

        RetrieveSCU.Result result = RetrieveSCU.get(channel, UID.StudyRootQueryRetrieveInformationModelGet,
                studyKeys());
        assertThat(result.completed()).isEqualTo(2);
        assertThat(result.failed()).isEqualTo(1);
        assertThat(result.status()).isEqualTo(Status.SUB_OPERATIONS_COMPLETE_WITH_FAILURES);
        String j2k = RetrieveInstance.ofFile(ctFiles().get(2)).sopInstanceUid();
        assertThat(result.failedSopInstanceUids()).containsExactly(j2k);
        assertThat(recorder.requests).hasSize(2).doesNotContainKey(j2k);
        assertThat(result.pendingResponses()).isEqualTo(2);
    }

    @Test
    void getWithoutRoleSelectionSendsNothing() throws Exception {
        MoveHandler archive = archive(ctFiles().subList(0, 2), Optional.empty());
        DicomServer server = server(local("HRNODE"), ServiceRegistry.builder()
                .get(List.of(UID.StudyRootQueryRetrieveInformationModelGet), archive)
                .abstractSyntaxes(List.of(UID.CTImageStorage)).build());
        Recorder recorder = new Recorder();
        AAssociateRQ rq = new AssociationRequestBuilder("GETTER", "HRNODE")
                .addPresentationContext(UID.StudyRootQueryRetrieveInformationModelGet, UID.ExplicitVRLittleEndian)
                .addPresentationContext(UID.CTImageStorage, UID.ExplicitVRLittleEndian).build(requestor.settings());
        DimseChannel channel = open(server, rq,
                ServiceRegistry.builder().storage(List.of(UID.CTImageStorage), recorder).build());

        RetrieveSCU.Result result = RetrieveSCU.get(channel, UID.StudyRootQueryRetrieveInformationModelGet,
                studyKeys());
        assertThat(result.status()).isEqualTo(Status.OUT_OF_RESOURCES_UNABLE_TO_PERFORM_SUB_OPERATIONS);
        assertThat(result.failed()).isEqualTo(2);
        assertThat(recorder.requests).isEmpty();
    }

    @Test
    void moveToOurOwnStoreScpCarriesTheMoveOriginator() throws Exception {
        Recorder recorder = new Recorder();
        DicomServer destination = server(local("DEST"),
                ServiceRegistry.builder().storage(List.of(UID.CTImageStorage), recorder).build());
        MoveHandler archive = archive(ctFiles(), Optional.of(new RemoteAE("DEST",
                new InetSocketAddress(InetAddress.getLoopbackAddress(), destination.port()))));
        DicomServer server = server(local("HRNODE"), ServiceRegistry.builder()
                .move(List.of(UID.StudyRootQueryRetrieveInformationModelMove), archive, requestor).build());
        DimseChannel channel = open(server, new AssociationRequestBuilder("MOVER", "HRNODE")
                .addPresentationContext(UID.StudyRootQueryRetrieveInformationModelMove, UID.ImplicitVRLittleEndian)
                .build(requestor.settings()), DimseRequestHandler.NONE);

        RetrieveSCU.Result result = RetrieveSCU.move(channel, UID.StudyRootQueryRetrieveInformationModelMove, "DEST",
                studyKeys());
        assertThat(result.status()).isEqualTo(Status.SUCCESS);
        assertThat(result.completed()).isEqualTo(3);
        assertThat(recorder.requests.values()).allSatisfy(r -> {
            assertThat(r.moveOriginatorAETitle()).contains("MOVER");
            assertThat(r.callingAETitle()).isEqualTo("HRNODE");
            assertThat(r.calledAETitle()).isEqualTo("DEST");
        });

        RetrieveSCU.Result unknown = RetrieveSCU.move(channel, UID.StudyRootQueryRetrieveInformationModelMove,
                "NOWHERE", studyKeys());
        assertThat(unknown.status()).isEqualTo(Status.MOVE_DESTINATION_UNKNOWN);
    }

    @Test
    void moveIsCancelledBetweenSubOperations() throws Exception {
        AtomicReference<Cancellation> moveCancellation = new AtomicReference<>();
        Recorder recorder = new Recorder();
        StoreHandler slowSecond = (request, data) -> {
            if (recorder.requests.size() == 1) {
                try {
                    // the second sub-operation finishes only once the C-MOVE SCP has seen the C-CANCEL
                    assertThat(moveCancellation.get().await(Duration.ofSeconds(20))).isTrue();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return recorder.store(request, data);
        };
        DicomServer destination = server(local("DEST"),
                ServiceRegistry.builder().storage(List.of(UID.CTImageStorage), slowSecond).build());
        List<Path> five = new ArrayList<>();
        Path dir = TestData.sharedData().resolve("ct-head-ge");
        for (int i = 10; i < 15; i++) {
            five.add(dir.resolve(i + ".dcm"));
        }
        MoveHandler all = archive(five, Optional.of(new RemoteAE("DEST",
                new InetSocketAddress(InetAddress.getLoopbackAddress(), destination.port()))));
        MoveHandler watched = new MoveHandler() {
            @Override
            public Optional<RemoteAE> destination(String aeTitle) {
                return all.destination(aeTitle);
            }

            @Override
            public List<RetrieveInstance> instances(RetrieveRequest request) throws DicomServiceException {
                moveCancellation.set(request.cancellation());
                return all.instances(request);
            }
        };
        DicomServer server = server(local("HRNODE"), ServiceRegistry.builder()
                .move(List.of(UID.StudyRootQueryRetrieveInformationModelMove), watched, requestor).build());
        DimseChannel channel = open(server, new AssociationRequestBuilder("MOVER", "HRNODE")
                .addPresentationContext(UID.StudyRootQueryRetrieveInformationModelMove, UID.ImplicitVRLittleEndian)
                .build(requestor.settings()), DimseRequestHandler.NONE);

        RetrieveSCU.Result result = RetrieveSCU.move(channel, UID.StudyRootQueryRetrieveInformationModelMove, "DEST",
                studyKeys(), pending -> false);
        assertThat(result.status()).isEqualTo(Status.CANCEL);
        assertThat(result.completed()).isEqualTo(2);
        assertThat(result.remaining()).isEqualTo(3);
        assertThat(recorder.requests).hasSize(2);
    }

    @Test
    void findScuCancelsAndTheEchoOfAnUnacceptedClassIsRefusedLocally() throws Exception {
        FindHandler endless = request -> Stream.generate(() -> {
            Dataset match = new Dataset();
            match.setString(Tag.PatientID, VR.LO, "P");
            return match;
        });
        DicomServer server = server(local("HRNODE"), ServiceRegistry.builder()
                .find(List.of(UID.PatientRootQueryRetrieveInformationModelFind), endless).build());
        DimseChannel channel = open(server, new AssociationRequestBuilder("FINDER", "HRNODE")
                .addPresentationContext(UID.PatientRootQueryRetrieveInformationModelFind, UID.ExplicitVRLittleEndian)
                .addVerification().build(requestor.settings()), DimseRequestHandler.NONE);

        int[] seen = {0};
        FindSCU.Result result = FindSCU.find(channel, UID.PatientRootQueryRetrieveInformationModelFind, studyKeys(),
                match -> ++seen[0] < 3);
        assertThat(result.status()).isEqualTo(Status.CANCEL);
        assertThat(seen[0]).isEqualTo(3);
        assertThat(EchoSCU.echo(channel)).isEqualTo(Status.SOP_CLASS_NOT_SUPPORTED);
    }

    static Dataset studyKeys() {
        Dataset keys = new Dataset();
        keys.setString(Tag.QueryRetrieveLevel, VR.CS, "STUDY");
        keys.setString(Tag.StudyInstanceUID, VR.UI, "1.2.3");
        return keys;
    }

    /** Every C-GET/C-MOVE gets all of {@code files}; the one destination it knows, if any. */
    static MoveHandler archive(List<Path> files, Optional<RemoteAE> destination) {
        return new MoveHandler() {
            @Override
            public Optional<RemoteAE> destination(String aeTitle) {
                return destination.filter(d -> d.aeTitle().equals(aeTitle));
            }

            @Override
            public List<RetrieveInstance> instances(RetrieveRequest request) {
                List<RetrieveInstance> result = new ArrayList<>();
                for (Path f : files) {
                    try {
                        result.add(RetrieveInstance.ofFile(f));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
                return result;
            }
        };
    }
}
