package org.hrnode.dicom.net.peers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.dict.Tag;
import org.hrnode.dicom.dict.UID;
import org.hrnode.dicom.io.DicomReader;
import org.hrnode.dicom.net.service.DicomServer;
import org.hrnode.dicom.net.service.ServiceRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DCMTK findscu against our C-FIND SCP: Patient and Study Root, wildcard keys, and C-CANCEL. */
class FindWithDcmtkTest {

    static final List<InMemoryArchive.Row> ROWS = List.of(
            InMemoryArchive.patientStudy("DOE^JOHN", "P1", "1.2.826.0.1.3680043.2.1.1", "20240101", "CT"),
            InMemoryArchive.patientStudy("DOE^JANE", "P2", "1.2.826.0.1.3680043.2.1.2", "20240202", "MR"),
            InMemoryArchive.patientStudy("SMITH^ANNA", "P3", "1.2.826.0.1.3680043.2.1.3", "20240303", "CT"));

    @TempDir
    Path tmp;

    @BeforeAll
    static void peers() {
        Dcmtk.require("findscu");
    }

    private static ServiceRegistry registry(InMemoryArchive archive) {
        return ServiceRegistry.builder().verification().find(List.of(UID.PatientRootQueryRetrieveInformationModelFind,
                UID.StudyRootQueryRetrieveInformationModelFind), archive).build();
    }

    private List<Dataset> findscu(int port, String... args) throws Exception {
        Path out = Files.createTempDirectory(tmp, "rsp");
        List<String> command = new ArrayList<>(List.of("findscu", "-v", "-X", "-od", out.toString(), "-aet", "FINDSCU",
                "-aec", "HRNODE"));
        command.addAll(List.of(args));
        command.addAll(List.of("127.0.0.1", Integer.toString(port)));
        Dcmtk.Result result = Dcmtk.run(command);
        assertThat(result.exitCode()).as(result.output()).isZero();
        lastOutput = result.output();
        List<Dataset> responses = new ArrayList<>();
        try (Stream<Path> files = Files.list(out).sorted()) {
            for (Path f : files.toList()) {
                responses.add(DicomReader.readFile(f).dataset());
            }
        }
        return responses;
    }

    private String lastOutput;

    @Test
    void studyRootWithWildcardName() throws Exception {
        try (DicomServer server = DicomServer.start(EchoWithDcmtkTest.localConfig("HRNODE"),
                registry(new InMemoryArchive(ROWS, List.of(), false)))) {
            List<Dataset> matches = findscu(server.port(), "-S", "-k", "QueryRetrieveLevel=STUDY", "-k",
                    "PatientName=DOE*", "-k", "StudyInstanceUID", "-k", "StudyDate", "-k", "ModalitiesInStudy");
            assertThat(matches).extracting(ds -> ds.getString(Tag.StudyInstanceUID))
                    .containsExactly("1.2.826.0.1.3680043.2.1.1", "1.2.826.0.1.3680043.2.1.2");
            assertThat(matches).extracting(ds -> ds.getString(Tag.StudyDate)).containsExactly("20240101", "20240202");
            assertThat(lastOutput).contains("Received Final Find Response (Success)");
        }
    }

    @Test
    void patientRootWithSingleCharacterWildcard() throws Exception {
        try (DicomServer server = DicomServer.start(EchoWithDcmtkTest.localConfig("HRNODE"),
                registry(new InMemoryArchive(ROWS, List.of(), false)))) {
            List<Dataset> matches = findscu(server.port(), "-P", "-k", "QueryRetrieveLevel=PATIENT", "-k",
                    "PatientID=P?", "-k", "PatientName");
            assertThat(matches).extracting(ds -> ds.getString(Tag.PatientID)).containsExactly("P1", "P2", "P3");
            List<Dataset> none = findscu(server.port(), "-P", "-k", "QueryRetrieveLevel=PATIENT", "-k",
                    "PatientID=NOBODY");
            assertThat(none).isEmpty();
        }
    }

    @Test
    void cancelAfterTheFirstMatchEndsWithCancelStatus() throws Exception {
        InMemoryArchive archive = new InMemoryArchive(ROWS, List.of(), true);
        try (DicomServer server = DicomServer.start(EchoWithDcmtkTest.localConfig("HRNODE"), registry(archive))) {
            List<Dataset> matches = findscu(server.port(), "-S", "--cancel", "1", "-k", "QueryRetrieveLevel=STUDY",
                    "-k", "StudyInstanceUID");
            assertThat(archive.sawCancel).isTrue();
            assertThat(matches).hasSize(1);
            assertThat(lastOutput).contains("Received Final Find Response (Cancel");
        }
    }
}
