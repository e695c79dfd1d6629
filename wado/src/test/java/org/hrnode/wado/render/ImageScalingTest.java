package org.hrnode.wado.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

/** Halvings average 2×2 blocks exactly, for grey and colour, and leave sub-images to Java2D without harm. */
class ImageScalingTest {

    @Test
    void greyHalvingIsTheRoundedMeanOfEachBlock() {
        BufferedImage grey = new BufferedImage(5, 4, BufferedImage.TYPE_BYTE_GRAY);
        int[] values = {0, 1, 2, 3, 9, 4, 5, 6, 7, 9, 100, 101, 200, 255, 9, 102, 103, 201, 254, 9};
        grey.getRaster().setPixels(0, 0, 5, 4, values);

        BufferedImage half = ImageScaling.halve(grey);

        assertThat(half.getWidth()).isEqualTo(2);
        assertThat(half.getHeight()).isEqualTo(2);
        assertThat(half.getRaster().getPixels(0, 0, 2, 2, (int[]) null))
                .containsExactly(3, 5, 102, 228); // (0+1+4+5+2)/4=3, (2+3+6+7+2)/4=5, (406+2)/4=102, (910+2)/4=228
    }

    @Test
    void colourHalvingAveragesEachChannel() {
        BufferedImage rgb = new BufferedImage(2, 2, BufferedImage.TYPE_3BYTE_BGR);
        rgb.setRGB(0, 0, 0xFF0000);
        rgb.setRGB(1, 0, 0x00FF00);
        rgb.setRGB(0, 1, 0x0000FF);
        rgb.setRGB(1, 1, 0xFFFFFF);

        BufferedImage half = ImageScaling.halve(rgb);

        assertThat(half.getRGB(0, 0) & 0xFFFFFF).isEqualTo(0x808080);
    }

    @Test
    void aSubImageIsScaledThroughJava2d() {
        BufferedImage grey = new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
                grey.getRaster().setSample(x, y, 0, x < 4 ? 0 : 200);
            }
        }

        BufferedImage half = ImageScaling.halve(grey.getSubimage(4, 0, 4, 4));

        assertThat(half.getRaster().getPixels(0, 0, 2, 2, (int[]) null)).containsOnly(200);
    }
}
