package org.hrnode.storage.index.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.VR;
import org.hrnode.dicom.dict.Tag;
import org.hrnode.storage.index.QueryResults;
import org.hrnode.storage.index.StoreOutcome;
import org.hrnode.storage.index.query.Query;
import org.hrnode.storage.index.query.QueryLevel;
import org.hrnode.storage.testing.TestDatabase;
import org.hrnode.storage.testing.TestInstances;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The counters and SOP classes kept per study and series (V7), and fuzzy person name matching. */
class CountersAndFuzzyNamesTest {

    private static final String MR_IMAGE_STORAGE = "1.2.840.10008.5.1.4.1.1.4";

    private PostgresIndex index;

    @BeforeEach
    void emptyIndex() {
        TestDatabase.reset();
        index = new PostgresIndex(TestDatabase.dataSource());
    }

    private StoreOutcome store(String name, String study, String series, String sop, String sopClass, char sha) {
        Dataset d = TestInstances.header("P-" + study, name, study, series, sop);
        d.setString(Tag.SOPClassUID, VR.UI, sopClass);
        return index.recordInstance(TestInstances.record(d, TestInstances.sha(sha)));
    }

    private List<Dataset> run(Query query) {
        try (QueryResults results = index.query(query)) {
            List<Dataset> all = new ArrayList<>();
            results.forEachRemaining(all::add);
            return all;
        }
    }

    private Dataset study(String uid) {
        return run(Query.builder(QueryLevel.STUDY).match(Tag.StudyInstanceUID, uid)
                .returnKeys(Tag.NumberOfStudyRelatedSeries, Tag.NumberOfStudyRelatedInstances,
                        Tag.SOPClassesInStudy).build()).getFirst();
    }

    private String seriesCount(String uid) {
        return run(Query.builder(QueryLevel.SERIES).match(Tag.SeriesInstanceUID, uid)
                .returnKeys(Tag.NumberOfSeriesRelatedInstances).build()).getFirst()
                .getString(Tag.NumberOfSeriesRelatedInstances);
    }

    @Test
    void countersFollowNewInstancesDuplicatesAndVersionsThatMoveSeries() {
        store("A^B", "S1", "S1.1", "I1", TestInstances.CT_IMAGE_STORAGE, 'a');
        store("A^B", "S1", "S1.1", "I2", TestInstances.CT_IMAGE_STORAGE, 'a');
        store("A^B", "S1", "S1.2", "I3", MR_IMAGE_STORAGE, 'a');
        assertThat(store("A^B", "S1", "S1.2", "I3", MR_IMAGE_STORAGE, 'a')).isEqualTo(StoreOutcome.DUPLICATE);

        Dataset s1 = study("S1");
        assertThat(s1.getString(Tag.NumberOfStudyRelatedSeries)).isEqualTo("2");
        assertThat(s1.getString(Tag.NumberOfStudyRelatedInstances)).isEqualTo("3");
        assertThat(s1.getStrings(Tag.SOPClassesInStudy))
                .containsExactly(TestInstances.CT_IMAGE_STORAGE, MR_IMAGE_STORAGE);
        assertThat(seriesCount("S1.1")).isEqualTo("2");

        // Other bytes for I3, now a CT image in series S1.1: MR leaves the study's SOP classes.
        assertThat(store("A^B", "S1", "S1.1", "I3", TestInstances.CT_IMAGE_STORAGE, 'b'))
                .isEqualTo(StoreOutcome.NEW_VERSION);
        assertThat(seriesCount("S1.1")).isEqualTo("3");
        assertThat(seriesCount("S1.2")).isEqualTo("0");
        assertThat(study("S1").getStrings(Tag.SOPClassesInStudy)).containsExactly(TestInstances.CT_IMAGE_STORAGE);
        assertThat(study("S1").getString(Tag.NumberOfStudyRelatedInstances)).isEqualTo("3");
    }

    @Test
    void studiesMatchOnTheSopClassesTheyHold() {
        store("A^B", "S1", "S1.1", "I1", TestInstances.CT_IMAGE_STORAGE, 'a');
        store("A^B", "S2", "S2.1", "I2", MR_IMAGE_STORAGE, 'a');
        assertThat(studyUids(Query.builder(QueryLevel.STUDY).match(Tag.SOPClassesInStudy, MR_IMAGE_STORAGE)))
                .containsExactly("S2");
        assertThat(studyUids(Query.builder(QueryLevel.STUDY)
                .match(Tag.SOPClassesInStudy, MR_IMAGE_STORAGE, TestInstances.CT_IMAGE_STORAGE)))
                .containsExactly("S1", "S2");
    }

    @Test
    void fuzzyNamesMatchWholeGroupsOrComponentsWithoutDelimitersCaseOrAccents() {
        store("Wang^XiaoDong=王^小东=Wáng^Xiǎodōng", "S1", "S1.1", "I1", TestInstances.CT_IMAGE_STORAGE, 'a');
        store("Müller^Jürgen", "S2", "S2.1", "I2", TestInstances.CT_IMAGE_STORAGE, 'a');
        store("Zhang^San=张^三", "S3", "S3.1", "I3", TestInstances.CT_IMAGE_STORAGE, 'a');

        assertThat(fuzzy("王小东")).containsExactly("S1");
        assertThat(fuzzy("小东")).containsExactly("S1");
        assertThat(fuzzy("王*")).containsExactly("S1");
        assertThat(fuzzy("wang xiaodong")).containsExactly("S1");
        assertThat(fuzzy("XIAODONG")).containsExactly("S1");
        assertThat(fuzzy("Wáng Xiǎodōng")).containsExactly("S1");
        assertThat(fuzzy("muller")).containsExactly("S2");
        assertThat(fuzzy("jur*")).containsExactly("S2");
        assertThat(fuzzy("z*")).containsExactly("S3");
        assertThat(fuzzy("wang", "张三")).containsExactly("S1", "S3");
        assertThat(fuzzy("李*")).isEmpty();

        // Without fuzzy matching a name without its delimiter is not the name.
        assertThat(studyUids(Query.builder(QueryLevel.STUDY).match(Tag.PatientName, "王小东"))).isEmpty();
    }

    private List<String> fuzzy(String... values) {
        return studyUids(Query.builder(QueryLevel.STUDY).fuzzyPersonNames(true).match(Tag.PatientName, values));
    }

    private List<String> studyUids(Query.Builder query) {
        return run(query.build()).stream().map(d -> d.getString(Tag.StudyInstanceUID)).toList();
    }
}
