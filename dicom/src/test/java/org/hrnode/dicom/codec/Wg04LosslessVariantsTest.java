package org.hrnode.dicom.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 4's proof for decoding: every lossless WG04 variant of an image (J2KR, JLSL, JPLL, RLE) decodes to the
 * pixels of its uncompressed reference, and so to the same pixels as every other variant.
 */
class Wg04LosslessVariantsTest {

    static Stream<String> images() {
        return Wg04.imagesWithReference().stream();
    }

    @Test
    void theCoreImagesAndAllTheirLosslessVariantsArePresent() {
        List<String> missing = new ArrayList<>();
        for (String image : Wg04.REQUIRED_IMAGES) {
            if (!Wg04.imagesWithReference().contains(image)) {
                missing.add(image + "/REF");
            }
            for (String variant : Wg04.LOSSLESS_VARIANTS) {
                if (!Files.exists(Wg04.variant(image, variant))) {
                    missing.add(image + "_" + variant);
                }
            }
        }
        assertThat(missing).as("WG04 files the shared data must hold").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("images")
    void everyLosslessVariantDecodesToTheReference(String image) throws Exception {
        DecodedPixels reference = DecodedPixels.of(Wg04.reference(image));
        int compared = 0;
        for (String variant : Wg04.LOSSLESS_VARIANTS) {
            Path file = Wg04.variant(image, variant);
            if (!Files.exists(file)) {
                System.err.println("*** " + image + "_" + variant + " is not in the shared data (files >= 4 MiB "
                        + "were left out): not compared");
                continue;
            }
            DecodedPixels decoded = DecodedPixels.of(file);
            assertThat(decoded.description().photometricInterpretation()).as(variant)
                    .isEqualTo(reference.description().photometricInterpretation());
            assertThat(decoded.bytes()).as(image + "_" + variant + " decoded vs REF").hasSameSizeAs(reference.bytes());
            assertThat(decoded.bytes()).as(image + "_" + variant + " decoded vs REF").isEqualTo(reference.bytes());
            compared++;
        }
        assertThat(compared).as("lossless variants of " + image).isPositive();
    }
}
