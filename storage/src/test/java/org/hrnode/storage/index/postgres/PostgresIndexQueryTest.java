package org.hrnode.storage.index.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.VR;
import org.hrnode.dicom.dict.Tag;
import org.hrnode.storage.db.Transactor;
import org.hrnode.storage.index.QueryResults;
import org.hrnode.storage.index.StoredInstanceRef;
import org.hrnode.storage.index.query.InformationModel;
import org.hrnode.storage.index.query.InvalidQueryException;
import org.hrnode.storage.index.query.Query;
import org.hrnode.storage.index.query.QueryLevel;
import org.hrnode.storage.testing.TestDatabase;
import org.hrnode.storage.testing.TestInstances;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Queries against a small archive:
 * <pre>
 * P1 Wang^XiaoDong=王^小东  S1 20240105 101500 ACC_1  CT (2 images)
 *                           S2 20240220 143000 B2     MR (1), CT (1)
 * P2 Zhang^San=张^三        S3 20231231 080000 ACC%1  DX (1)
 * P3 Müller^Jürgen          S4 20240105 163000 C4     CT (1)
 * P4 Chen^Xi=陈^𠀀          S5 20240301 090000 D5     CT (1)
 * </pre>
 */
class PostgresIndexQueryTest {

    private PostgresIndex index;

    @BeforeEach
    void archive() {
        TestDatabase.reset();
        index = new PostgresIndex(TestDatabase.dataSource());
        store("P1", "Wang^XiaoDong=王^小东", "S1", "20240105", "101500", "ACC_1", "S1.1", "CT", "S1.1.1", 1);
        store("P1", "Wang^XiaoDong=王^小东", "S1", "20240105", "101500", "ACC_1", "S1.1", "CT", "S1.1.2", 2);
        store("P1", "Wang^XiaoDong=王^小东", "S2", "20240220", "143000", "B2", "S2.1", "MR", "S2.1.1", 1);
        store("P1", "Wang^XiaoDong=王^小东", "S2", "20240220", "143000", "B2", "S2.2", "CT", "S2.2.1", 1);
        store("P2", "Zhang^San=张^三", "S3", "20231231", "080000", "ACC%1", "S3.1", "DX", "S3.1.1", 1);
        store("P3", "Müller^Jürgen", "S4", "20240105", "163000", "C4", "S4.1", "CT", "S4.1.1", 1);
        store("P4", "Chen^Xi=陈^𠀀", "S5", "20240301", "090000", "D5", "S5.1", "CT", "S5.1.1", 1);
    }

    private void store(String patientId, String name, String study, String date, String time, String accession,
                       String series, String modality, String sop, int number) {
        Dataset d = TestInstances.header(patientId, name, study, series, sop);
        d.setString(Tag.StudyDate, VR.DA, date);
        d.setString(Tag.StudyTime, VR.TM, time);
        d.setString(Tag.AccessionNumber, VR.SH, accession);
        d.setString(Tag.Modality, VR.CS, modality);
        d.setString(Tag.InstanceNumber, VR.IS, Integer.toString(number));
        d.setString(Tag.SeriesNumber, VR.IS, "1");
        d.setInts(Tag.Rows, VR.US, 512);
        index.recordInstance(TestInstances.record(d, TestInstances.sha('a')));
    }

    private List<Dataset> run(Query query) {
        try (QueryResults results = index.query(query)) {
            List<Dataset> all = new ArrayList<>();
            results.forEachRemaining(all::add);
            return all;
        }
    }

    private List<String> studies(int tag, String... values) {
        return run(Query.builder(QueryLevel.STUDY).match(tag, values).build()).stream()
                .map(d -> d.getString(Tag.StudyInstanceUID)).toList();
    }

    @Test
    void chineseNamesMatchOnTheIdeographicGroup() {
        assertThat(studies(Tag.PatientName, "王*")).containsExactly("S1", "S2");
        assertThat(studies(Tag.PatientName, "*小东")).containsExactly("S1", "S2");
        assertThat(studies(Tag.PatientName, "王^小东")).containsExactly("S1", "S2");
        assertThat(studies(Tag.PatientName, "=张*")).containsExactly("S3");
        assertThat(studies(Tag.PatientName, "王")).isEmpty();
    }

