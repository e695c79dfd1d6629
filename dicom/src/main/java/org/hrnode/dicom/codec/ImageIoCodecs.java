package org.hrnode.dicom.codec;

import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

/**
 * Finds a specific Image I/O plug-in by class and reads one image with it. The JDK ships its own JPEG reader,
 * which knows no lossless JPEG; asking Image I/O for "jpeg" might hand back either, so the plug-in is chosen by
 * name. Readers are not thread-safe: each call gets its own and disposes of it.
 */
public final class ImageIoCodecs {

    private ImageIoCodecs() {
    }

    /** A new reader for {@code formatName} whose class name starts with {@code classPrefix}, or null. */
    public static ImageReader reader(String formatName, String classPrefix) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(formatName);
        while (readers.hasNext()) {
            ImageReader reader = readers.next();
            if (reader.getClass().getName().startsWith(classPrefix)) {
                return reader;
            }
            reader.dispose();
        }
        return null;
    }

    /** Reads the first image of {@code stream} as a raster, without colour conversion where the reader allows. */
    public static Raster readRaster(ImageReader reader, byte[] stream, String codec) throws PixelDataException {
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(stream))) {
            reader.setInput(in, true, true);
            return reader.canReadRaster() ? reader.readRaster(0, null) : reader.read(0).getRaster();
        } catch (IOException | RuntimeException e) {
            throw new PixelDataException(codec + " frame cannot be decoded: " + e, e);
        } finally {
            reader.dispose();
        }
    }
}
