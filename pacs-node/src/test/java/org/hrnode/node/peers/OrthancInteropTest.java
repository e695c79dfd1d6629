package org.hrnode.node.peers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.dict.Tag;
import org.hrnode.dicom.testing.TestData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Orthanc 1.10 as a peer archive, driven through its REST API: it pushes instances to the node (C-STORE), finds them
 * there (C-FIND, a Chinese name in UTF-8), forgets them, and gets them back by a C-MOVE it initiates, with the node
 * sending to Orthanc's own DICOM port. What comes back must be what Orthanc had: same transfer syntax and data set
 * bytes, attribute for attribute equal. The steps build on each other and run in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OrthancInteropTest {

    @TempDir
    static Path work;
    private static NodeUnderTest node;
    private static OrthancPeer orthanc;
    /** Orthanc's own file of each instance before it went to the node, by SOP Instance UID. */
    private static final Map<String, byte[]> ORIGINALS = new LinkedHashMap<>();
    private static final Map<String, String> ORTHANC_IDS = new LinkedHashMap<>();
    /** What the node stored of each instance Orthanc pushed, by SOP Instance UID. */
    private static final Map<String, byte[]> STORED = new LinkedHashMap<>();

    static List<Path> files() {
        Path pydicom = TestData.pydicomTestFiles();
        Path shared = TestData.sharedData();
        return List.of(pydicom.resolve("CT_small.dcm"), pydicom.resolve("MR_small_implicit.dcm"),
                pydicom.resolve("rtplan.dcm"), pydicom.resolve("SC_rgb_rle.dcm"), pydicom.resolve("JPEG2000.dcm"),
                shared.resolve("charset/chrX2.dcm"), shared.resolve("ct-head-ge/01.dcm"),
                shared.resolve("ct-head-ge/02.dcm"), shared.resolve("ct-head-ge/03.dcm"),
                shared.resolve("wg04/JLSL/MR1_JLSL"));
    }

    @BeforeAll
    static void startNodeAndOrthanc() throws Exception {
        node = NodeUnderTest.start(work.resolve("node"), "--lossy-images", "accept"); // JPEG2000.dcm is lossy
        orthanc = OrthancPeer.start(Files.createDirectories(work.resolve("orthanc")), NodeUnderTest.AE_TITLE,
                node.port());
        node.addPeer(OrthancPeer.AE_TITLE, orthanc.dicomPort());
        for (Path file : files()) {
            String id = orthanc.upload(file);
            byte[] held = orthanc.file(id);
            String uid = Part10DataSet.datasetOf(held).getString(Tag.SOPInstanceUID);
            ORIGINALS.put(uid, held);
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
    @Order(1)
    void orthancEchoesTheNode() throws Exception {
        orthanc.post("/modalities/" + OrthancPeer.NODE_MODALITY + "/echo", Map.of());
    }

    @Test
    @Order(2)
    void orthancPushesInstancesAndTheNodeIndexesThemUnchanged() throws Exception {
        JsonNode job = orthanc.post("/modalities/" + OrthancPeer.NODE_MODALITY + "/store",
                Map.of("Resources", List.copyOf(ORTHANC_IDS.values()), "Synchronous", true));
        assertThat(job.get("FailedInstancesCount").asInt()).as(job.toString()).isZero();
        assertThat(job.get("InstancesCount").asInt()).isEqualTo(ORIGINALS.size());
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, byte[]> original : ORIGINALS.entrySet()) {
            var ref = node.instance(original.getKey());
            if (ref.isEmpty()) {
                problems.add(original.getKey() + ": not indexed");
                continue;
            }
            byte[] stored = node.storedObject(ref.get());
            STORED.put(original.getKey(), stored);
            String difference = RoundTripCheck.differenceIgnoringPadding(Part10DataSet.datasetOf(stored),
                    Part10DataSet.datasetOf(original.getValue()));
            if (difference != null) {
                problems.add(original.getKey() + ": stored data set differs at " + difference);
            }
        }
        assertThat(problems).isEmpty();
    }

    /** Orthanc's C-FIND in UTF-8 finds chrX2's study by its Chinese patient name (stored from GB18030). */
    @Test
    @Order(3)
    void orthancFindsAStudyByAChinesePatientName() throws Exception {
        JsonNode query = orthanc.post("/modalities/" + OrthancPeer.NODE_MODALITY + "/query",
                Map.of("Level", "Study", "Query", Map.of("PatientName", "王*", "StudyInstanceUID", "")));
        JsonNode answers = orthanc.get(query.get("Path").asText() + "/answers?expand");
        List<String> studies = new ArrayList<>();
        answers.forEach(a -> studies.add(a.get("0020,000d").get("Value").asText()));
        Dataset chrX2 = Part10DataSet.datasetOf(TestData.sharedData().resolve("charset/chrX2.dcm"));
        assertThat(studies).containsExactly(chrX2.getString(Tag.StudyInstanceUID));
    }

    /**
     * Orthanc forgets the instances and asks the node to C-MOVE each study to it: every instance arrives as Orthanc
     * had it, attribute for attribute, in the transfer syntax Orthanc sent it in and with the data set bytes Orthanc
     * sent (which are DCMTK's encoding of its file: trailing padding dropped, lengths re-encoded).
     */
    @Test
    @Order(4)
    void orthancMovesTheStudiesBackAndGetsWhatItHad() throws Exception {
        for (String id : ORTHANC_IDS.values()) {
            orthanc.delete("/instances/" + id);
        }
        assertThat(orthanc.instances()).isEmpty();
        TreeSet<String> studies = new TreeSet<>();
        for (byte[] original : ORIGINALS.values()) {
            studies.add(Part10DataSet.datasetOf(original).getString(Tag.StudyInstanceUID));
        }
        for (String study : studies) {
            orthanc.post("/modalities/" + OrthancPeer.NODE_MODALITY + "/move", Map.of("Level", "Study",
                    "Resources", List.of(Map.of("StudyInstanceUID", study)), "TargetAet", OrthancPeer.AE_TITLE));
        }
        Map<String, byte[]> back = new LinkedHashMap<>();
        for (String id : orthanc.instances()) {
            byte[] file = orthanc.file(id);
            back.put(Part10DataSet.datasetOf(file).getString(Tag.SOPInstanceUID), file);
        }
        assertThat(back.keySet()).containsExactlyInAnyOrderElementsOf(ORIGINALS.keySet());
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, byte[]> original : ORIGINALS.entrySet()) {
            problems.addAll(sameInstance(original.getKey(), original.getValue(), STORED.get(original.getKey()),
                    back.get(original.getKey())));
        }
        assertThat(problems).isEmpty();
    }

    private static List<String> sameInstance(String uid, byte[] original, byte[] sent, byte[] after)
            throws IOException {
        List<String> problems = new ArrayList<>();
        Part10DataSet was = Part10DataSet.of(sent);
        Part10DataSet is = Part10DataSet.of(after);
        if (!was.transferSyntaxUid().equals(is.transferSyntaxUid())
                || !is.transferSyntaxUid().equals(Part10DataSet.of(original).transferSyntaxUid())) {
            problems.add(uid + ": came back in " + is.transferSyntaxUid() + ", was " + was.transferSyntaxUid());
        } else if (was.firstByteDifference(is) != null) {
            problems.add(uid + ": data set bytes differ from those Orthanc sent " + was.firstByteDifference(is));
        }
        String difference = RoundTripCheck.differenceIgnoringPadding(Part10DataSet.datasetOf(after),
                Part10DataSet.datasetOf(original));
        if (difference != null) {
            problems.add(uid + ": differs at " + difference);
        }
        return problems;
    }
}