    @Test
    void alphabeticNamesMatchIgnoringCaseAndAccents() {
        assertThat(studies(Tag.PatientName, "wang*")).containsExactly("S1", "S2");
        assertThat(studies(Tag.PatientName, "WANG^XIAODONG")).containsExactly("S1", "S2");
        assertThat(studies(Tag.PatientName, "muller*")).containsExactly("S4");
        assertThat(studies(Tag.PatientName, "MÜLLER^JÜRGEN")).containsExactly("S4");
    }

    @Test
    void supplementaryCharactersMatchAsOneCharacter() {
        assertThat(studies(Tag.PatientName, "*𠀀")).containsExactly("S5");
        assertThat(studies(Tag.PatientName, "陈^?")).containsExactly("S5");
        Dataset match = run(Query.builder(QueryLevel.PATIENT).match(Tag.PatientID, "P4").returnKeys(Tag.PatientName)
                .build()).getFirst();
        assertThat(match.getString(Tag.PatientName)).isEqualTo("Chen^Xi=陈^𠀀");
    }

    @Test
    void sqlWildcardCharactersInValuesMatchLiterally() {
        assertThat(studies(Tag.AccessionNumber, "ACC%1")).containsExactly("S3");
        assertThat(studies(Tag.AccessionNumber, "ACC_1")).containsExactly("S1");
        assertThat(studies(Tag.AccessionNumber, "ACC?1")).containsExactly("S1", "S3");
        assertThat(studies(Tag.AccessionNumber, "ACC*")).containsExactly("S1", "S3");
        assertThat(studies(Tag.AccessionNumber, "acc*")).isEmpty();
    }

    @Test
    void dateAndTimeRanges() {
        assertThat(studies(Tag.StudyDate, "20240101-20240131")).containsExactly("S1", "S4");
        assertThat(studies(Tag.StudyDate, "20240201-")).containsExactly("S2", "S5");
        assertThat(studies(Tag.StudyDate, "-20231231")).containsExactly("S3");
        assertThat(studies(Tag.StudyDate, "20240105")).containsExactly("S1", "S4");
        assertThat(studies(Tag.StudyTime, "1000-1100")).containsExactly("S1");
        assertThat(studies(Tag.StudyTime, "16")).containsExactly("S4");
        assertThat(studies(Tag.StudyTime, "-0900")).containsExactly("S3", "S5");
    }

    @Test
    void uidListsAndValueLists() {
        assertThat(studies(Tag.StudyInstanceUID, "S1", "S3", "S9")).containsExactly("S1", "S3");
        assertThat(studies(Tag.AccessionNumber, "B2", "C4")).containsExactly("S2", "S4");
    }

    @Test
    void modalitiesInStudyAreComputedAndMatchAnySeries() {
        assertThat(studies(Tag.ModalitiesInStudy, "MR")).containsExactly("S2");
        assertThat(studies(Tag.ModalitiesInStudy, "DX", "MR")).containsExactly("S2", "S3");
        Dataset s2 = run(Query.builder(QueryLevel.STUDY).match(Tag.StudyInstanceUID, "S2")
                .returnKeys(Tag.ModalitiesInStudy).build()).getFirst();
        assertThat(s2.getStrings(Tag.ModalitiesInStudy)).containsExactly("CT", "MR");
    }

