package org.hrnode.node.peers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hrnode.dicom.dict.Tag;
import org.hrnode.dicom.testing.TestData;
import org.hrnode.storage.index.StoredInstanceRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Orthanc's DICOMweb plugin as an independent STOW-RS client: Orthanc holds a few studies (CT, lossless JPEG 2000
 * and JPEG-LS, a GB18030 Chinese name) and sends them to the node with its {@code /dicom-web/servers/…/stow}; the
 * node stores every instance with the data set bytes Orthanc holds.
 */
class OrthancStowTest {

    @TempDir
    static Path work;
    private static NodeUnderTest node;
    private static OrthancPeer orthanc;
    /** SOP Instance UID → the Part 10 file as Orthanc holds it; Orthanc id by UID. */
    private static final Map<String, byte[]> HELD = new LinkedHashMap<>();
    private static final Map<String, String> ORTHANC_IDS = new LinkedHashMap<>();

    @BeforeAll
    static void startNodeAndOrthanc() throws Exception {
        node = NodeUnderTest.start(work.resolve("node"), "--uncompressed", "accept");
        URI dicomWeb = URI.create("http://" + NodeUnderTest.LOOPBACK + ":" + node.node().httpPort() + "/dicomweb/");
        orthanc = OrthancPeer.startWithDicomWeb(Files.createDirectories(work.resolve("orthanc")),
                NodeUnderTest.AE_TITLE, node.port(), dicomWeb);
        Path shared = TestData.sharedData();
        for (Path file : List.of(shared.resolve("ct-head-ge/01.dcm"), shared.resolve("ct-head-ge/02.dcm"),
                shared.resolve("wg04/J2KR/CT1_J2KR"), shared.resolve("wg04/JLSL/MR1_JLSL"),
                shared.resolve("charset/chrX2.dcm"))) {
            TestData.require(Files.isReadable(file), file.toString());
            String id = orthanc.upload(file);
            byte[] held = orthanc.file(id);
            String uid = Part10DataSet.datasetOf(held).getString(Tag.SOPInstanceUID);
            HELD.put(uid, held);
            ORTHANC_IDS.put(uid, id);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (orthanc != null) {
                orthanc.close();
            }
        } finally {
            if (node != null) {
                node.close();
            }
        }
    }

    @Test
    void orthancStoresItsInstancesInTheNodeByStowRs() throws Exception {
        JsonNode answer = orthanc.post("/dicom-web/servers/" + OrthancPeer.NODE_MODALITY + "/stow",
                Map.of("Resources", List.copyOf(ORTHANC_IDS.values()), "Synchronous", true));
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, byte[]> held : HELD.entrySet()) {
            var ref = node.instance(held.getKey());
            if (ref.isEmpty()) {
                problems.add(held.getKey() + ": not stored (Orthanc answered " + answer + ")");
                continue;
            }
            StoredInstanceRef stored = ref.get();
            if (!Arrays.equals(Part10DataSet.of(node.storedObject(stored)).bytes(),
                    Part10DataSet.of(held.getValue()).bytes())) {
                problems.add(held.getKey() + ": stored data set differs from Orthanc's");
            }
        }
        assertThat(problems).as(orthanc.logTail()).isEmpty();
    }
}
