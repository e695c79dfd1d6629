package org.hrnode.node.peers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.dict.Tag;
import org.hrnode.dicom.io.DicomReader;
import org.hrnode.dicom.io.ReadOptions;
import org.hrnode.dicom.testing.TestData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DCMTK findscu against the node, Patient Root (-P) and Study Root (-S), at every level: single values, wildcards,
 * date ranges, UID lists, Chinese names in UTF-8, the computed attributes (counts, Modalities in Study), and
 * C-CANCEL. The node holds a known set of real files; what each query should find is worked out from the files'
 * own headers, and a few answers are spelled out.
 */
class DcmtkFindTest {

    private static final String CT_HEAD_STUDY = "1.2.826.0.1.3680043.9.4245.1760717064491086528325869788156915668";
    private static final String MULTI_SERIES_PATIENT = "98890234";
    private static final String TWO_STUDY_PATIENT = "77654033";
    /** About two queries in three ended with Cancel in trials; twenty tries make a miss negligible. */
    private static final int CANCEL_QUERY_MATCHES = 20_000;

    @TempDir
    static Path work;
    private static NodeUnderTest node;
    private static List<Facts> facts;

    /** What a query can see of one stored file, read from its header. */
    private static final Pattern DICOM_DATE = Pattern.compile("\\d{8}");

    record Facts(String patientId, String patientName, String studyUid, String studyDate, String seriesUid,
            String modality, String sopUid, String instanceNumber) {

        static Facts of(Path file) throws Exception {
            try (InputStream in = Files.newInputStream(file)) {
                DicomReader reader = new DicomReader(in, Files.size(file), ReadOptions.defaults());
                reader.readPart10Header();
                Dataset ds = reader.readDataset(Tag.PixelData);
                return new Facts(ds.getString(Tag.PatientID), significant(ds.getString(Tag.PatientName)),
                        ds.getString(Tag.StudyInstanceUID), date(ds.getString(Tag.StudyDate)),
                        ds.getString(Tag.SeriesInstanceUID), ds.getString(Tag.Modality),
                        ds.getString(Tag.SOPInstanceUID), ds.getString(Tag.InstanceNumber));
            }
        }

        /** The date, or "" where there is none or no valid one (mr-uih's anonymised "***" is not a date). */
        private static String date(String value) {
            return value != null && DICOM_DATE.matcher(value).matches() ? value : "";
        }

        /** The name without trailing empty components and groups, which PS3.5 6.2.1 makes insignificant. */
        private static String significant(String name) {
            return name.replaceAll("[=^]+$", "");
        }
    }

    static List<Path> files() {
        Path shared = TestData.sharedData();
        Path pydicom = TestData.pydicomTestFiles();
        List<Path> files = new ArrayList<>();
        for (String name : List.of("chrX1.dcm", "chrX2.dcm", "chrGB2312.dcm", "chrFren.dcm", "chrGerm.dcm",
                "chrH31.dcm", "chrJapMulti.dcm", "chrKoreanMulti.dcm", "chrRuss.dcm", "chrArab.dcm")) {
            files.add(shared.resolve("charset").resolve(name));
        }
        for (String name : List.of("CT_small.dcm", "MR_small.dcm", "rtplan.dcm", "rtdose.dcm", "rtstruct.dcm")) {
            files.add(pydicom.resolve(name));
        }
        files.addAll(TestData.dicomFilesUnder(pydicom.resolve("dicomdirtests").resolve(TWO_STUDY_PATIENT)));
        files.addAll(TestData.dicomFilesUnder(pydicom.resolve("dicomdirtests").resolve("98892001")));
        files.addAll(TestData.dicomFilesUnder(shared.resolve("ct-head-ge")));
        files.addAll(TestData.dicomFilesUnder(shared.resolve("mr-uih-t1-sag")));
        return files;
    }

