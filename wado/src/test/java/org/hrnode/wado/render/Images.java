package org.hrnode.wado.render;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;

/** Decoding and comparing rendered outputs in tests. */
final class Images {

    private Images() {
    }

    static BufferedImage decode(byte[] encoded) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(encoded));
        if (image == null) {
            throw new IOException("not an image Image I/O can read (" + encoded.length + " bytes)");
        }
        return image;
    }

    /** The image's samples, row by row, band-interleaved: grey one byte a pixel, colour R, G, B. */
    static byte[] samples(BufferedImage image) {
        int[] values = image.getRaster().getPixels(0, 0, image.getWidth(), image.getHeight(), (int[]) null);
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    static double meanAbsoluteDifference(byte[] a, byte[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("sizes differ: " + a.length + " vs " + b.length);
        }
        long sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += Math.abs((a[i] & 0xFF) - (b[i] & 0xFF));
        }
        return (double) sum / a.length;
    }

    static int maxAbsoluteDifference(byte[] a, byte[] b) {
        int max = 0;
        for (int i = 0; i < a.length; i++) {
            max = Math.max(max, Math.abs((a[i] & 0xFF) - (b[i] & 0xFF)));
        }
        return max;
    }

    /** Grey value at (x, y) of any image: the mean of its bands. */
    static int grey(BufferedImage image, int x, int y) {
        int bands = image.getRaster().getNumBands();
        int sum = 0;
        for (int b = 0; b < bands; b++) {
            sum += image.getRaster().getSample(x, y, b);
        }
        return sum / bands;
    }
}
