package org.hrnode.node.peers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hrnode.dicom.dict.UID;
import org.hrnode.dicom.testing.TestData;
import org.hrnode.storage.index.StoredInstanceRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Real files through the node's DIMSE front door and back, with DCMTK on the other side: storescu sends them over
 * parallel associations, getscu (per study and transfer syntax) and movescu (to a storescp) bring them back, and
 * every instance must come back in the syntax it was sent in with the stored data set bytes, and equal to the
 * original file attribute for attribute. Subclasses choose the blob store and the files, and start the node with
 * {@code --lossy-images accept}: this suite is about every transfer syntax travelling unchanged, lossy ones included;
 * the lossless rule itself is {@link LosslessIngestTest}'s.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DcmtkRoundTrip {

    static final String STORE_AE_TITLE = "STORESCU";
    /** Parallel storescu associations; the machine running the suite may have only two cores. */
    private static final int LANES = 3;
    private static final int DATA_SET_DOES_NOT_MATCH_SOP_CLASS = 0xA900;

    /**
     * Well-formed real-world files storescu does not send, and why. None of them reaches the node: what the node
     * itself refuses is tested with files made for it below.
     */
    static final Map<String, String> NOT_SENT_BY_STORESCU = Map.ofEntries(
            Map.entry("UN_sequence.dcm", fragment()),
            Map.entry("empty_charset_LEI.dcm", fragment()),
            Map.entry("meta_missing_tsyntax.dcm", fragment()),
            Map.entry("nested_priv_SQ.dcm", fragment()),
            Map.entry("no_meta_group_length.dcm", fragment()),
            Map.entry("priv_SQ.dcm", fragment()),
            Map.entry("chrSQEncoding.dcm", fragment()),
            Map.entry("chrSQEncoding1.dcm", fragment()),
            Map.entry("DICOMDIR", dicomdir()),
            Map.entry("DICOMDIR-bigEnd", dicomdir()),
            Map.entry("DICOMDIR-empty.dcm", dicomdir()),
            Map.entry("DICOMDIR-implicit", dicomdir()),
            Map.entry("DICOMDIR-nopatient", dicomdir()),
            Map.entry("DICOMDIR-reordered", dicomdir()),
            Map.entry("SC_rgb_jpeg.dcm", "its meta says Explicit VR Little Endian, its data set is Implicit VR:"
                    + " DCMTK refuses to read it (pydicom and our reader follow the bytes)"),
            Map.entry("rtdose_rle.dcm", allUn()),
            Map.entry("rtdose_rle_1frame.dcm", allUn()));

    private static String fragment() {
        return "a data set fragment without SOP Class and Instance UID: no composite object to send";
    }

    private static String dicomdir() {
        return "a DICOMDIR: its UIDs are in the File Meta Information only; a media index, not sent by C-STORE";
    }

    private static String allUn() {
        return "every element has VR UN in Explicit VR (gdcmconv): DCMTK finds no SOP Class UID in it";
    }

    Path work;
    NodeUnderTest node;
    SendPlan plan;
    final Map<Path, StoreScu.Answer> answers = new LinkedHashMap<>();
    final List<PeerProcess.Result> storeRuns = new ArrayList<>();
    Map<String, InstanceFile> current;

    /** Starts what the node stores into, then the node, under {@code dir}. */
    abstract NodeUnderTest startNode(Path dir) throws Exception;

    /** The files to send. */
    abstract List<Path> files();

    /** Where the node's blobs end up as files, to count them. */
    abstract Path blobDirectory();

    /** Stops what {@link #startNode} started besides the node. */
    void stopStorage() throws Exception {
    }

    @BeforeAll
    void sendTheFiles() throws Exception {
        PeerProcess.require("storescu", "getscu", "movescu", "storescp", "dcmodify");
        work = Files.createTempDirectory("hrnode-roundtrip");
        node = startNode(work.resolve("node")).allowCallers(STORE_AE_TITLE, RetrieveScu.GET_AE_TITLE,
                RetrieveScu.MOVE_AE_TITLE);
        plan = SendPlan.of(files(), LANES);
        for (StoreScu.Report report : StoreScu.sendConcurrently(node.port(), STORE_AE_TITLE, plan.lanes(), work)) {
            answers.putAll(report.answers());
            storeRuns.add(report.run());
        }
        List<Path> stored = plan.files().stream().filter(f -> answerFor(f).isSuccess()).toList();
        current = plan.currentVersions(stored);
        System.out.printf("storescu: %d files over %d associations, %d stored, %d instances current%n",
                plan.files().size(), plan.lanes().size(), stored.size(), current.size());
    }

    @AfterAll
    void stop() throws Exception {
        try {
            if (node != null) {
                node.close();
            }
        } finally {
            try {
                stopStorage();
            } finally {
                deleteRecursively(work);
            }
        }
    }

    StoreScu.Answer answerFor(Path file) {
        return answers.getOrDefault(file, new StoreScu.Answer(StoreScu.Answer.NOT_SENT, "not sent by storescu"));
    }

    @Test
    void everyFileIsStoredExceptThoseStorescuCannotSend() {
        assertThat(storeRuns).allSatisfy(run -> assertThat(run.exitCode()).as(run.output()).isZero());
        List<String> problems = new ArrayList<>();
        for (Path file : plan.files()) {
            String name = file.getFileName().toString();
            StoreScu.Answer answer = answerFor(file);
            if (NOT_SENT_BY_STORESCU.containsKey(name)) {
                if (answer.status() != StoreScu.Answer.NOT_SENT) {
                    problems.add(TestData.shortName(file) + " was declared unsendable ("
                            + NOT_SENT_BY_STORESCU.get(name) + ") but storescu got status " + hex(answer.status()));
                }
            } else if (!answer.isSuccess()) {
                problems.add(TestData.shortName(file) + ": status " + hex(answer.status()) + " " + answer.comment());
            }
        }
        assertThat(problems).isEmpty();
        assertThat(current).isNotEmpty();
    }

    @Test
    void theNodeHoldsTheLastFileSentOfEveryInstanceAndNothingElse() throws IOException {
        List<String> problems = new ArrayList<>();
        for (InstanceFile file : current.values()) {
            StoredInstanceRef ref = node.instance(file.sopInstanceUid()).orElse(null);
            if (ref == null) {
                problems.add(file.shortName() + ": not in the index");
                continue;
            }
            if (!ref.transferSyntaxUid().equals(file.transferSyntaxUid())
                    || !ref.studyInstanceUid().equals(file.studyInstanceUid())) {
                problems.add(file.shortName() + ": indexed as " + ref);
            }
            String difference = RoundTripCheck.differenceFromOriginal(
                    Part10DataSet.datasetOf(node.storedObject(ref)), file);
            if (difference != null) {
                problems.add(file.shortName() + ": stored data set differs from the file at " + difference);
            }
        }
        assertThat(problems).isEmpty();
        assertThat(node.instancesOfStudies(studies(current.values())))
                .extracting(StoredInstanceRef::sopInstanceUid)
                .containsExactlyInAnyOrderElementsOf(current.keySet());
    }

    /**
     * getscu brings back each study in each transfer syntax it holds: the whole study where it has one syntax,
     * the instances of one syntax by an IMAGE-level UID list where it has several (getscu negotiates one syntax
     * per SOP class and association).
     */
    @Test
    void getscuReturnsEveryInstanceAsStored() throws Exception {
        RoundTripCheck check = new RoundTripCheck();
        int run = 0;
        for (Map.Entry<String, Map<String, List<InstanceFile>>> study : byStudyAndSyntax(current.values())
                .entrySet()) {
            boolean wholeStudy = study.getValue().size() == 1;
            for (Map.Entry<String, List<InstanceFile>> syntax : study.getValue().entrySet()) {
                List<String> uids = syntax.getValue().stream().map(InstanceFile::sopInstanceUid).toList();
                List<String> keys = wholeStudy
                        ? List.of("QueryRetrieveLevel=STUDY", "StudyInstanceUID=" + study.getKey())
                        : List.of("QueryRetrieveLevel=IMAGE", "StudyInstanceUID=" + study.getKey(),
                                "SOPInstanceUID=" + String.join("\\", uids));
                Path out = work.resolve("getscu").resolve(Integer.toString(run++));
                PeerProcess.Result result = RetrieveScu.get(node.port(), syntax.getKey(), out, keys);
                if (result.exitCode() != 0) {
                    check.problem("getscu " + keys + " exited with " + result.exitCode() + ":\n" + result.output());
                }
                compareArrivals(check, RetrieveScu.receivedFiles(out), syntax.getValue(),
                        !RetrieveScu.getsAsStored(syntax.getKey()));
            }
        }
        assertThat(check.problems()).isEmpty();
        System.out.printf("getscu: %d runs brought back %d instances, %d byte for byte as stored, %d transcoded"
                + " to Explicit VR LE%n", run, current.size(), check.byteIdentical(), check.transcoded());
        assertThat(check.byteIdentical() + check.transcoded()).isEqualTo(current.size());
        assertThat(check.transcoded()).isEqualTo(current.values().stream()
                .filter(f -> !RetrieveScu.getsAsStored(f.transferSyntaxUid())).count());
    }

    /**
     * movescu sends pydicom's studies (every transfer syntax of the test files) to a storescp. The node proposes
     * each stored syntax, except Big Endian (retired), which it sends as Explicit VR Little Endian.
     */
    @Test
    void movescuToStorescpReturnsTheInstancesAsStored() throws Exception {
        Set<String> pydicomStudies = studies(current.values().stream()
                .filter(f -> f.path().startsWith(TestData.PYDICOM_DATA)).toList());
        List<InstanceFile> moved = current.values().stream()
                .filter(f -> pydicomStudies.contains(f.studyInstanceUid())).toList();
        RoundTripCheck check = new RoundTripCheck();
        try (StorescpPeer storescp = StorescpPeer.start(work.resolve("storescp"))) {
            node.addPeer(StorescpPeer.AE_TITLE, storescp.port());
            for (String study : studies(moved)) {
                List<String> keys = List.of("QueryRetrieveLevel=STUDY", "StudyInstanceUID=" + study);
                PeerProcess.Result result = RetrieveScu.move(node.port(), StorescpPeer.AE_TITLE, keys);
                if (result.exitCode() != 0 || result.linesWith("Failed Suboperations").stream()
                        .anyMatch(line -> !line.strip().endsWith(": 0"))) {
                    check.problem("movescu " + keys + ":\n" + result.output());
                }
            }
            Map<String, Path> arrived = RetrieveScu.receivedFiles(storescp.received());
            for (InstanceFile file : moved) {
                boolean bigEndian = UID.ExplicitVRBigEndian.equals(file.transferSyntaxUid());
                compareArrivals(check, Map.of(file.sopInstanceUid(), arrived.getOrDefault(file.sopInstanceUid(),
                        work.resolve("missing"))), List.of(file), bigEndian);
            }
            assertThat(arrived.keySet()).containsExactlyInAnyOrderElementsOf(
                    moved.stream().map(InstanceFile::sopInstanceUid).toList());
        }
        assertThat(check.problems()).isEmpty();
        assertThat(moved).isNotEmpty();
    }

    @Test
    void resendingWhatIsStoredChangesNothing() throws Exception {
        Map<String, StoredInstanceRef> before = refs();
        long blobsBefore = countFiles(blobDirectory());
        StoreScu.Report again = StoreScu.send(node.port(), STORE_AE_TITLE,
                current.values().stream().map(InstanceFile::path).toList(), work);
        assertThat(again.answers().values()).hasSize(current.size()).allMatch(StoreScu.Answer::isSuccess);
        assertThat(refs()).isEqualTo(before);
        assertThat(countFiles(blobDirectory())).isEqualTo(blobsBefore);
    }

    @Test
    void aChangedInstanceWithTheSameUidBecomesTheNewVersionAndIsWhatComesBack() throws Exception {
        Path first = copyWithFreshUids(TestData.pydicomTestFiles().resolve("CT_small.dcm"));
        InstanceFile v1 = InstanceFile.read(first).orElseThrow();
        assertThat(StoreScu.send(node.port(), STORE_AE_TITLE, List.of(first), work).answerFor(first).isSuccess())
                .isTrue();
        Path second = work.resolve("changed.dcm");
        Files.copy(first, second);
        dcmodify(second, "-i", "ImageComments=second version", "-i", "PatientWeight=71");
        assertThat(StoreScu.send(node.port(), STORE_AE_TITLE, List.of(second), work).answerFor(second).isSuccess())
                .isTrue();

        StoredInstanceRef ref = node.instance(v1.sopInstanceUid()).orElseThrow();
        assertThat(ref.version()).isEqualTo(2);
        Path out = work.resolve("changed-get");
        PeerProcess.Result get = RetrieveScu.get(node.port(), v1.transferSyntaxUid(), out, List.of(
                "QueryRetrieveLevel=IMAGE", "StudyInstanceUID=" + v1.studyInstanceUid(),
                "SOPInstanceUID=" + v1.sopInstanceUid()));
        assertThat(get.exitCode()).as(get.output()).isZero();
        Path back = RetrieveScu.receivedFiles(out).get(v1.sopInstanceUid());
        assertThat(RoundTripCheck.differenceFromOriginal(Part10DataSet.datasetOf(back),
                InstanceFile.read(second).orElseThrow())).isNull();
        assertThat(RoundTripCheck.differenceFromOriginal(Part10DataSet.datasetOf(back), v1)).isNotNull();
    }

    /** An object without Study or Series Instance UID cannot be filed: A900 with the reason, nothing stored. */
    @Test
    void anObjectWithoutStudyOrSeriesUidIsRefusedWithTheReason() throws Exception {
        Path noStudy = copyWithFreshUids(TestData.pydicomTestFiles().resolve("MR_small.dcm"));
        dcmodify(noStudy, "-ea", "StudyInstanceUID");
        Path noSeries = copyWithFreshUids(TestData.pydicomTestFiles().resolve("MR_small.dcm"));
        dcmodify(noSeries, "-ea", "SeriesInstanceUID");
        StoreScu.Report report = StoreScu.send(node.port(), STORE_AE_TITLE, List.of(noStudy, noSeries), work);
        for (Path file : List.of(noStudy, noSeries)) {
            StoreScu.Answer answer = report.answerFor(file);
            assertThat(answer.status()).as(report.run().output()).isEqualTo(DATA_SET_DOES_NOT_MATCH_SOP_CLASS);
            assertThat(answer.comment()).contains("lacks Study Instance UID or Series Instance UID");
            assertThat(node.instance(InstanceFile.read(file).orElseThrow().sopInstanceUid())).isEmpty();
        }
    }

    /** A copy of {@code original} under {@link #work} with new Study, Series and SOP Instance UIDs. */
    Path copyWithFreshUids(Path original) throws IOException, InterruptedException {
        Path copy = Files.createTempFile(work, "copy", ".dcm");
        Files.copy(original, copy, StandardCopyOption.REPLACE_EXISTING);
        // dcmodify updates the File Meta Information's Media Storage SOP Instance UID with it
        dcmodify(copy, "-i", "StudyInstanceUID=" + freshUid(), "-i", "SeriesInstanceUID=" + freshUid(), "-i",
                "SOPInstanceUID=" + freshUid());
        return copy;
    }

    static void dcmodify(Path file, String... edits) throws IOException, InterruptedException {
        PeerProcess.Result r = PeerProcess.run(PeerProcess.args("dcmodify", "-nb", List.of(edits), file));
        assertThat(r.exitCode()).as(r.output()).isZero();
    }

    /** A UID under the 2.25 root (a UUID as a decimal integer), unique without a registered root. */
    static String freshUid() {
        UUID uuid = UUID.randomUUID();
        ByteBuffer bytes = ByteBuffer.allocate(Long.BYTES * 2).putLong(uuid.getMostSignificantBits())
                .putLong(uuid.getLeastSignificantBits());
        return "2.25." + new BigInteger(1, bytes.array());
    }

    private Map<String, StoredInstanceRef> refs() {
        Map<String, StoredInstanceRef> byUid = new HashMap<>();
        for (StoredInstanceRef ref : node.instancesOfStudies(studies(current.values()))) {
            byUid.put(ref.sopInstanceUid(), ref);
        }
        return byUid;
    }

    private void compareArrivals(RoundTripCheck check, Map<String, Path> arrived, List<InstanceFile> expected,
            boolean transcodingAllowed) throws IOException {
        for (InstanceFile file : expected) {
            Path got = arrived.get(file.sopInstanceUid());
            if (got == null || !Files.exists(got)) {
                check.problem(file.shortName() + " (" + file.sopInstanceUid() + "): did not arrive");
                continue;
            }
            StoredInstanceRef ref = node.instance(file.sopInstanceUid()).orElseThrow();
            check.check(got, file, node.storedObject(ref), transcodingAllowed);
        }
        Set<String> expectedUids = expected.stream().map(InstanceFile::sopInstanceUid).collect(Collectors.toSet());
        for (String uid : arrived.keySet()) {
            if (!expectedUids.contains(uid)) {
                check.problem(uid + " arrived unasked");
            }
        }
    }

    static Set<String> studies(Collection<InstanceFile> files) {
        return files.stream().map(InstanceFile::studyInstanceUid).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Map<String, Map<String, List<InstanceFile>>> byStudyAndSyntax(
            Collection<InstanceFile> files) {
        Map<String, Map<String, List<InstanceFile>>> grouped = new TreeMap<>();
        for (InstanceFile f : files) {
            grouped.computeIfAbsent(f.studyInstanceUid(), k -> new TreeMap<>())
                    .computeIfAbsent(f.transferSyntaxUid(), k -> new ArrayList<>()).add(f);
        }
        return grouped;
    }

    static String hex(int status) {
        return status == StoreScu.Answer.NOT_SENT ? "(not sent)" : String.format("%04X", status);
    }

    static long countFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
