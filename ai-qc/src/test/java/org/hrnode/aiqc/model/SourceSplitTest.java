package org.hrnode.aiqc.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SourceSplitTest {

    private static SourceImage image(String id, String group, QcModality m) {
        return new SourceImage(id, group, m, WorkingImage.of(new float[WorkingImage.SIZE * WorkingImage.SIZE]));
    }

    private static List<SourceImage> sources() {
        List<SourceImage> all = new ArrayList<>();
        for (int s = 0; s < 8; s++) {
            all.add(image("ct-series/" + s, "ct-series", QcModality.CT));
        }
        for (int i = 0; i < 6; i++) {
            all.add(image("ct" + i, "ct" + i, QcModality.CT));
            all.add(image("mr" + i, "mr" + i, QcModality.MR));
        }
        all.add(image("dx0", "dx0", QcModality.PROJECTION));
        all.add(image("dx1", "dx1", QcModality.PROJECTION));
        all.add(image("nm0", "nm0", QcModality.OTHER));
        return all;
    }

    @Test
    void noSourceIsOnBothSides() {
        for (long seed = 0; seed < 20; seed++) {
            SourceSplit split = SourceSplit.of(sources(), seed);
            Set<String> train = split.train().stream().map(SourceImage::group).collect(Collectors.toSet());
            Set<String> held = split.heldOut().stream().map(SourceImage::group).collect(Collectors.toSet());
            assertThat(train).doesNotContainAnyElementsOf(held);
            assertThat(split.train().size() + split.heldOut().size()).isEqualTo(sources().size());
        }
    }

    @Test
    void everyFamilyWithTwoSourcesHoldsOneOutAndAQuarterAtMost() {
        SourceSplit split = SourceSplit.of(sources(), 7);
        Set<QcModality> heldFamilies = split.heldOut().stream().map(SourceImage::modality).collect(Collectors.toSet());
        assertThat(heldFamilies).containsExactlyInAnyOrder(QcModality.CT, QcModality.MR, QcModality.PROJECTION);
        long heldCt = split.heldOut().stream().filter(s -> s.modality() == QcModality.CT).count();
        assertThat(heldCt).as("the 8-slice series never makes up the CT share alone").isBetween(1L, 4L);
    }

    @Test
    void theSameSeedGivesTheSameSplit() {
        assertThat(SourceSplit.of(sources(), 11)).isEqualTo(SourceSplit.of(sources(), 11));
    }
}
