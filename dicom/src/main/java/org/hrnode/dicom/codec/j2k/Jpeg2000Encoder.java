package org.hrnode.dicom.codec.j2k;

import com.github.jaiimageio.jpeg2000.J2KImageWriteParam;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.hrnode.dicom.codec.FrameEncoder;
import org.hrnode.dicom.codec.FrameLayout;
import org.hrnode.dicom.codec.Photometric;
import org.hrnode.dicom.codec.PixelDataException;
import org.hrnode.dicom.codec.PixelDescription;
import org.hrnode.dicom.codec.RasterFrames;
import org.hrnode.dicom.data.TransferSyntax;

/**
 * JPEG 2000 Lossless Only (.90) encoder over jai-imageio-jpeg2000: reversible 5/3 wavelet, raw codestream (no JP2
 * boxes, as PS3.5 §A.4.4 requires), precision and signedness taken from Bits Stored and Pixel Representation. RGB
 * is coded with the reversible colour transform and labelled YBR_RCT, as PS3.5 §8.2.4 asks of such streams;
 * other photometric interpretations are coded component by component and keep their label.
 *
 * <p>Like JPEG-LS it codes only the stored bits, so a frame with content above High Bit is refused.
 */
public final class Jpeg2000Encoder implements FrameEncoder {

    private static final String JAI = "com.github.jaiimageio.jpeg2000.";
    private static final int MAX_BITS = 16;
    private static final int RGB_SAMPLES = 3;
    /** jai-imageio's default; fewer for images too small to halve that often. */
    private static final int MAX_DECOMPOSITION_LEVELS = 5;

    @Override
    public TransferSyntax transferSyntax() {
        return TransferSyntax.JPEG_2000_LOSSLESS;
    }

    @Override
    public PixelDescription encodedDescription(PixelDescription raw) throws PixelDataException {
        raw.requireCodecLayout(Jpeg2000Decoder.CODEC, MAX_BITS);
        if (raw.samplesPerPixel() != 1 && raw.samplesPerPixel() != RGB_SAMPLES) {
            throw new PixelDataException(Jpeg2000Decoder.CODEC + " encoding takes 1 or 3 samples a pixel, not "
                    + raw.samplesPerPixel());
        }
        PixelDescription interleaved = raw.withPlanarConfiguration(0);
        return usesColourTransform(raw) ? interleaved.withPhotometricInterpretation(Photometric.YBR_RCT)
                : interleaved;
    }

    private static boolean usesColourTransform(PixelDescription raw) {
        return raw.samplesPerPixel() == RGB_SAMPLES && Photometric.RGB.equals(raw.photometricInterpretation());
    }

    @Override
    public byte[] encode(byte[] rawFrame, PixelDescription raw) throws PixelDataException {
        encodedDescription(raw);
        if (!FrameLayout.isNormalised(rawFrame, raw)) {
            throw new PixelDataException(Jpeg2000Decoder.CODEC + " would drop bits set above High Bit "
                    + raw.highBit() + " (overlay or junk); store uncompressed or as RLE instead");
        }
        byte[] interleaved = FrameLayout.withPlanarConfiguration(rawFrame, raw, 0);
        ImageWriter writer = writer();
        try {
            J2KImageWriteParam param = (J2KImageWriteParam) writer.getDefaultWriteParam();
            param.setLossless(true);
            param.setFilter(J2KImageWriteParam.FILTER_53);
            param.setWriteCodeStreamOnly(true);
            param.setComponentTransformation(usesColourTransform(raw));
            param.setNumDecompositionLevels(decompositionLevels(raw));
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
                writer.setOutput(out);
                writer.write(null, new IIOImage(RasterFrames.toImage(interleaved, raw.withPlanarConfiguration(0)),
                        null, null), param);
            }
            return bytes.toByteArray();
        } catch (IOException | RuntimeException e) {
            throw new PixelDataException(Jpeg2000Decoder.CODEC + " encoding failed: " + e, e);
        } finally {
            writer.dispose();
        }
    }

    /** As many halvings as the smaller side allows, up to the usual five. */
    private static int decompositionLevels(PixelDescription raw) {
        int side = Math.min(raw.rows(), raw.columns());
        int levels = Integer.SIZE - 1 - Integer.numberOfLeadingZeros(side);
        return Math.min(MAX_DECOMPOSITION_LEVELS, levels);
    }

    private static ImageWriter writer() throws PixelDataException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg2000");
        while (writers.hasNext()) {
            ImageWriter writer = writers.next();
            if (writer.getClass().getName().startsWith(JAI)) {
                return writer;
            }
            writer.dispose();
        }
        throw new PixelDataException("jai-imageio-jpeg2000 is missing from the class path");
    }
}
