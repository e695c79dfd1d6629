package org.hrnode.node.peers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.hrnode.dicom.dict.UID;
import org.hrnode.dicom.testing.TestData;
import org.junit.jupiter.api.Test;

/** {@link DcmtkRoundTrip} with every well-formed real-world file, blobs in the node's data directory. */
class DcmtkRoundTripFileSystemTest extends DcmtkRoundTrip {

    @Override
    NodeUnderTest startNode(Path dir) throws Exception {
        return NodeUnderTest.start(dir, "--lossy-images", "accept");
    }

    @Override
    List<Path> files() {
        return TestData.wellFormedRealWorldFiles();
    }

    @Override
    Path blobDirectory() {
        return node.node().config().blobDir();
    }

    /**
     * A DICOMDIR indexes a piece of media and is never sent by C-STORE; given the SOP Class and Instance UIDs
     * storescu needs to send one anyway, the node does not negotiate its SOP class, so nothing is transferred.
     */
    @Test
    void aDicomdirIsNotNegotiated() throws Exception {
        Path dicomdir = Files.createTempFile(work, "DICOMDIR", "");
        Files.copy(TestData.pydicomTestFiles().resolve("dicomdirtests/DICOMDIR"), dicomdir,
                StandardCopyOption.REPLACE_EXISTING);
        dcmodify(dicomdir, "-i", "SOPClassUID=" + UID.MediaStorageDirectoryStorage, "-i",
                "SOPInstanceUID=" + freshUid());
        StoreScu.Report report = StoreScu.send(node.port(), STORE_AE_TITLE, List.of(dicomdir), work);
        assertThat(report.answerFor(dicomdir).status()).as(report.run().output())
                .isEqualTo(StoreScu.Answer.NOT_SENT);
        assertThat(report.run().output()).contains("(Abstract Syntax Not Supported)")
                .contains("No Acceptable Presentation Contexts");
    }

    /** PS3.4 C.4.2.1.4.1: a C-MOVE to an AE title the node does not know ends with A801, and nothing is sent. */
    @Test
    void moveToAnUnregisteredDestinationIsRefused() throws Exception {
        String study = current.values().iterator().next().studyInstanceUid();
        PeerProcess.Result result = RetrieveScu.move(node.port(), "NOWHERE", List.of("QueryRetrieveLevel=STUDY",
                "StudyInstanceUID=" + study));
        assertThat(result.output()).contains("Move Response (Refused: MoveDestinationUnknown)");
    }
}
