package org.hrnode.storage.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.VR;
import org.hrnode.dicom.dict.Tag;
import org.hrnode.storage.testing.TestInstances;
import org.junit.jupiter.api.Test;

class InstanceRecordTest {

    private static final Charset GB18030 = Charset.forName("GB18030");

    @Test
    void chineseNameIsDecodedThroughTheDatasetCharacterSetAndSplitIntoGroups() {
        Dataset d = TestInstances.header("P1", null, "1.2.3", "1.2.3.4", "1.2.3.4.5");
        d.setString(Tag.SpecificCharacterSet, VR.CS, "GB18030");
        d.setBytes(Tag.PatientName, VR.PN, "Wang^XiaoDong=王^小东𠀀".getBytes(GB18030));

        InstanceRecord record = TestInstances.record(d, TestInstances.sha('a'));

        assertThat(record.patient().name().alphabetic()).isEqualTo("Wang^XiaoDong");
        assertThat(record.patient().name().ideographic()).isEqualTo("王^小东𠀀");
    }

    @Test
    void attributesAreExtractedAndMalformedOnesLeftOut() {
        Dataset d = TestInstances.header("P1", "Li^Si", "1.2.3", "1.2.3.4", "1.2.3.4.5");
        d.setString(Tag.StudyDate, VR.DA, "20240105");
        d.setString(Tag.StudyTime, VR.TM, "101500.25");
        d.setString(Tag.SeriesDate, VR.DA, "2024-01-05");
        d.setString(Tag.SeriesNumber, VR.IS, "abc");
        d.setString(Tag.InstanceNumber, VR.IS, "7");
        d.setInts(Tag.Rows, VR.US, 512);
        d.setString(Tag.AcquisitionDate, VR.DA, "20240105");
        d.setString(Tag.AcquisitionTime, VR.TM, "1014");

        InstanceRecord record = TestInstances.record(d, TestInstances.sha('a'));

        assertThat(record.study().studyDate()).isEqualTo(LocalDate.of(2024, 1, 5));
        assertThat(record.study().studyTime()).isEqualTo(LocalTime.of(10, 15, 0, 250_000_000));
        assertThat(record.series().seriesDate()).isNull();
        assertThat(record.series().seriesNumber()).isNull();
        assertThat(record.series().modality()).isEqualTo("CT");
        assertThat(record.instance().instanceNumber()).isEqualTo(7);
        assertThat(record.instance().rows()).isEqualTo(512);
        assertThat(record.instance().acquisitionDateTime()).isEqualTo(LocalDateTime.of(2024, 1, 5, 10, 14));
        assertThat(record.arrival().callingAeTitle()).isEqualTo("CT01");
    }

    @Test
    void missingUidsRefuseTheRecordSayingWhich() {
        Dataset d = TestInstances.header("P1", "Li^Si", "1.2.3", "1.2.3.4", "1.2.3.4.5");
        d.remove(Tag.SeriesInstanceUID);

        assertThatThrownBy(() -> TestInstances.record(d, TestInstances.sha('a')))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Series Instance UID (0020,000E)");
    }
}
