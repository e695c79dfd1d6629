package org.hrnode.wado.render;

import java.awt.AlphaComposite;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.imageio.ImageIO;

/**
 * Draws the "川渝 HR" mutual-recognition mark (spec §6.4) in the upper-right corner of a rendered image.
 *
 * <p>The mark is a picture, {@code hr-mark.png}, made by {@code scripts/make-hr-mark.py} from Debian's Droid Sans
 * Fallback (Apache-2.0) and DejaVu Sans Bold: drawing the text at run time would depend on a CJK font being
 * installed where the node runs, and Java draws empty boxes where none is. White letters with a black outline on a
 * translucent plate read on black and on white images alike. Its height is about a tenth of the image's shorter
 * side (at least 16 pixels, so the ideographs stay legible on thumbnails) and its width at most half the image's.
 */
final class HrMark {

    private static final String RESOURCE = "hr-mark.png";
    private static final double HEIGHT_SHARE = 0.09;
    private static final int MIN_HEIGHT = 16;
    private static final double MAX_WIDTH_SHARE = 0.5;
    private static final double MARGIN_SHARE = 0.02;
    private static final int MIN_MARGIN = 2;
    /** Output sizes repeat (thumbnails, viewer tiles): scaled marks are kept, a bounded number of them. */
    private static final int MAX_CACHED = 64;

    private static final BufferedImage MARK = load();
    private static final Map<Long, BufferedImage> SCALED = new ConcurrentHashMap<>();

    private HrMark() {
    }

    /** Draws the mark onto {@code image} in place. */
    static void drawOn(BufferedImage image) {
        int side = Math.min(image.getWidth(), image.getHeight());
        double aspect = (double) MARK.getWidth() / MARK.getHeight();
        int height = Math.max(MIN_HEIGHT, (int) Math.round(side * HEIGHT_SHARE));
        int width = (int) Math.round(height * aspect);
        int maxWidth = (int) (image.getWidth() * MAX_WIDTH_SHARE);
        if (width > maxWidth) {
            width = Math.max(1, maxWidth);
            height = Math.max(1, (int) Math.round(width / aspect));
        }
        BufferedImage mark = scaled(width, height);
        int margin = Math.max(MIN_MARGIN, (int) Math.round(side * MARGIN_SHARE));
        Graphics2D g = image.createGraphics();
        try {
            g.setComposite(AlphaComposite.SrcOver);
            g.drawImage(mark, image.getWidth() - width - margin, margin, null);
        } finally {
            g.dispose();
        }
    }

    private static BufferedImage scaled(int width, int height) {
        long key = ((long) width << Integer.SIZE) | height;
        BufferedImage cached = SCALED.get(key);
        if (cached != null) {
            return cached;
        }
        if (SCALED.size() >= MAX_CACHED) {
            SCALED.clear();
        }
        BufferedImage made = ImageScaling.resize(MARK, width, height);
        SCALED.put(key, made);
        return made;
    }

    private static BufferedImage load() {
        try (InputStream in = HrMark.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the wado module's resources");
            }
            BufferedImage read = ImageIO.read(in);
            // Premultiplied ARGB: what Java2D scales and composites fastest, and bilinear scaling of it keeps
            // transparent pixels from bleeding dark fringes into the letters.
            BufferedImage mark = new BufferedImage(read.getWidth(), read.getHeight(),
                    BufferedImage.TYPE_INT_ARGB_PRE);
            Graphics2D g = mark.createGraphics();
            try {
                g.drawImage(read, 0, 0, null);
            } finally {
                g.dispose();
            }
            return mark;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
