package org.hrnode.wado.render;

import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * Cuts the viewport's source region out of a rendered frame and scales it to fit the viewport, with Java2D.
 * Large reductions (a 3000-row radiograph to a 128-pixel thumbnail) go by halvings first: one bilinear step would
 * sample only a few source pixels per output pixel and alias, while each bilinear halving averages 2×2 pixels.
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
            current = draw(current, w, h);
        }
        return w == width && h == height ? current : draw(current, width, height);
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
