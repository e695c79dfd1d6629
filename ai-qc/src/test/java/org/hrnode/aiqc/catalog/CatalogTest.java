package org.hrnode.aiqc.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hrnode.dicom.testing.TestData;
import org.junit.jupiter.api.Test;

class CatalogTest {

    private static final Catalog CATALOG = Catalog.standard();

    @Test
    void theShippedCatalogueIsThePublishedOne() throws IOException {
        Path published = TestData.sharedDir().resolve("spec").resolve(Catalog.RESOURCE);
        TestData.require(Files.isRegularFile(published), "the published catalogue " + published.toAbsolutePath());
        try (InputStream shipped = Catalog.class.getResourceAsStream(Catalog.RESOURCE)) {
            assertThat(shipped.readAllBytes()).isEqualTo(Files.readAllBytes(published));
        }
    }

    @Test
    void hasTheProgrammesCountsPerModality() {
        assertThat(CATALOG.items()).hasSize(141);
        Map<CatalogModality, Long> counts = CATALOG.items().stream()
                .collect(Collectors.groupingBy(CatalogItem::modality, Collectors.counting()));
        assertThat(counts).containsExactlyInAnyOrderEntriesOf(
                Map.of(CatalogModality.DR, 66L, CatalogModality.CT, 49L, CatalogModality.MR, 26L));
        for (int no = 1; no <= 141; no++) {
            assertThat(CATALOG.item(no)).get().extracting(CatalogItem::no).isEqualTo(no);
        }
    }

    @Test
    void normalisesTheCataloguesOwnQuirks() {
        // "MRI" category and "MR" in the name are both MR; 颈 and 头 in the body-part column gain 部
        assertThat(item(139).modality()).isEqualTo(CatalogModality.MR);
        assertThat(item(139).section()).isEqualTo("颈部");
        assertThat(item(67).section()).isEqualTo("头部");
        assertThat(item(120).modality()).isEqualTo(CatalogModality.MR);
        // 颅脑 (116) and 头部 (126) are one region; 髌 (65) is 髌骨 like 57
        assertThat(item(116).region()).isEqualTo(item(126).region());
        assertThat(item(65).region()).isEqualTo(item(57).region());
        assertThat(item(65).region().key()).isEqualTo("PATELLA");
    }

    @Test
    void readsSidesViewsPostureContrastAndPopulation() {
        assertThat(item(14)).extracting(CatalogItem::side, CatalogItem::views)
                .containsExactly(Side.RIGHT, List.of(View.FRONTAL, View.LATERAL));
        assertThat(item(2).views()).containsExactly(View.FRONTAL, View.LATERAL);
        assertThat(item(2).posture()).isEqualTo(Posture.ERECT);
        assertThat(item(1).views()).containsExactly(View.FRONTAL);
        assertThat(item(3).population()).isEqualTo(Population.INFANT);
        assertThat(item(26).views()).containsExactly(View.OBLIQUE, View.OBLIQUE);
        assertThat(item(26).side()).isEqualTo(Side.UNSPECIFIED);
        assertThat(item(27).views()).containsExactly(View.OPEN_MOUTH);
        assertThat(item(28).views()).containsExactly(View.FLEXION, View.EXTENSION);
        assertThat(item(58).views()).containsExactly(View.LATERAL, View.AXIAL);
        assertThat(item(62)).extracting(CatalogItem::side, CatalogItem::views, CatalogItem::mammography)
                .containsExactly(Side.BOTH, List.of(View.MLO), true);
        assertThat(item(24).posture()).isEqualTo(Posture.ERECT);
        assertThat(item(25).posture()).isEqualTo(Posture.SUPINE);
        assertThat(item(55).side()).isEqualTo(Side.BOTH);
        assertThat(item(42).region().key()).isEqualTo("CERVICOTHORACIC");
        assertThat(item(108)).extracting(i -> i.region().key(), CatalogItem::contrast)
                .containsExactly("WHOLE_ABDOMEN", Contrast.ENHANCED);
        assertThat(item(67).contrast()).isEqualTo(Contrast.PLAIN);
        assertThat(item(19).contrast()).isEqualTo(Contrast.NOT_APPLICABLE);
        assertThat(item(87).side()).isEqualTo(Side.BOTH);
        assertThat(item(98).side()).isEqualTo(Side.UNSPECIFIED);
    }

    @Test
    void pairedPartsRequireLaterality() {
        assertThat(item(12).requiresLaterality()).as("髋关节正位: one hip or both, the images must say").isTrue();
        assertThat(item(13).requiresLaterality()).isTrue();
        assertThat(item(19).requiresLaterality()).isFalse();
        assertThat(item(94).requiresLaterality()).isFalse();
        assertThat(item(2).minimumImages()).isEqualTo(2);
        assertThat(item(24).minimumImages()).isEqualTo(1);
    }

    @Test
    void everyItemHasExactlyOneRegionAndARegionNamedInChinese() {
        for (CatalogItem i : CATALOG.items()) {
            assertThat(i.region().zh()).as("item %d", i.no()).isNotBlank();
        }
    }

    @Test
    void anItemTheVocabularyCannotReadIsRefusedAtLoad() {
        String tsv = "no\tcategory\tbody_part\titem\n1\tCT\t心\t心脏冠状动脉 CT\n";
        assertThatThrownBy(() -> Catalog.read(new BufferedReader(new StringReader(tsv)), Vocabulary.standard()))
                .hasMessageContaining("item 1").hasMessageContaining("no body region");
        assertThatThrownBy(() -> Catalog.read(new BufferedReader(new StringReader("x\n")), Vocabulary.standard()))
                .hasMessageContaining("header");
    }

    private static CatalogItem item(int no) {
        return CATALOG.item(no).orElseThrow();
    }
}