    @Test
    void countsAreComputedAtEachLevel() {
        Dataset s1 = run(Query.builder(QueryLevel.STUDY).match(Tag.StudyInstanceUID, "S1")
                .returnKeys(Tag.NumberOfStudyRelatedSeries, Tag.NumberOfStudyRelatedInstances).build()).getFirst();
        assertThat(s1.getString(Tag.NumberOfStudyRelatedSeries)).isEqualTo("1");
        assertThat(s1.getString(Tag.NumberOfStudyRelatedInstances)).isEqualTo("2");

        Dataset p1 = run(Query.builder(QueryLevel.PATIENT).match(Tag.PatientID, "P1")
                .returnKeys(Tag.NumberOfPatientRelatedStudies, Tag.NumberOfPatientRelatedSeries,
                        Tag.NumberOfPatientRelatedInstances).build()).getFirst();
        assertThat(p1.getString(Tag.NumberOfPatientRelatedStudies)).isEqualTo("2");
        assertThat(p1.getString(Tag.NumberOfPatientRelatedSeries)).isEqualTo("3");
        assertThat(p1.getString(Tag.NumberOfPatientRelatedInstances)).isEqualTo("4");

        List<Dataset> series = run(Query.builder(QueryLevel.SERIES).match(Tag.StudyInstanceUID, "S1")
                .returnKeys(Tag.NumberOfSeriesRelatedInstances).build());
        assertThat(series).singleElement().satisfies(
                d -> assertThat(d.getString(Tag.NumberOfSeriesRelatedInstances)).isEqualTo("2"));
    }

    @Test
    void seriesAndImageLevelsReturnTheirKeysTyped() {
        List<Dataset> series = run(Query.builder(QueryLevel.SERIES).match(Tag.StudyInstanceUID, "S2")
                .match(Tag.Modality, "CT").returnKeys(Tag.SeriesNumber).build());
        assertThat(series).singleElement().satisfies(d -> {
            assertThat(d.getString(Tag.SeriesInstanceUID)).isEqualTo("S2.2");
            assertThat(d.getString(Tag.StudyInstanceUID)).isEqualTo("S2");
            assertThat(d.getString(Tag.QueryRetrieveLevel)).isEqualTo("SERIES");
            assertThat(d.getInt(Tag.SeriesNumber, -1)).isEqualTo(1);
        });

        List<Dataset> images = run(Query.builder(QueryLevel.IMAGE).match(Tag.SeriesInstanceUID, "S1.1")
                .match(Tag.InstanceNumber, "2").returnKeys(Tag.Rows, Tag.SOPClassUID, Tag.AvailableTransferSyntaxUID)
                .build());
        assertThat(images).singleElement().satisfies(d -> {
            assertThat(d.getString(Tag.SOPInstanceUID)).isEqualTo("S1.1.2");
            assertThat(d.vrOf(Tag.Rows)).isEqualTo(VR.US);
            assertThat(d.getInt(Tag.Rows, -1)).isEqualTo(512);
            assertThat(d.getString(Tag.SOPClassUID)).isEqualTo(TestInstances.CT_IMAGE_STORAGE);
            assertThat(d.getString(Tag.AvailableTransferSyntaxUID)).isEqualTo(
                    TestInstances.EXPLICIT_VR_LITTLE_ENDIAN);
        });
    }

    @Test
    void identifierQueryReturnsEveryRequestedKeyEmptyWhenUnknown() {
        Dataset identifier = new Dataset();
        identifier.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 192");
        identifier.setString(Tag.QueryRetrieveLevel, VR.CS, "STUDY");
        identifier.setString(Tag.PatientName, VR.PN, "王*");
        identifier.set(Tag.StudyDate, VR.DA, null);
        identifier.set(Tag.StudyDescription, VR.LO, null);
        identifier.set(Tag.PatientWeight, VR.DS, null);
        identifier.newSequence(Tag.ReferencedStudySequence);

        List<Dataset> matches = run(Query.fromIdentifier(identifier, QueryLevel.STUDY,
                InformationModel.PATIENT_ROOT));

        assertThat(matches).hasSize(2);
        Dataset first = matches.getFirst();
        assertThat(first.getString(Tag.StudyDate)).isEqualTo("20240105");
        assertThat(first.getString(Tag.PatientName)).isEqualTo("Wang^XiaoDong=王^小东");
        assertThat(first.getString(Tag.PatientID)).isEqualTo("P1");
        assertThat(first.contains(Tag.StudyDescription)).isTrue();
        assertThat(first.hasValue(Tag.StudyDescription)).isFalse();
        assertThat(first.contains(Tag.PatientWeight)).isTrue();
        assertThat(first.getSequence(Tag.ReferencedStudySequence)).isEmpty();
        assertThat(first.getString(Tag.SpecificCharacterSet)).isEqualTo("ISO_IR 192");
    }

