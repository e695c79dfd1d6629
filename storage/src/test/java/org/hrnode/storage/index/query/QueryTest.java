package org.hrnode.storage.index.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.VR;
import org.hrnode.dicom.dict.Tag;
import org.junit.jupiter.api.Test;

class QueryTest {

    @Test
    void identifierAttributesAreReturnKeysAndValuedOnesMatchingKeys() {
        Dataset identifier = new Dataset();
        identifier.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 192");
        identifier.setString(Tag.QueryRetrieveLevel, VR.CS, "STUDY");
        identifier.setString(Tag.PatientName, VR.PN, "王*");
        identifier.setString(Tag.StudyDate, VR.DA, "20240101-20240131");
        identifier.set(Tag.StudyInstanceUID, VR.UI, null);
        identifier.setString(Tag.ModalitiesInStudy, VR.CS, "CT", "MR");
        identifier.newSequence(Tag.ReferencedStudySequence);

        Query query = Query.fromIdentifier(identifier, QueryLevel.STUDY);

        assertThat(query.level()).isEqualTo(QueryLevel.STUDY);
        assertThat(query.returnKeys()).containsExactly(Tag.StudyDate, Tag.ModalitiesInStudy,
                Tag.ReferencedStudySequence, Tag.PatientName, Tag.StudyInstanceUID);
        assertThat(query.matches()).containsExactlyInAnyOrder(
                new Query.KeyMatch(Tag.PatientName, new Matcher.Wildcard("王*")),
                new Query.KeyMatch(Tag.StudyDate, new Matcher.DateRange(LocalDate.of(2024, 1, 1),
                        LocalDate.of(2024, 1, 31))),
                new Query.KeyMatch(Tag.ModalitiesInStudy, new Matcher.AnyOf(List.of("CT", "MR"))));
        assertThat(query.returnKeyVr(Tag.ReferencedStudySequence)).isEqualTo(VR.SQ);
    }

    @Test
    void valuesParseByVr() {
        assertThat(Matchers.parse(Tag.StudyDate, VR.DA, "20240101-")).contains(
                new Matcher.DateRange(LocalDate.of(2024, 1, 1), null));
        assertThat(Matchers.parse(Tag.StudyDate, VR.DA, "-20240101")).contains(
                new Matcher.DateRange(null, LocalDate.of(2024, 1, 1)));
        assertThat(Matchers.parse(Tag.StudyTime, VR.TM, "10-1130")).contains(
                new Matcher.TimeRange(LocalTime.of(10, 0), LocalTime.of(11, 30, 59, 999_999_000)));
        assertThat(Matchers.parse(Tag.AcquisitionDateTime, VR.DT, "20240105-20240106")).contains(
                new Matcher.DateTimeRange(LocalDateTime.of(2024, 1, 5, 0, 0),
                        LocalDateTime.of(2024, 1, 6, 23, 59, 59, 999_999_000)));
        assertThat(Matchers.parse(Tag.AcquisitionDateTime, VR.DT, "20240105101500-0500")).contains(
                new Matcher.DateTimeRange(LocalDateTime.of(2024, 1, 5, 10, 15),
                        LocalDateTime.of(2024, 1, 5, 10, 15, 0, 999_999_000)));
        assertThat(Matchers.parse(Tag.StudyInstanceUID, VR.UI, "1.2", "1.3")).contains(
                new Matcher.AnyOf(List.of("1.2", "1.3")));
        assertThat(Matchers.parse(Tag.AccessionNumber, VR.SH, "A%1")).contains(new Matcher.Single("A%1"));
        assertThat(Matchers.parse(Tag.PatientName, VR.PN, "*")).isEmpty();
        assertThat(Matchers.parse(Tag.PatientName, VR.PN, "")).isEmpty();
    }

    @Test
    void unmatchableValuesAreRejectedNamingTheAttribute() {
        assertThatThrownBy(() -> Matchers.parse(Tag.StudyDate, VR.DA, "2024-01-01"))
                .isInstanceOf(InvalidQueryException.class).hasMessageContaining("(0008,0020) StudyDate");
        assertThatThrownBy(() -> Matchers.parse(Tag.StudyDate, VR.DA, "20240201-20240101"))
                .isInstanceOf(InvalidQueryException.class).hasMessageContaining("after");
        assertThatThrownBy(() -> Matchers.parse(Tag.StudyInstanceUID, VR.UI, "1.2.*"))
                .isInstanceOf(InvalidQueryException.class).hasMessageContaining("wild cards");
        assertThatThrownBy(() -> Matchers.parse(Tag.SeriesNumber, VR.IS, "1*"))
                .isInstanceOf(InvalidQueryException.class);
        assertThatThrownBy(() -> Matchers.parse(Tag.StudyDate, VR.DA, "20240101", "20240102"))
                .isInstanceOf(InvalidQueryException.class).hasMessageContaining("range");
        assertThatThrownBy(() -> QueryLevel.fromCode("WORKLIST")).isInstanceOf(InvalidQueryException.class);
        assertThatThrownBy(() -> Query.builder(QueryLevel.STUDY).limit(-1)).isInstanceOf(
                InvalidQueryException.class);
    }
}
