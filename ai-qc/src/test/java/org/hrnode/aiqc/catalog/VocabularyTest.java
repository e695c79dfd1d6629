package org.hrnode.aiqc.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.hrnode.aiqc.catalog.Vocabulary.Hit;
import org.hrnode.aiqc.catalog.Vocabulary.Kind;
import org.junit.jupiter.api.Test;

class VocabularyTest {

    private static final Vocabulary V = Vocabulary.standard();

    @Test
    void normalisesFullWidthFormsTraditionalCharactersAndSeparators() {
        assertThat(V.normalise("膝关节正侧位（左）")).isEqualTo("膝关节正侧位 左");
        assertThat(V.normalise("ＣＴ平扫＋三维重建")).isEqualTo("CT平扫 + 三维重建");
        assertThat(V.normalise("頸椎 MRI")).isEqualTo("颈椎 MRI");
        assertThat(V.normalise("dx chest/pa")).isEqualTo("DX CHEST PA");
        assertThat(V.normalise("T1+C")).isEqualTo("T1 + C");
        assertThat(V.normalise(null)).isEmpty();
    }

    @Test
    void takesTheLongestTermSoCompoundRegionsWin() {
        assertThat(regions("颈胸段脊柱正侧位")).containsExactly("CERVICOTHORACIC");
        assertThat(regions("骶尾椎侧位")).containsExactly("SACROCOCCYX");
        assertThat(regions("肾上腺CT")).containsExactly("ADRENAL");
        assertThat(regions("上腹部")).containsExactly("UPPER_ABDOMEN");
        assertThat(regions("胸锁关节")).containsExactly("STERNOCLAVICULAR");
        assertThat(regions("乳突CT")).containsExactly("TEMPORAL_BONE");
        assertThat(regions("L-SPINE")).containsExactly("LSPINE");
    }

    @Test
    void asciiTermsMatchWholeWordsOnly() {
        assertThat(hits("CTA HEAD").stream().map(Hit::kind)).contains(Kind.EXCLUDE).doesNotContain(Kind.MODALITY);
        assertThat(hits("CT平扫").stream().map(Hit::key)).contains("CT", "PLAIN");
        assertThat(regions("HEADFIRST")).isEmpty();
    }

    @Test
    void contrastPhrasesAreReadWhole() {
        assertThat(keys("CT HEAD WITHOUT CONTRAST", Kind.CONTRAST)).containsExactly("PLAIN");
        assertThat(keys("W/O CONTRAST", Kind.CONTRAST)).containsExactly("PLAIN");
        assertThat(keys("MRI BRAIN W/WO", Kind.CONTRAST)).containsExactly("ENHANCED");
        assertThat(keys("T1+C SAG", Kind.CONTRAST)).containsExactly("ENHANCED");
        assertThat(keys("非增强", Kind.CONTRAST)).containsExactly("PLAIN");
        assertThat(keys("造影剂", Kind.EXCLUDE)).isEmpty();
    }

    @Test
    void viewsSidesAndTermsWithTwoMeanings() {
        assertThat(hits("颈椎双斜位").stream().filter(h -> h.kind() == Kind.VIEW).findFirst().orElseThrow().keys())
                .containsExactly("OBLIQUE", "OBLIQUE");
        assertThat(keys("颈椎双斜位", Kind.SIDE)).as("双 of 双斜位 is no side").isEmpty();
        assertThat(keys("双手正位", Kind.SIDE)).containsExactly("BOTH");
        assertThat(hits("KUB").stream().map(Hit::kind)).containsExactly(Kind.REGION, Kind.POSTURE);
    }

    @Test
    void oneTypingSlipInALongEnglishWordIsForgiven() {
        List<Hit> hits = hits("CT RT SHOULDR");
        assertThat(hits).anySatisfy(h -> {
            assertThat(h.key()).isEqualTo("SHOULDER");
            assertThat(h.fuzzy()).isTrue();
        });
        assertThat(regions("ANKEL")).containsExactly("ANKLE");
        assertThat(regions("KNE")).as("short words are not guessed").isEmpty();
        assertThat(Vocabulary.withinOneEdit("LUMBER", "LUMBAR")).isTrue();
        assertThat(Vocabulary.withinOneEdit("ABDOMNE", "ABDOMEN")).isTrue();
        assertThat(Vocabulary.withinOneEdit("PELVIS", "PELVIC")).isTrue();
        assertThat(Vocabulary.withinOneEdit("SHOULDER", "SHOULDER")).isFalse();
        assertThat(Vocabulary.withinOneEdit("ELBOW", "BELOW")).isFalse();
    }

    @Test
    void chineseTyposAndVariantsAreMapped() {
        assertThat(regions("右裸关节正侧位")).containsExactly("ANKLE");
        assertThat(regions("左膑骨")).containsExactly("PATELLA");
        assertThat(regions("颈锥")).containsExactly("CSPINE");
    }

    private static List<Hit> hits(String text) {
        return V.scan(text);
    }

    private static List<String> regions(String text) {
        return keys(text, Kind.REGION);
    }

    private static List<String> keys(String text, Kind kind) {
        return V.scan(text).stream().filter(h -> h.kind() == kind).map(Hit::key).toList();
    }
}
