package org.hrnode.wado.render;

import java.awt.Dimension;
import java.awt.Rectangle;

/**
 * The PS3.18 §8.3.5.1 {@code viewport} parameter: the size of the box the rendered image must fit
 * ({@code vw,vh}) and, optionally, the region of the source image to show ({@code sx,sy,sw,sh}). The output keeps
 * the region's aspect ratio and is as large as fits the box, so one of its sides equals the box's. Flipping by a
 * negative {@code sw} or {@code sh} is not supported and refused.
 *
 * @param region the source region in pixels, or null for the whole image
 */
public record Viewport(int width, int height, Rectangle region) {

    /** Largest output side: a request for more is a mistake or an attack on memory. */
    public static final int MAX_SIDE = 8192;

    public Viewport {
        if (width < 1 || height < 1 || width > MAX_SIDE || height > MAX_SIDE) {
            throw new IllegalArgumentException("viewport width and height must be 1.." + MAX_SIDE + ", got "
                    + width + "," + height);
        }
        if (region != null && (region.x < 0 || region.y < 0 || region.width < 1 || region.height < 1)) {
            throw new IllegalArgumentException("viewport source region must have sx,sy >= 0 and sw,sh >= 1 "
                    + "(flipping is not supported), got " + region.x + "," + region.y + "," + region.width + ","
                    + region.height);
        }
    }

    /** A box of {@code width}×{@code height} showing the whole image. */
    public static Viewport fitting(int width, int height) {
        return new Viewport(width, height, null);
    }

    /**
     * Reads {@code vw,vh} or {@code vw,vh,sx,sy,sw,sh}. PS3.18 lets sx,sy,sw,sh be left empty ({@code 512,512,,,,})
     * meaning the whole image.
     *
     * @throws IllegalArgumentException saying what is wrong with the value
     */
    public static Viewport parse(String parameter) {
        String[] parts = parameter.split(",", -1);
        if (parts.length != 2 && parts.length != 6) {
            throw new IllegalArgumentException("viewport must be vw,vh or vw,vh,sx,sy,sw,sh, got \"" + parameter
                    + "\"");
        }
        int width = integer(parts[0], "viewport width");
        int height = integer(parts[1], "viewport height");
        if (parts.length == 2 || (parts[2] + parts[3] + parts[4] + parts[5]).isBlank()) {
            return new Viewport(width, height, null);
        }
        return new Viewport(width, height, new Rectangle(integer(parts[2], "viewport sx"),
                integer(parts[3], "viewport sy"), integer(parts[4], "viewport sw"), integer(parts[5], "viewport sh")));
    }

    /** The region of an image of {@code columns}×{@code rows} to show, clipped to the image. */
    Rectangle sourceIn(int columns, int rows) {
        Rectangle whole = new Rectangle(0, 0, columns, rows);
        if (region == null) {
            return whole;
        }
        Rectangle clipped = region.intersection(whole);
        if (clipped.isEmpty()) {
            throw new IllegalArgumentException("viewport source region " + region.x + "," + region.y + ","
                    + region.width + "," + region.height + " lies outside the " + columns + "x" + rows + " image");
        }
        return clipped;
    }

    /** The output size for a source of {@code sourceWidth}×{@code sourceHeight}: the largest that fits, same aspect. */
    Dimension outputFor(int sourceWidth, int sourceHeight) {
        double scale = Math.min((double) width / sourceWidth, (double) height / sourceHeight);
        return new Dimension(Math.max(1, (int) Math.round(sourceWidth * scale)),
                Math.max(1, (int) Math.round(sourceHeight * scale)));
    }

    private static int integer(String text, String what) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " must be an integer, got \"" + text + "\"", e);
        }
    }
}
