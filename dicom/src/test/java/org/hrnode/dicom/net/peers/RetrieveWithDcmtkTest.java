package org.hrnode.dicom.net.peers;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.VR;
import org.hrnode.dicom.dict.Tag;
import org.hrnode.dicom.dict.UID;
import org.hrnode.dicom.dict.UIDs;
import org.hrnode.dicom.net.service.DicomServer;
import org.hrnode.dicom.net.service.RemoteAE;
import org.hrnode.dicom.net.service.RetrieveInstance;
import org.hrnode.dicom.net.service.ServiceRegistry;
import org.hrnode.dicom.net.ul.AssociationRequestor;
import org.hrnode.dicom.net.ul.AssociationSettings;
import org.hrnode.dicom.testing.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DCMTK movescu and getscu against our C-MOVE and C-GET SCPs. The study holds three uncompressed CT images and one
 * JPEG 2000 image: a receiver that takes only uncompressed data gets three, and the fourth is reported as a failed
 * sub-operation in a Warning (B000) final response with its UID in the Failed SOP Instance UID List.
 */
class RetrieveWithDcmtkTest {

    static final String STUDY = "1.2.826.0.1.3680043.2.2.1";

    @TempDir
    Path tmp;

    @BeforeAll
    static void peers() {
        Dcmtk.require("movescu", "getscu", "storescp");
    }

    /**
     * Three uncompressed slices and one lossy JPEG 2000 image: a destination that accepts only uncompressed
     * syntaxes cannot take the last one, since lossy data is never decompressed for sending (lossless data would be).
     */
    static List<Path> studyFiles() {
        Path shared = TestData.sharedData();
        return List.of(shared.resolve("ct-head-ge/01.dcm"), shared.resolve("ct-head-ge/02.dcm"),
                shared.resolve("ct-head-ge/03.dcm"), shared.resolve("wg04/J2KI/CT1_J2KI"));
    }

    static List<InMemoryArchive.Row> rows() {
        List<InMemoryArchive.Row> rows = new ArrayList<>();
        for (Path file : studyFiles()) {
            Dataset attributes = new Dataset();
            attributes.setString(Tag.StudyInstanceUID, VR.UI, STUDY);
            rows.add(new InMemoryArchive.Row(attributes, file));
        }
        return rows;
    }

    static ServiceRegistry registry(InMemoryArchive archive) {
        return ServiceRegistry.builder().verification()
                .move(List.of(UID.StudyRootQueryRetrieveInformationModelMove,
                        UID.PatientRootQueryRetrieveInformationModelMove), archive,
                        new AssociationRequestor(AssociationSettings.defaults()))
                .get(List.of(UID.StudyRootQueryRetrieveInformationModelGet,
                        UID.PatientRootQueryRetrieveInformationModelGet), archive)
                .abstractSyntaxes(UIDs.ofType("SOP Class").stream().map(UIDs.Info::uid).toList())
                .build();
    }

    private Dcmtk.Result movescu(int port, String destination) throws Exception {
        // movescu's exit code reflects the final status, so the tests read its output instead
        return Dcmtk.run("movescu", "-v", "-S", "-aet", "MOVESCU", "-aec", "HRNODE", "-aem", destination,
                "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID=" + STUDY, "127.0.0.1",
                Integer.toString(port));
    }

    private static RemoteAE destination(String aeTitle, int port) {
        return new RemoteAE(aeTitle, new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    }

    @Test
    void moveSendsEveryInstanceToTheDestinationUnchanged() throws Exception {
        Path out = Files.createDirectory(tmp.resolve("dest"));
        try (InetdPeer storescp = InetdPeer.start(tmp.resolve("storescp.log"),
                List.of("storescp", "--inetd", "+B", "+xa", "-aet", "DEST", "-od", out.toString()));
                DicomServer server = DicomServer.start(EchoWithDcmtkTest.localConfig("HRNODE"), registry(
                        new InMemoryArchive(rows(), List.of(destination("DEST", storescp.port())), false)))) {
            Dcmtk.Result r = movescu(server.port(), "DEST");
            assertThat(r.output()).contains("Received Final Move Response (Success)");
            assertThat(r.exitCode()).as(r.output()).isZero();
        }
        assertArrivedUnchanged(out, studyFiles());
    }

    @Test
    void moveReportsTheInstanceTheDestinationCannotTake() throws Exception {
        Path out = Files.createDirectory(tmp.resolve("dest"));
        try (InetdPeer storescp = InetdPeer.start(tmp.resolve("storescp.log"),
                List.of("storescp", "--inetd", "+B", "-aet", "DEST", "-od", out.toString()));
                DicomServer server = DicomServer.start(EchoWithDcmtkTest.localConfig("HRNODE"), registry(
                        new InMemoryArchive(rows(), List.of(destination("DEST", storescp.port())), false)))) {
            Dcmtk.Result r = movescu(server.port(), "DEST");
            assertThat(r.output()).contains("Received Move Response 3 (Pending)")
                    .contains("Received Final Move Response (Warning: SubOperationsCompleteOneOrMoreFailures)");
        }
        assertArrivedUnchanged(out, studyFiles().subList(0, 3));
    }

    @Test
    void unknownDestinationIsRefused() throws Exception {
        try (DicomServer server = DicomServer.start(EchoWithDcmtkTest.localConfig("HRNODE"),
                registry(new InMemoryArchive(rows(), List.of(), false)))) {
            Dcmtk.Result r = movescu(server.port(), "NOWHERE");
            assertThat(r.output()).contains("Received Final Move Response (Refused: MoveDestinationUnknown)");
        }
    }

    @Test
    void getscuReceivesOnTheSameAssociation() throws Exception {
        Path out = Files.createDirectory(tmp.resolve("got"));
        try (DicomServer server = DicomServer.start(EchoWithDcmtkTest.localConfig("HRNODE"),
                registry(new InMemoryArchive(rows(), List.of(), false)))) {
            Dcmtk.Result r = Dcmtk.run("getscu", "-v", "-S", "+B", "-aet", "GETSCU", "-aec", "HRNODE", "-od",
                    out.toString(), "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID=" + STUDY, "127.0.0.1",
                    Integer.toString(server.port()));
            assertThat(r.exitCode()).as(r.output()).isZero();
            assertThat(r.output()).containsPattern("Number of Completed Suboperations *: 3")
                    .containsPattern("Number of Failed Suboperations *: 1")
                    .contains("Warning: SubOperationsCompleteOneOrMoreFailures");
            // getscu (DcmSCU) does not read the identifier of the final C-GET-RSP, the Failed SOP Instance UID
            // List PS3.4 C.4.3.1.3.1 puts there, so its release then meets that P-DATA and it aborts. The instances
            // are stored by then; our own C-GET SCU reads the list (RetrieveScuTest).
        }
        assertArrivedUnchanged(out, studyFiles().subList(0, 3));
    }

    static void assertArrivedUnchanged(Path dir, List<Path> files) throws Exception {
        try (var listing = Files.list(dir)) {
            assertThat(listing.count()).isEqualTo(files.size());
        }
        for (Path file : files) {
            RetrieveInstance instance = RetrieveInstance.ofFile(file);
            Part10Files.DataSetBytes original = Part10Files.dataSetBytes(file);
            Part10Files.DataSetBytes received = Part10Files.dataSetBytes(
                    StoreScuToDcmtkTest.received(dir, instance.sopInstanceUid()));
            assertThat(received.transferSyntaxUid()).isEqualTo(original.transferSyntaxUid());
            Part10Files.assertSameBytes(received.bytes(), original.bytes(), file.toString());
        }
    }
}
