package org.hrnode.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hrnode.dicom.dict.Tag;
import org.hrnode.dicom.dict.UID;
import org.hrnode.dicom.io.DicomFile;
import org.hrnode.dicom.io.DicomReader;
import org.hrnode.dicom.testing.ExternalTool;
import org.hrnode.dicom.testing.TestData;
import org.hrnode.node.app.NodeStorage;
import org.hrnode.node.config.ConfigLoader;
import org.hrnode.node.testing.DataSetDigest;
import org.hrnode.node.testing.Dcmtk;
import org.hrnode.node.testing.NodeProcess;
import org.hrnode.storage.index.StoredInstanceRef;
import org.hrnode.storage.index.query.QueryLevel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./hrnode import} as an operator uses it: pydicom's real-world test files (every file counted, every
 * instance stored and readable back unchanged, pydicom as the independent judge of what each file is), a
 * re-import, a directory of junk, and an import beside a running node whose results DCMTK then finds and
 * retrieves.
 */
class ImportCommandTest {

    /** For each file: meta SOP Class, meta SOP Instance, data set SOP Class, data set SOP Instance, study+series. */
    private static final String PYDICOM_IDENTITIES = """
            import os, sys, warnings
            import pydicom
            warnings.simplefilter("ignore")
            def uid(d, k):
                return str(getattr(d, k, "") or "").strip(" \\0") if d is not None else ""
            for root, dirs, files in os.walk(sys.argv[1]):
                for f in files:
                    p = os.path.join(root, f)
                    try:
                        ds = pydicom.dcmread(p, force=True)
                    except Exception:
                        continue
                    meta = getattr(ds, "file_meta", None)
                    both = "StudyInstanceUID" in ds and "SeriesInstanceUID" in ds
                    print(p, uid(meta, "MediaStorageSOPClassUID"), uid(meta, "MediaStorageSOPInstanceUID"),
                          uid(ds, "SOPClassUID"), uid(ds, "SOPInstanceUID"), "1" if both else "0", sep="\\t")
            """;

    private static final List<String> KEEP_ALL_AS_SENT = List.of("--lossy-images", "accept", "--uncompressed",
            "accept");

    @TempDir
    Path tmp;

    /** What one import printed. */
    record Run(int status, String out, String err) {

        int count(String label) {
            Matcher m = Pattern.compile("^  " + Pattern.quote(label) + " +(\\d+)", Pattern.MULTILINE).matcher(out);
            assertThat(m.find()).as("summary line '%s' in:%n%s", label, out).isTrue();
            return Integer.parseInt(m.group(1));
        }

        /** The files named on stderr with {@code prefix} ("refused ", "not DICOM "). */
        Set<Path> named(String prefix) {
            return err.lines().filter(l -> l.startsWith(prefix))
                    .map(l -> Path.of(l.substring(prefix.length(), l.indexOf(": ", prefix.length()))))
                    .collect(Collectors.toSet());
        }
    }

    /**
     * Imports with the node's image rules relaxed, as a node outside the programme runs: every readable instance is
     * stored as it is, so what is counted here is import itself; the rules have their own tests.
     */
    private static Run importInto(Path dataDir, Path dir) {
        return importInto(dataDir, dir, KEEP_ALL_AS_SENT);
    }

    private static Run importInto(Path dataDir, Path dir, List<String> rules) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> args = new ArrayList<>(List.of(dir.toString(), "--data-dir", dataDir.toString()));
        args.addAll(rules);
        int status = new ImportCommand(Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false).run(args);
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void pydicomTestFilesAreEachAccountedForAndEveryInstanceIsStoredUnchanged() throws Exception {
        Path source = TestData.pydicomTestFiles();
        TestData.require(Files.isExecutable(TestData.SYSTEM_PYTHON), "Debian python3 with pydicom");
        Expectation expected = Expectation.fromPydicom(source);
        Path dataDir = tmp.resolve("data");

        Run run = importInto(dataDir, source);

        assertThat(run.status()).as("exit status with refusals; stderr:%n%s", run.err()).isEqualTo(1);
        assertThat(run.named("not DICOM ")).isEqualTo(expected.notDicom());
        assertThat(run.named("refused ")).isEqualTo(expected.refused());
        assertThat(run.count("DICOMDIR")).isEqualTo(expected.dicomdirs());
        assertThat(run.count("stored")).isEqualTo(expected.currentFile().size());
        assertThat(run.count("stored") + run.count("new versions") + run.count("duplicates"))
                .isEqualTo(expected.importable());
        assertThat(run.count("stored") + run.count("new versions") + run.count("duplicates") + run.count("refused")
                + run.count("not DICOM") + run.count("DICOMDIR")).isEqualTo(expected.files());
        assertStoredAsTheLastFileOfEachInstance(dataDir, expected.currentFile());
    }

