package org.hrnode.wado.render;

import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBufferByte;
import java.awt.image.WritableRaster;

/**
 * Cuts the viewport's source region out of a rendered frame and scales it to fit the viewport. Large reductions
 * (a 3000-row radiograph to a 128-pixel thumbnail) go by halvings first: one bilinear step would sample only a few
 * source pixels per output pixel and alias, while a halving averages each 2×2 block. Halvings of the renderer's own
 * 8-bit grey and RGB images are done on their byte arrays (a 2500×3000 radiograph in a few ms, where Java2D's
 * general loop takes 35–50 ms); the last, fractional step and any other image type go through Java2D bilinear.
 */
final class ImageScaling {

    private ImageScaling() {
    }

    /** The image as the viewport shows it; the image itself when there is no viewport. */
    static BufferedImage fit(BufferedImage image, Viewport viewport) {
        if (viewport == null) {
            return image;
        }
        Rectangle source = viewport.sourceIn(image.getWidth(), image.getHeight());
        BufferedImage region = source.width == image.getWidth() && source.height == image.getHeight() ? image
                : image.getSubimage(source.x, source.y, source.width, source.height);
        Dimension out = viewport.outputFor(source.width, source.height);
        return resize(region, out.width, out.height);
    }

    /** {@code image} scaled to exactly {@code width}×{@code height}, same image type. */
    static BufferedImage resize(BufferedImage image, int width, int height) {
        BufferedImage current = image;
        int w = image.getWidth();
        int h = image.getHeight();
        while (w / 2 >= width && h / 2 >= height) {
            w /= 2;
            h /= 2;
            current = halve(current);
        }
        return w == width && h == height ? current : draw(current, width, height);
    }

    /** {@code source} at half its width and height (rounded down), each pixel the rounded mean of a 2×2 block. */
    static BufferedImage halve(BufferedImage source) {
        int channels = switch (source.getType()) {
            case BufferedImage.TYPE_BYTE_GRAY -> 1;
            case BufferedImage.TYPE_3BYTE_BGR -> 3;
            default -> 0;
        };
        int width = source.getWidth() / 2;
        int height = source.getHeight() / 2;
        WritableRaster raster = source.getRaster();
        boolean plain = raster.getSampleModelTranslateX() == 0 && raster.getSampleModelTranslateY() == 0
                && raster.getSampleModel() instanceof ComponentSampleModel model
                && model.getScanlineStride() == source.getWidth() * channels;
        if (channels == 0 || !plain) {
            return draw(source, width, height);
        }
        BufferedImage target = new BufferedImage(width, height, source.getType());
        byte[] in = ((DataBufferByte) raster.getDataBuffer()).getData();
        byte[] out = ((DataBufferByte) target.getRaster().getDataBuffer()).getData();
        int stride = source.getWidth() * channels;
        for (int y = 0; y < height; y++) {
            int top = 2 * y * stride;
            int bottom = top + stride;
            int row = y * width * channels;
            for (int x = 0; x < width * channels; x += channels) {
                for (int c = 0; c < channels; c++) {
                    int i = 2 * x + c;
                    int sum = (in[top + i] & 0xFF) + (in[top + i + channels] & 0xFF) + (in[bottom + i] & 0xFF)
                            + (in[bottom + i + channels] & 0xFF);
                    out[row + x + c] = (byte) ((sum + 2) >> 2);
                }
            }
        }
        return target;
    }

    private static BufferedImage draw(BufferedImage source, int width, int height) {
        BufferedImage target = new BufferedImage(width, height, source.getType());
        Graphics2D g = target.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(source, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return target;
    }
}
