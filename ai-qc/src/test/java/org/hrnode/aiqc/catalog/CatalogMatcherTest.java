package org.hrnode.aiqc.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.VR;
import org.hrnode.dicom.dict.Tag;
import org.junit.jupiter.api.Test;

class CatalogMatcherTest {

    private static final CatalogMatcher MATCHER = new CatalogMatcher(Catalog.standard());

    @Test
    void explainsWhichAttributesMatched() {
        CatalogMatch m = MATCHER.match(images("DX", "膝关节正侧位(左)", "AP", "LAT"));
        assertThat(m.numbers()).containsExactly(13);
        assertThat(m.items().getFirst().confidence()).isEqualTo(1.0);
        assertThat(m.explanation()).contains("#13 左侧膝关节正侧位摄影", "Modality DX → DR",
                "region 膝关节 from StudyDescription '膝关节正侧位(左)'", "side 左", "views 正位+侧位 for 正位+侧位");
    }

    @Test
    void saysWhatIsMissingWhenOneViewOfATwoViewItemWasTaken() {
        CatalogMatch m = MATCHER.match(images("DX", "右膝关节正侧位", "AP"));
        assertThat(m.numbers()).containsExactly(14);
        assertThat(m.items().getFirst().confidence()).isLessThan(1.0);
        assertThat(m.explanation()).contains("images lack 侧位 (View Position AP)");
    }

    @Test
    void withoutLateralityBothSidesAreCandidatesWithHalfConfidence() {
        CatalogMatch m = MATCHER.match(images("DX", "KNEE AP/LAT", "AP", "LAT"));
        assertThat(m.numbers()).containsExactly(13, 14);
        assertThat(m.items()).allSatisfy(i -> assertThat(i.confidence()).isEqualTo(0.5));
        assertThat(m.explanation()).contains("laterality not stated (左 or 右)");
    }

    @Test
    void imageLateralityDecidesWhenTheTextIsSilent() {
        List<Dataset> study = images("DX", "KNEE AP/LAT", "AP", "LAT");
        study.forEach(ds -> ds.setString(Tag.ImageLaterality, VR.CS, "R"));
        CatalogMatch m = MATCHER.match(study);
        assertThat(m.numbers()).containsExactly(14);
        assertThat(m.explanation()).contains("ImageLaterality R");
    }

    @Test
    void theOppositeSideRulesAnItemOut() {
        List<Dataset> study = images("DX", "左膝关节正侧位", "AP", "LAT");
        study.forEach(ds -> ds.setString(Tag.ImageLaterality, VR.CS, "L"));
        assertThat(MATCHER.match(study).numbers()).doesNotContain(14);
    }

    @Test
    void contrastAgentMakesAStudyEnhancedEvenWhenTheTextIsSilent() {
        List<Dataset> study = images("CT", "CT CHEST");
        study.getFirst().setString(Tag.ContrastBolusAgent, VR.LO, "Iohexol");
        CatalogMatch m = MATCHER.match(study);
        assertThat(m.numbers()).containsExactly(107);
        assertThat(m.explanation()).contains("增强 from ContrastBolusAgent 'Iohexol'");
    }

    @Test
    void unstatedContrastIsTakenAsPlainAndSaidSo() {
        CatalogMatch m = MATCHER.match(images("CT", "CT CHEST"));
        assertThat(m.numbers()).containsExactly(94);
        assertThat(m.items().getFirst().confidence()).isEqualTo(0.9);
        assertThat(m.explanation()).contains("contrast not stated, taken as 平扫");
    }

    @Test
    void anEnhancedExamOfARegionListedOnlyPlainIsNoItem() {
        CatalogMatch m = MATCHER.match(images("CT", "腰椎CT增强"));
        assertThat(m.items()).isEmpty();
        assertThat(m.explanation()).startsWith("no catalogue item");
    }

    @Test
    void modalityOutsideTheCatalogueIsNamed() {
        CatalogMatch m = MATCHER.match(images("US", "腹部彩超"));
        assertThat(m.items()).isEmpty();
        assertThat(m.explanation()).contains("Modality US is not DR, CT or MR");
    }

