package org.hrnode.wado.render;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Writes rendered images as JPEG or PNG with the JDK's Image I/O writers: they are in every JDK, need no native
 * library (OpenCV's 110 MB jar would add little: the time goes into decoding the frame, not into this), and write
 * 8-bit grey and RGB baseline JPEG at a chosen quality.
 */
final class ImageEncoding {

    /** PNG deflate effort: Image I/O's default (maximum) takes several times longer for a few percent less. */
    private static final float PNG_COMPRESSION = 0.5f;
    private static final float PERCENT = 100f;

    private ImageEncoding() {
    }

    static byte[] encode(BufferedImage image, OutputFormat format, int quality) {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName(format.imageIoName());
        if (!writers.hasNext()) {
            throw new IllegalStateException("this JDK has no Image I/O writer for " + format.mediaType());
        }
        ImageWriter writer = writers.next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(image.getWidth() * image.getHeight() / 4 + 1024);
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (param.canWriteCompressed()) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(format == OutputFormat.JPEG ? quality / PERCENT : PNG_COMPRESSION);
            }
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException("writing a " + format.mediaType() + " image to memory failed", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