    @Test
    void importingTheSameFilesAgainFindsOnlyDuplicates() throws Exception {
        Path source = TestData.pydicomTestFiles().resolve("dicomdirtests");
        Path dataDir = tmp.resolve("data");

        Run first = importInto(dataDir, source);
        Run second = importInto(dataDir, source);

        assertThat(first.status()).as(first.err()).isZero();
        assertThat(first.count("stored")).isPositive();
        assertThat(second.status()).as(second.err()).isZero();
        assertThat(second.count("stored")).isZero();
        assertThat(second.count("new versions")).isZero();
        assertThat(second.count("duplicates")).isEqualTo(first.count("stored"));
        assertThat(second.count("not DICOM")).isEqualTo(first.count("not DICOM"));
    }

    @Test
    void theNodesLosslessRuleAppliesToImportedFiles() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("films"));
        Files.copy(TestData.pydicomTestFiles().resolve("JPEG-lossy.dcm"), dir.resolve("lossy.dcm"));
        Files.copy(TestData.pydicomTestFiles().resolve("MR_small_jpeg_ls_lossless.dcm"), dir.resolve("lossless.dcm"));

        Run run = importInto(tmp.resolve("data"), dir, List.of());

        assertThat(run.status()).as(run.err()).isEqualTo(1);
        assertThat(run.count("stored")).isEqualTo(1);
        assertThat(run.named("refused ")).containsExactly(dir.resolve("lossy.dcm"));
        assertThat(run.out()).containsPattern("(?m)^    lossy +1$");
    }

    @Test
    void junkIsCountedAsNotDicomAndASymlinkLoopIsNotFollowed() throws Exception {
        Path ct = TestData.pydicomTestFiles().resolve("CT_small.dcm");
        Path dir = Files.createDirectories(tmp.resolve("media/sub"));
        Files.copy(ct, dir.resolve("IM0001"));
        Files.createSymbolicLink(dir.resolve("IM0001-link"), dir.resolve("IM0001"));
        Files.createSymbolicLink(dir.resolve("loop"), dir.getParent());
        Files.write(dir.resolve("empty"), new byte[0]);
        byte[] random = new byte[4096];
        new Random(1).nextBytes(random);
        Files.write(dir.resolve("random.bin"), random);
        Files.writeString(dir.resolve("notes.dcm"), "Patient brought films from another hospital.\n");
        byte[] whole = Files.readAllBytes(ct);
        Files.write(dir.resolve("cut-short.dcm"), Arrays.copyOf(whole, whole.length / 2));

        Run run = importInto(tmp.resolve("data"), dir.getParent());

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.count("stored")).isEqualTo(1);
        assertThat(run.count("duplicates")).as("the same file through a symbolic link").isEqualTo(1);
        assertThat(run.named("not DICOM ")).containsExactlyInAnyOrder(dir.resolve("empty"),
                dir.resolve("random.bin"), dir.resolve("notes.dcm"), dir.resolve("cut-short.dcm"));
        assertThat(run.err()).contains(dir.resolve("loop") + ": symbolic link loop, not followed");
    }

    @Test
    void importBesideARunningNodeIsFoundAndRetrievedThroughIt() throws Exception {
        ExternalTool.require("findscu");
        ExternalTool.require("getscu");
        Path series = TestData.pydicomTestFiles().resolve("dicomdirtests/TINY_ALPHA/PT000000/ST000000/SE000000");
        Map<String, Path> bySopInstance = new LinkedHashMap<>();
        String study = null;
        for (Path file : filesUnder(series)) {
            DicomFile dicom = DicomReader.readFile(file);
            bySopInstance.put(dicom.dataset().getString(Tag.SOPInstanceUID), file);
            study = dicom.dataset().getString(Tag.StudyInstanceUID);
        }
        Path dataDir = tmp.resolve("data");
        try (NodeProcess node = NodeProcess.start(dataDir, KEEP_ALL_AS_SENT)) {
            Run run = importInto(dataDir, series);

            assertThat(run.status()).as(run.err()).isZero();
            assertThat(run.err()).contains("importing beside it");
            assertThat(run.count("stored")).isEqualTo(bySopInstance.size());
            String port = Integer.toString(node.dicomPort());
            Dcmtk.Result found = Dcmtk.run("findscu", "-S", "-aec", "HRNODE", "-k", "QueryRetrieveLevel=STUDY",
                    "-k", "StudyInstanceUID=" + study, "-k", "NumberOfStudyRelatedInstances", "127.0.0.1", port);
            assertThat(found.exitCode()).as(found.output()).isZero();
            assertThat(found.output()).containsPattern("\\[" + bySopInstance.size()
                    + "\\] .*NumberOfStudyRelatedInstances");
            Path got = Files.createDirectory(tmp.resolve("got"));
            Dcmtk.Result retrieved = Dcmtk.run("getscu", "-S", "+B", "-aec", "HRNODE", "-od", got.toString(), "-k",
                    "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID=" + study, "127.0.0.1", port);
            assertThat(retrieved.exitCode()).as(retrieved.output()).isZero();
            Map<String, String> received = new LinkedHashMap<>();
            for (Path file : filesUnder(got)) {
                DicomFile dicom = DicomReader.readFile(file);
                received.put(dicom.dataset().getString(Tag.SOPInstanceUID),
                        DataSetDigest.ofFile(file));
            }
            assertThat(received.keySet()).isEqualTo(bySopInstance.keySet());
            for (Map.Entry<String, Path> sent : bySopInstance.entrySet()) {
                assertThat(received.get(sent.getKey())).as("data set of %s", sent.getValue().getFileName())
                        .isEqualTo(DataSetDigest.ofFile(sent.getValue()));
            }
        }
    }

    private static void assertStoredAsTheLastFileOfEachInstance(Path dataDir, Map<String, Path> currentFile)
            throws Exception {
        try (NodeStorage storage = NodeStorage.openAsOwner(new ConfigLoader(Map.of())
                .load(List.of("--data-dir", dataDir.toString())))) {
            List<StoredInstanceRef> refs = storage.index().instancesOf(QueryLevel.IMAGE,
                    List.copyOf(currentFile.keySet()));
            assertThat(refs).hasSize(currentFile.size());
            for (StoredInstanceRef ref : refs) {
                Path file = currentFile.get(ref.sopInstanceUid());
                assertThat(DataSetDigest.ofBlob(storage.blobs(), ref.blobKey())).as("stored data set of %s", file)
                        .isEqualTo(DataSetDigest.ofFile(file));
            }
        }
    }

    private static List<Path> filesUnder(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    /**
     * What importing a directory must give, from pydicom's reading of each file and the suite's list of files that
     * are not DICOM or broken ({@link TestData}): which files are not DICOM, which are refused (no SOP UIDs, the
     * meta naming another instance than the data set, no study or series), how many DICOMDIRs, and for each
     * instance the file that ends up as its current version (the last in path order; earlier files with the same
     * UID are versions or duplicates).
     */
    record Expectation(int files, Set<Path> notDicom, Set<Path> refused, int dicomdirs, int importable,
            Map<String, Path> currentFile) {

        static Expectation fromPydicom(Path dir) throws Exception {
            List<Path> all = filesUnder(dir);
            Set<Path> dicom = new HashSet<>(TestData.dicomFilesUnder(dir));
            Set<Path> notDicom = all.stream().filter(p -> !dicom.contains(p) || TestData.isMalformed(p))
                    .collect(Collectors.toSet());
            ExternalTool.Result identities = ExternalTool.run(TestData.SYSTEM_PYTHON.toString(), "-c",
                    PYDICOM_IDENTITIES, dir.toString());
            assertThat(identities.exitCode()).as(identities.stderr()).isZero();
            Map<Path, String[]> byFile = identities.stdout().lines().map(l -> l.split("\t", -1))
                    .collect(Collectors.toMap(f -> Path.of(f[0]), f -> f));
            Set<Path> refused = new HashSet<>();
            Map<String, Path> current = new LinkedHashMap<>();
            int dicomdirs = 0;
            int importable = 0;
            for (Path file : all) {
                if (notDicom.contains(file)) {
                    continue;
                }
                String[] f = byFile.get(file);
                String sopClass = f[1].isEmpty() ? f[3] : f[1];
                String sopInstance = f[2].isEmpty() ? f[4] : f[2];
                if (UID.MediaStorageDirectoryStorage.equals(f[1])) {
                    dicomdirs++;
                } else if (sopClass.isEmpty() || sopInstance.isEmpty() || !sopClass.equals(f[3])
                        || !sopInstance.equals(f[4]) || !"1".equals(f[5])) {
                    refused.add(file);
                } else {
                    importable++;
                    current.put(sopInstance, file);
                }
            }
            return new Expectation(all.size(), notDicom, refused, dicomdirs, importable, current);
        }
    }
}