    @Test
    void keysBelowTheLevelAreIgnoredForMatching() {
        assertThat(run(Query.builder(QueryLevel.STUDY).match(Tag.SOPInstanceUID, "nothing-like-this").build()))
                .hasSize(5);
    }

    @Test
    void limitOffsetAndUpperBoundPageAndSayWhenTruncated() {
        try (QueryResults page = index.query(Query.builder(QueryLevel.STUDY).limit(2).build())) {
            assertThat(page).toIterable().extracting(d -> d.getString(Tag.StudyInstanceUID))
                    .containsExactly("S1", "S2");
            assertThat(page.truncated()).isTrue();
        }
        try (QueryResults last = index.query(Query.builder(QueryLevel.STUDY).offset(3).limit(2).build())) {
            assertThat(last).toIterable().extracting(d -> d.getString(Tag.StudyInstanceUID))
                    .containsExactly("S4", "S5");
            assertThat(last.truncated()).isFalse();
        }
        PostgresIndex bounded = new PostgresIndex(TestDatabase.dataSource(),
                new Transactor(TestDatabase.dataSource()), 3);
        try (QueryResults capped = bounded.query(Query.builder(QueryLevel.IMAGE).limit(100).build())) {
            assertThat(capped).toIterable().hasSize(3);
            assertThat(capped.truncated()).isTrue();
        }
    }

    @Test
    void abandonedResultsGiveTheirConnectionBackWhenClosed() {
        int moreThanThePool = 3 * org.hrnode.storage.db.DatabaseConfig.DEFAULT_POOL_SIZE;
        for (int i = 0; i < moreThanThePool; i++) {
            try (QueryResults results = index.query(Query.builder(QueryLevel.IMAGE).build())) {
                assertThat(results.next()).isNotNull();
            }
        }
    }

    @Test
    void invalidValuesAreRejectedBeforeTheDatabase() {
        assertThatThrownBy(() -> studies(Tag.StudyDate, "2024-01-05")).isInstanceOf(InvalidQueryException.class);
        assertThatThrownBy(() -> run(Query.builder(QueryLevel.SERIES).match(Tag.SeriesNumber, "one").build()))
                .isInstanceOf(InvalidQueryException.class);
    }

    @Test
    void retrievalLookupsListCurrentInstancesInOrder() {
        assertThat(index.instancesOf(QueryLevel.STUDY, "S1")).extracting(StoredInstanceRef::sopInstanceUid)
                .containsExactly("S1.1.1", "S1.1.2");
        assertThat(index.instancesOf(QueryLevel.PATIENT, "P1")).extracting(StoredInstanceRef::sopInstanceUid)
                .containsExactly("S1.1.1", "S1.1.2", "S2.1.1", "S2.2.1");
        assertThat(index.instancesOf(QueryLevel.SERIES, "S2.2", "S3.1")).extracting(StoredInstanceRef::seriesInstanceUid)
                .containsExactly("S2.2", "S3.1");
        assertThat(index.instancesOf(QueryLevel.IMAGE, "S4.1.1")).singleElement().satisfies(ref -> {
            assertThat(ref.studyInstanceUid()).isEqualTo("S4");
            assertThat(ref.transferSyntaxUid()).isEqualTo(TestInstances.EXPLICIT_VR_LITTLE_ENDIAN);
            assertThat(ref.size()).isEqualTo(1000);
            assertThat(ref.blobKey()).startsWith("instances/");
        });
        assertThat(index.instancesOf(QueryLevel.STUDY, "unknown")).isEmpty();
    }
}