    @Test
    void angiographyIsNotTheRegionsPlainExam() {
        CatalogMatch m = MATCHER.match(images("CT", "头颅CTA"));
        assertThat(m.items()).isEmpty();
        assertThat(m.explanation()).contains("'CTA' (angiography) is not a catalogue exam").contains("nearest #");
    }

    @Test
    void aCombinedOrderIsSeveralItems() {
        assertThat(MATCHER.match(images("CT", "胸部+上腹部CT平扫")).numbers()).containsExactlyInAnyOrder(94, 83);
        assertThat(MATCHER.match(images("DX", "颈椎正侧位+双斜位", "AP", "LAT", "RAO", "LAO")).numbers())
                .containsExactlyInAnyOrder(19, 26);
    }

    @Test
    void aDefaultBodyPartDoesNotAddAnItem() {
        List<Dataset> study = images("CT", "鼻窦CT平扫");
        study.forEach(ds -> ds.setString(Tag.BodyPartExamined, VR.CS, "HEAD"));
        assertThat(MATCHER.match(study).numbers()).containsExactly(67);
    }

    @Test
    void theInfantChestGoesByAge() {
        List<Dataset> baby = images("DX", "胸部正位", "AP");
        baby.getFirst().setString(Tag.PatientAge, VR.AS, "010M");
        assertThat(MATCHER.match(baby).numbers()).containsExactly(3);
        List<Dataset> adult = images("DX", "胸部正位", "PA");
        adult.getFirst().setString(Tag.PatientAge, VR.AS, "045Y");
        assertThat(MATCHER.match(adult).numbers()).containsExactly(1);
    }

    @Test
    void theInstitutionsMappingTakesPrecedence() {
        List<Dataset> study = images("DX", "膝关节正侧位(左)", "AP", "LAT");
        Dataset code = study.getFirst().newSequence(Tag.ProcedureCodeSequence).addNewItem();
        code.setString(Tag.CodeValue, VR.SH, "XR0123");
        code.setString(Tag.CodeMeaning, VR.LO, "膝关节正侧位(左)");
        InstitutionMappings mappings = InstitutionMappings.of("SC0001", Map.of("xr0123", List.of(14)));
        CatalogMatch m = MATCHER.match(study, mappings);
        assertThat(m.numbers()).containsExactly(14);
        assertThat(m.items().getFirst().confidence()).isEqualTo(1.0);
        assertThat(m.explanation()).contains("mapping of institution SC0001: local exam 'XR0123'");

        InstitutionMappings byName = InstitutionMappings.of("SC0001", Map.of("膝关节正侧位（左）", List.of(13)));
        assertThat(MATCHER.match(study, byName).numbers()).containsExactly(13);
        InstitutionMappings other = InstitutionMappings.of("SC0001", Map.of("XR9999", List.of(14)));
        assertThat(MATCHER.match(study, other).numbers()).as("no entry: the heuristic").containsExactly(13);
    }

    @Test
    void theSameStudyAlwaysGivesTheSameAnswer() {
        List<Dataset> study = images("DX", "膝关节正侧位", "AP", "LAT");
        CatalogMatch first = MATCHER.match(study);
        for (int i = 0; i < 5; i++) {
            assertThat(MATCHER.match(study)).isEqualTo(first);
        }
    }

    @Test
    void noInstancesNoMatch() {
        assertThat(MATCHER.match(List.of()).items()).isEmpty();
    }

    /** One instance per view (or one without a view), all with the same study description. */
    private static List<Dataset> images(String modality, String studyDescription, String... views) {
        List<Dataset> out = new ArrayList<>();
        int n = Math.max(1, views.length);
        for (int i = 0; i < n; i++) {
            Dataset ds = new Dataset();
            ds.setString(Tag.SOPInstanceUID, VR.UI, "1.2.3.4." + (i + 1));
            ds.setString(Tag.Modality, VR.CS, modality);
            ds.setString(Tag.StudyDescription, VR.LO, studyDescription);
            if (views.length > 0) {
                ds.setString(Tag.ViewPosition, VR.CS, views[i]);
            }
            out.add(ds);
        }
        return out;
    }
}