    @BeforeAll
    static void storeKnownFiles() throws Exception {
        PeerProcess.require("storescu", "findscu", "dump2dcm");
        List<Path> files = files();
        facts = new ArrayList<>();
        for (Path f : files) {
            facts.add(Facts.of(f));
        }
        node = NodeUnderTest.start(work.resolve("node")).allowCallers(DcmtkRoundTrip.STORE_AE_TITLE, FindScu.AE_TITLE);
        StoreScu.Report report = StoreScu.send(node.port(), DcmtkRoundTrip.STORE_AE_TITLE, files, work);
        assertThat(files).allSatisfy(f -> assertThat(report.answerFor(f).isSuccess()).as(f.toString()).isTrue());
    }

    @AfterAll
    static void stop() throws IOException {
        if (node != null) {
            node.close();
        }
    }

    private static FindScu.Answer find(String... options) throws Exception {
        FindScu.Answer answer = FindScu.find(node.port(), work, options);
        assertThat(answer.run().exitCode()).as(answer.run().output()).isZero();
        return answer;
    }

    private static <K> Map<K, List<Facts>> by(Function<Facts, K> key) {
        return facts.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.toList()));
    }

    private static TreeSet<String> values(List<Dataset> matches, int tag) {
        return matches.stream().map(m -> m.getString(tag)).collect(Collectors.toCollection(TreeSet::new));
    }

    private static TreeSet<String> expected(Predicate<Facts> filter, Function<Facts, String> value) {
        return facts.stream().filter(filter).map(value).collect(Collectors.toCollection(TreeSet::new));
    }

    private static String count(List<Facts> group, Function<Facts, String> distinct) {
        return Long.toString(group.stream().map(distinct).distinct().count());
    }

    @Test
    void patientLevelListsEveryPatientWithNameAndCounts() throws Exception {
        FindScu.Answer answer = find("-P", "-k", "QueryRetrieveLevel=PATIENT", "-k", "PatientID", "-k",
                "PatientName", "-k", "NumberOfPatientRelatedStudies", "-k", "NumberOfPatientRelatedSeries", "-k",
                "NumberOfPatientRelatedInstances");
        Map<String, List<String>> got = new TreeMap<>();
        for (Dataset m : answer.matches()) {
            got.put(m.getString(Tag.PatientID), List.of(m.getString(Tag.PatientName),
                    m.getString(Tag.NumberOfPatientRelatedStudies), m.getString(Tag.NumberOfPatientRelatedSeries),
                    m.getString(Tag.NumberOfPatientRelatedInstances)));
        }
        Map<String, List<String>> want = new TreeMap<>();
        by(Facts::patientId).forEach((id, group) -> want.put(id, List.of(group.getFirst().patientName(),
                count(group, Facts::studyUid), count(group, Facts::seriesUid), Integer.toString(group.size()))));
        assertThat(got).isEqualTo(want);
        assertThat(got.get(TWO_STUDY_PATIENT).subList(1, 4)).containsExactly("2", "4", "7");
        assertThat(answer.finalStatus()).isEqualTo("Success");
    }

    @Test
    void patientIdWildcardsMatchAnyRunAndAnySingleCharacter() throws Exception {
        assertThat(values(find("-P", "-k", "QueryRetrieveLevel=PATIENT", "-k", "PatientID=*EXAMPLE").matches(),
                Tag.PatientID)).isEqualTo(expected(f -> f.patientId().endsWith("EXAMPLE"), Facts::patientId))
                .contains("X1EXAMPLE", "X2EXAMPLE", "H31EXAMPLE").doesNotContain("GB2312Example");
        assertThat(values(find("-P", "-k", "QueryRetrieveLevel=PATIENT", "-k", "PatientID=id0000?").matches(),
                Tag.PatientID)).containsExactly("id00001");
        assertThat(values(find("-P", "-k", "QueryRetrieveLevel=PATIENT", "-k", "PatientID=?MR1").matches(),
                Tag.PatientID)).containsExactly("4MR1");
    }

    @Test
    void studyLevelCarriesDatesModalitiesAndCounts() throws Exception {
        FindScu.Answer answer = find("-S", "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID", "-k",
                "StudyDate", "-k", "ModalitiesInStudy", "-k", "NumberOfStudyRelatedSeries", "-k",
                "NumberOfStudyRelatedInstances");
        Map<String, List<String>> got = new TreeMap<>();
        for (Dataset m : answer.matches()) {
            got.put(m.getString(Tag.StudyInstanceUID), List.of(nullToEmpty(m.getString(Tag.StudyDate)),
                    String.join("\\", m.getStrings(Tag.ModalitiesInStudy)),
                    m.getString(Tag.NumberOfStudyRelatedSeries), m.getString(Tag.NumberOfStudyRelatedInstances)));
        }
        Map<String, List<String>> want = new TreeMap<>();
        by(Facts::studyUid).forEach((uid, group) -> want.put(uid, List.of(group.getFirst().studyDate(),
                group.stream().map(Facts::modality).distinct().sorted().collect(Collectors.joining("\\")),
                count(group, Facts::seriesUid), Integer.toString(group.size()))));
        assertThat(got).isEqualTo(want);
        assertThat(got.get(CT_HEAD_STUDY).subList(1, 4)).containsExactly("CT", "1", "28");
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    @Test
    void studyDatesMatchSingleValuesAndInclusiveRanges() throws Exception {
        for (String range : List.of("20040119", "20030716-20030805", "-19991231", "20040101-")) {
            String from = range.contains("-") ? range.substring(0, range.indexOf('-')) : range;
            String to = range.contains("-") ? range.substring(range.indexOf('-') + 1) : range;
            TreeSet<String> want = expected(f -> !f.studyDate().isEmpty()
                    && (from.isEmpty() || f.studyDate().compareTo(from) >= 0)
                    && (to.isEmpty() || f.studyDate().compareTo(to) <= 0), Facts::studyUid);
            List<Dataset> got = find("-S", "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyDate=" + range, "-k",
                    "StudyInstanceUID").matches();
            assertThat(values(got, Tag.StudyInstanceUID)).as(range).isEqualTo(want).isNotEmpty();
        }
    }

    @Test
    void aListOfStudyUidsFindsExactlyThoseStudies() throws Exception {
        List<String> two = List.copyOf(by(Facts::studyUid).keySet()).subList(0, 2);
        List<Dataset> got = find("-S", "-k", "QueryRetrieveLevel=STUDY", "-k",
                "StudyInstanceUID=" + String.join("\\", two)).matches();
        assertThat(values(got, Tag.StudyInstanceUID)).containsExactlyElementsOf(two);
    }

    @Test
    void patientRootStudyLevelIsScopedToThePatient() throws Exception {
        List<Dataset> got = find("-P", "-k", "QueryRetrieveLevel=STUDY", "-k", "PatientID=" + TWO_STUDY_PATIENT,
                "-k", "StudyInstanceUID", "-k", "StudyDate").matches();
        assertThat(values(got, Tag.StudyInstanceUID))
                .isEqualTo(expected(f -> f.patientId().equals(TWO_STUDY_PATIENT), Facts::studyUid)).hasSize(2);
        assertThat(values(got, Tag.StudyDate)).containsExactly("19950903", "20010101");
    }

    @Test
    void seriesLevelInBothModelsCountsTheSeriesInstances() throws Exception {
        String study = facts.stream().filter(f -> f.patientId().equals(MULTI_SERIES_PATIENT)).findFirst()
                .orElseThrow().studyUid();
        Map<String, String> want = new TreeMap<>();
        by(Facts::seriesUid).forEach((uid, group) -> {
            if (group.getFirst().studyUid().equals(study)) {
                want.put(uid, group.getFirst().modality() + " " + group.size());
            }
        });
        for (List<String> model : List.of(List.of("-S"), List.of("-P", "-k", "PatientID=" + MULTI_SERIES_PATIENT))) {
            List<String> options = new ArrayList<>(model);
            options.addAll(List.of("-k", "QueryRetrieveLevel=SERIES", "-k", "StudyInstanceUID=" + study, "-k",
                    "SeriesInstanceUID", "-k", "Modality", "-k", "NumberOfSeriesRelatedInstances"));
            Map<String, String> got = new TreeMap<>();
            for (Dataset m : find(options.toArray(String[]::new)).matches()) {
                got.put(m.getString(Tag.SeriesInstanceUID), m.getString(Tag.Modality) + " "
                        + m.getString(Tag.NumberOfSeriesRelatedInstances));
            }
            assertThat(got).as(model.toString()).isEqualTo(want).hasSize(2);
        }
    }

    @Test
    void imageLevelInBothModelsListsTheSeriesInstancesAndAUidListFindsExactlyThose() throws Exception {
        Facts first = facts.stream().filter(f -> f.studyUid().equals(CT_HEAD_STUDY)).findFirst().orElseThrow();
        Map<String, String> want = new TreeMap<>();
        facts.stream().filter(f -> f.seriesUid().equals(first.seriesUid()))
                .forEach(f -> want.put(f.sopUid(), f.instanceNumber()));
        for (List<String> model : List.of(List.of("-S"), List.of("-P", "-k", "PatientID=" + first.patientId()))) {
            List<String> options = new ArrayList<>(model);
            options.addAll(List.of("-k", "QueryRetrieveLevel=IMAGE", "-k", "StudyInstanceUID=" + CT_HEAD_STUDY,
                    "-k", "SeriesInstanceUID=" + first.seriesUid(), "-k", "SOPInstanceUID", "-k", "InstanceNumber"));
            Map<String, String> got = new TreeMap<>();
            for (Dataset m : find(options.toArray(String[]::new)).matches()) {
                got.put(m.getString(Tag.SOPInstanceUID), m.getString(Tag.InstanceNumber));
            }
            assertThat(got).as(model.toString()).isEqualTo(want).hasSize(28);
        }
        List<String> two = List.copyOf(want.keySet()).subList(0, 2);
        List<Dataset> got = find("-S", "-k", "QueryRetrieveLevel=IMAGE", "-k", "StudyInstanceUID=" + CT_HEAD_STUDY,
                "-k", "SeriesInstanceUID=" + first.seriesUid(), "-k", "SOPInstanceUID=" + String.join("\\", two))
                .matches();
        assertThat(values(got, Tag.SOPInstanceUID)).containsExactlyElementsOf(two);
    }

    /**
     * Chinese names asked in UTF-8 find the patients whatever character set their files used: 王* the two Wangs
     * (chrX1 in UTF-8, chrX2 in GB18030), *小东 the two simplified 小东 (chrX2, and chrGB2312 in ISO 2022 GB2312)
     * but not chrX1's traditional 小東.
     */
    @Test
    void chineseNamesInUtf8MatchWhateverCharacterSetTheFilesUsed() throws Exception {
        assertThat(patientsNamed("王*")).containsOnlyKeys("X1EXAMPLE", "X2EXAMPLE")
                .hasEntrySatisfying("X1EXAMPLE", name -> assertThat(name).contains("王^小東"))
                .hasEntrySatisfying("X2EXAMPLE", name -> assertThat(name).contains("王^小东"));
        assertThat(patientsNamed("*小东")).containsOnlyKeys("X2EXAMPLE", "GB2312Example")
                .hasEntrySatisfying("GB2312Example", name -> assertThat(name).contains("张^小东"));
    }

    private static Map<String, String> patientsNamed(String pattern) throws Exception {
        Path query = FindScu.queryFile(work, List.of("(0008,0005) CS [ISO_IR 192]", "(0008,0052) CS [PATIENT]",
                "(0010,0010) PN [" + pattern + "]", "(0010,0020) LO []"));
        FindScu.Answer answer = FindScu.find(node.port(), work, List.of("-P"), List.of(query));
        assertThat(answer.run().exitCode()).as(answer.run().output()).isZero();
        Map<String, String> byId = new TreeMap<>();
        for (Dataset m : answer.matches()) {
            assertThat(m.getString(Tag.SpecificCharacterSet)).isEqualTo("ISO_IR 192");
            byId.put(m.getString(Tag.PatientID), m.getString(Tag.PatientName));
        }
        return byId;
    }

    /**
     * findscu --cancel 1 sends C-CANCEL after the first match; the node stops at the next match and answers Cancel
     * (PS3.4 C.4.1.3.2). A query the node can finish before the C-CANCEL arrives may rightly end in Success, which is
     * what made this test depend on timing when it asked for the 60-odd instances above (streamed in milliseconds):
     * it now asks a node of its own whose index holds {@value #CANCEL_QUERY_MATCHES} instances, whose matches take
     * far longer to send than a C-CANCEL takes to come back.
     */
    @Test
    void cancelAfterTheFirstMatchEndsTheQueryWithCancel() throws Exception {
        try (NodeUnderTest big = NodeUnderTest.start(work.resolve("cancel-node"))
                .allowCallers(DcmtkRoundTrip.STORE_AE_TITLE, FindScu.AE_TITLE)) {
            Path slice = TestData.pydicomTestFiles().resolve("CT_small.dcm");
            assertThat(StoreScu.send(big.port(), DcmtkRoundTrip.STORE_AE_TITLE, List.of(slice), work)
                    .answerFor(slice).isSuccess()).isTrue();
            copyIndexRows(work.resolve("cancel-node"), CANCEL_QUERY_MATCHES - 1);

            FindScu.Answer answer = FindScu.find(big.port(), work, "-S", "--cancel", "1", "-k",
                    "QueryRetrieveLevel=IMAGE", "-k", "SOPInstanceUID");
            assertThat(answer.run().exitCode()).as(answer.run().output()).isZero();
            assertThat(answer.finalStatus()).startsWith("Cancel");
            assertThat(answer.matches()).hasSizeBetween(1, CANCEL_QUERY_MATCHES - 1);
        }
    }

    /**
     * Adds {@code count} copies of the node's one stored instance (SOP Instance UIDs suffixed) straight into its
     * index, through the database address the running node publishes in its data directory: C-FIND reads the index
     * only, and storing this many objects would take minutes.
     */
    private static void copyIndexRows(Path dataDir, int count) throws Exception {
        Properties runtime = new Properties();
        try (Stream<Path> files = Files.list(dataDir.resolve("run"));
             InputStream in = Files.newInputStream(files.filter(f -> f.toString().endsWith(".properties"))
                     .findFirst().orElseThrow())) {
            runtime.load(in);
        }
        try (Connection c = DriverManager.getConnection(runtime.getProperty("url"), runtime.getProperty("user"),
                runtime.getProperty("password"))) {
            List<String> columns = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT column_name FROM information_schema.columns"
                    + " WHERE table_name = 'instances' AND is_identity = 'NO' ORDER BY ordinal_position");
                 ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    columns.add(rs.getString(1));
                }
            }
            String copied = columns.stream().map(col -> col.equals("sop_instance_uid")
                    ? "sop_instance_uid || '.' || g" : col).collect(Collectors.joining(", "));
            try (PreparedStatement s = c.prepareStatement("INSERT INTO instances (" + String.join(", ", columns)
                    + ") SELECT " + copied + " FROM instances, generate_series(1, ?) g"
                    + " WHERE pk = (SELECT min(pk) FROM instances)")) {
                s.setInt(1, count);
                assertThat(s.executeUpdate()).isEqualTo(count);
            }
        }
    }
}
