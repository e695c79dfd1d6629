package org.hrnode.wado.qido;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hrnode.dicom.dict.Tag;
import org.junit.jupiter.api.Test;

class QidoRequestTest {

    private static QidoRequest parse(QidoTarget target, String... nameValuePairs) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            parameters.computeIfAbsent(nameValuePairs[i], k -> new java.util.ArrayList<>()).add(nameValuePairs[i + 1]);
        }
        return QidoRequest.parse(target, "1.2.3", "1.2.3.4", parameters);
    }

    private static QidoRequest studies(String... nameValuePairs) {
        return parse(QidoTarget.ALL_STUDIES, nameValuePairs);
    }

    @Test
    void attributesAreNamedByKeywordOrTag() {
        QidoRequest r = studies("PatientName", "王*", "00100020", "P1", "StudyDate", "20200101-20201231");

        assertThat(r.matches()).containsExactly(Map.entry(Tag.PatientName, List.of("王*")),
                Map.entry(Tag.PatientID, List.of("P1")), Map.entry(Tag.StudyDate, List.of("20200101-20201231")));
    }

    @Test
    void uidAndCodeStringListsSplitOnCommaOrBackslashOtherValuesOnlyOnBackslash() {
        QidoRequest r = parse(QidoTarget.ALL_INSTANCES, "SOPInstanceUID", "1.2.3,1.2.4\\1.2.5",
                "ModalitiesInStudy", "CT,MR", "PatientName", "Wang,Xiao\\Li^Si", "SOPInstanceUID", "1.9");

        assertThat(r.matches().get(Tag.SOPInstanceUID)).containsExactly("1.2.3", "1.2.4", "1.2.5", "1.9");
        assertThat(r.matches().get(Tag.ModalitiesInStudy)).containsExactly("CT", "MR");
        assertThat(r.matches().get(Tag.PatientName)).containsExactly("Wang,Xiao", "Li^Si");
    }

    @Test
    void includefieldTakesRepeatsCommaListsAndAll() {
        QidoRequest r = studies("includefield", "00081030,PatientAge", "includefield", "all");

        assertThat(r.includeFields()).containsExactly(Tag.StudyDescription, Tag.PatientAge);
        assertThat(r.includeAll()).isTrue();
    }

    @Test
    void pagingAndFuzzyMatching() {
        QidoRequest r = studies("limit", "10", "offset", "20", "fuzzymatching", "true");

        assertThat(r.limit()).isEqualTo(10);
        assertThat(r.offset()).isEqualTo(20);
        assertThat(r.fuzzy()).isTrue();
        assertThat(studies().limit()).as("no limit: the server's maximum").isZero();
    }

    @Test
    void pathUidsAreKeptOnlyForTargetsThatHaveThem() {
        assertThat(parse(QidoTarget.SERIES_INSTANCES).studyUid()).isEqualTo("1.2.3");
        assertThat(parse(QidoTarget.SERIES_INSTANCES).seriesUid()).isEqualTo("1.2.3.4");
        assertThat(parse(QidoTarget.STUDY_SERIES).seriesUid()).isNull();
        assertThat(studies().studyUid()).isNull();
    }

    @Test
    void badParametersAreRefusedWithTheirName() {
        assertThatThrownBy(() -> studies("PatientNam", "x")).isInstanceOf(InvalidQidoRequestException.class)
                .hasMessageContaining("'PatientNam'").hasMessageContaining("keyword");
        assertThatThrownBy(() -> studies("PatientName' OR '1'='1", "x"))
                .isInstanceOf(InvalidQidoRequestException.class);
        assertThatThrownBy(() -> studies("includefield", "00100010;DROP TABLE studies"))
                .isInstanceOf(InvalidQidoRequestException.class).hasMessageContaining("includefield");
        assertThatThrownBy(() -> studies("RequestAttributesSequence.RequestedProcedureID", "1"))
                .hasMessageContaining("inside sequences");
        assertThatThrownBy(() -> studies("99990010", "x")).hasMessageContaining("not an attribute");
        assertThatThrownBy(() -> studies("limit", "-1")).hasMessageContaining("limit '-1'");
        assertThatThrownBy(() -> studies("limit", "0")).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> studies("limit", "99999999999999999999")).hasMessageContaining("whole number");
        assertThatThrownBy(() -> studies("limit", "ten")).hasMessageContaining("whole number");
        assertThatThrownBy(() -> studies("offset", "-5")).hasMessageContaining("offset");
        assertThatThrownBy(() -> studies("limit", "1", "limit", "2")).hasMessageContaining("given 2 times");
        assertThatThrownBy(() -> studies("fuzzymatching", "yes")).hasMessageContaining("true or false");
        assertThatThrownBy(() -> studies("StudyInstanceUID", "1.2.*")).hasMessageContaining("not a UID");
        assertThatThrownBy(() -> studies("StudyInstanceUID", "1.2.3;DELETE")).hasMessageContaining("not a UID");
        assertThatThrownBy(() -> studies("PatientID", "P1\u0000")).hasMessageContaining("control characters");
        assertThatThrownBy(() -> studies("PatientID", "x".repeat(2000))).hasMessageContaining("longer than");
        assertThatThrownBy(() -> QidoRequest.parse(QidoTarget.STUDY_SERIES, "../../etc/passwd", null, Map.of()))
                .hasMessageContaining("study in the path");
    }

    @Test
    void defaultAttributesFollowTheTargetsScope() {
        assertThat(QidoTarget.ALL_STUDIES.defaultAttributes()).contains(Tag.PatientName,
                Tag.NumberOfStudyRelatedInstances, Tag.ModalitiesInStudy).doesNotContain(Tag.Modality);
        assertThat(QidoTarget.ALL_SERIES.defaultAttributes()).contains(Tag.PatientName, Tag.Modality);
        assertThat(QidoTarget.STUDY_SERIES.defaultAttributes()).contains(Tag.Modality)
                .doesNotContain(Tag.PatientName);
        assertThat(QidoTarget.SERIES_INSTANCES.defaultAttributes()).contains(Tag.SOPInstanceUID, Tag.Rows)
                .doesNotContain(Tag.Modality, Tag.PatientName);
        assertThat(QidoTarget.ALL_INSTANCES.defaultAttributes()).contains(Tag.PatientName, Tag.Modality,
                Tag.SOPInstanceUID);
    }
}
