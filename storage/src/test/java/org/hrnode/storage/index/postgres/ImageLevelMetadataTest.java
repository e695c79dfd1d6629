package org.hrnode.storage.index.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.VR;
import org.hrnode.dicom.dict.Tag;
import org.hrnode.dicom.json.DicomJsonWriter;
import org.hrnode.storage.index.QueryResults;
import org.hrnode.storage.index.query.Query;
import org.hrnode.storage.index.query.QueryLevel;
import org.hrnode.storage.testing.TestDatabase;
import org.hrnode.storage.testing.TestInstances;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** IMAGE-level return keys the index has no column for come from the instance's stored DICOM JSON. */
class ImageLevelMetadataTest {

    private PostgresIndex index;

    @BeforeEach
    void oneInstanceWithMetadata() {
        TestDatabase.reset();
        index = new PostgresIndex(TestDatabase.dataSource());
        Dataset d = TestInstances.header("P1", "Wang^XiaoDong=王^小东", "S1", "S1.1", "S1.1.1");
        d.setString(Tag.SpecificCharacterSet, VR.CS, "GB18030");
        d.setString(Tag.SliceThickness, VR.DS, "1.25");
        d.setString(Tag.ImageType, VR.CS, "ORIGINAL", "PRIMARY", "AXIAL");
        d.setString(Tag.ImageComments, VR.LT, "头颅平扫");
        d.setInts(Tag.BitsAllocated, VR.US, 16);
        d.newSequence(Tag.ReferencedImageSequence).addNewItem().setString(Tag.ReferencedSOPInstanceUID, VR.UI, "9.9");
        index.recordInstance(TestInstances.record(d, TestInstances.sha('a'))
                .withMetadataJson(new DicomJsonWriter().toJson(d)));
    }

    private Dataset only(Query query) {
        try (QueryResults results = index.query(query)) {
            List<Dataset> all = new ArrayList<>();
            results.forEachRemaining(all::add);
            assertThat(all).hasSize(1);
            return all.getFirst();
        }
    }

    @Test
    void unheldImageKeysAreReadFromTheMetadataAsText() {
        Dataset match = only(Query.builder(QueryLevel.IMAGE).returnKeys(Tag.SliceThickness, Tag.ImageType,
                Tag.ImageComments, Tag.BitsAllocated, Tag.PatientAge, Tag.ReferencedImageSequence).build());

        assertThat(match.getString(Tag.SpecificCharacterSet)).isEqualTo("ISO_IR 192");
        assertThat(match.getString(Tag.SliceThickness)).isEqualTo("1.25");
        assertThat(match.getStrings(Tag.ImageType)).containsExactly("ORIGINAL", "PRIMARY", "AXIAL");
        assertThat(match.getString(Tag.ImageComments)).isEqualTo("头颅平扫");
        assertThat(match.getInt(Tag.BitsAllocated, -1)).isEqualTo(16);
        assertThat(match.contains(Tag.PatientAge)).isTrue();
        assertThat(match.hasValue(Tag.PatientAge)).as("not in the object: empty").isFalse();
        assertThat(match.getSequence(Tag.ReferencedImageSequence)).as("sequences stay empty").isEmpty();
    }

    @Test
    void studyLevelKeysTheIndexLacksStayEmpty() {
        Dataset match = only(Query.builder(QueryLevel.STUDY).returnKeys(Tag.SliceThickness).build());

        assertThat(match.contains(Tag.SliceThickness)).isTrue();
        assertThat(match.hasValue(Tag.SliceThickness)).isFalse();
    }
}
