package org.hrnode.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.hrnode.dicom.codec.Codecs;
import org.hrnode.dicom.codec.EncapsulatedFrames;
import org.hrnode.dicom.codec.FrameDecoder;
import org.hrnode.dicom.codec.PixelDataException;
import org.hrnode.dicom.codec.PixelDescription;
import org.hrnode.dicom.codec.Transcoder;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.TransferSyntax;
import org.hrnode.dicom.data.VR;
import org.hrnode.dicom.dict.Tag;
import org.hrnode.dicom.io.DicomFile;
import org.hrnode.dicom.io.DicomParseException;
import org.hrnode.dicom.io.DicomReader;
import org.hrnode.dicom.io.DicomWriter;
import org.hrnode.dicom.io.FileMetaInformation;
import org.hrnode.dicom.io.ReadOptions;
import org.hrnode.wado.render.NotRenderableException;
import org.hrnode.wado.render.OutputFormat;
import org.hrnode.wado.render.RenderRequest;
import org.hrnode.wado.render.Renderer;
import org.hrnode.wado.render.Viewport;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What a rendered request costs the node once the object's bytes are read from the blob store: parse, decode the
 * JPEG-LS frame, window, scale, draw the HR mark, encode JPEG (quality 90). Two images as the node stores them
 * (JPEG-LS lossless): WG04's real 512×512 signed CT (CT2), and a 2500×3000 12-bit DR synthesized from WG04's real
 * 1760×2140 radiograph (RG2) resampled bilinearly with a little noise, so the codec sees radiograph-like entropy.
 * {@code full}: the whole image at its own size; {@code thumbnail}: fitted to 128 pixels. Sample mode: read the
 * median (p0.50).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RenderBenchmark {

    static final String CT = "data/wg04/JLSL/CT2_JLSL";
    static final String RADIOGRAPH = "data/wg04/JLSL/RG2_JLSL";
    private static final int DR_ROWS = 3000;
    private static final int DR_COLUMNS = 2500;

    @Param({"ct-512", "dr-2500x3000"})
    public String image;

    @Param({"full", "thumbnail"})
    public String size;

    private byte[] stored;
    private RenderRequest request;
    private final Renderer renderer = new Renderer();

    @Setup
    public void load() throws IOException, DicomParseException, PixelDataException {
        stored = "ct-512".equals(image) ? Files.readAllBytes(SharedData.file(CT)) : syntheticDr();
        request = RenderRequest.defaults().withFormat(OutputFormat.JPEG).withQuality(90);
        if ("thumbnail".equals(size)) {
            request = request.withViewport(Viewport.fitting(128, 128));
        }
    }

    @Benchmark
    public byte[] render() throws IOException, DicomParseException, NotRenderableException {
        DicomFile file = new DicomReader(new BufferedInputStream(new ByteArrayInputStream(stored), 64 * 1024),
                stored.length, ReadOptions.defaults()).read();
        return renderer.render(file.dataset(), file.transferSyntax(), request, true);
    }

    /** RG2 resampled to 2500×3000, 12 bits, JPEG-LS lossless, as Part 10 bytes. */
    private static byte[] syntheticDr() throws IOException, DicomParseException, PixelDataException {
        DicomFile source = DicomReader.readFile(SharedData.file(RADIOGRAPH));
        PixelDescription description = PixelDescription.of(source.dataset());
        FrameDecoder decoder = Codecs.registry().requireDecoder(source.transferSyntax());
        List<byte[]> frames = EncapsulatedFrames.split(source.dataset().getFragments(Tag.PixelData), 1, decoder);
        byte[] raw = decoder.decode(frames.getFirst(), description);
        int rows = description.rows();
        int columns = description.columns();
        byte[] resampled = new byte[DR_ROWS * DR_COLUMNS * 2];
        Random noise = new Random(42);
        for (int y = 0; y < DR_ROWS; y++) {
            double sy = (double) y * (rows - 1) / (DR_ROWS - 1);
            int y0 = (int) sy;
            int y1 = Math.min(rows - 1, y0 + 1);
            for (int x = 0; x < DR_COLUMNS; x++) {
                double sx = (double) x * (columns - 1) / (DR_COLUMNS - 1);
                int x0 = (int) sx;
                int x1 = Math.min(columns - 1, x0 + 1);
                double top = lerp(sample(raw, y0, x0, columns), sample(raw, y0, x1, columns), sx - x0);
                double bottom = lerp(sample(raw, y1, x0, columns), sample(raw, y1, x1, columns), sx - x0);
                int value = (int) Math.max(0, Math.min(4095, lerp(top, bottom, sy - y0) * 4 + noise.nextGaussian() * 3));
                resampled[(y * DR_COLUMNS + x) * 2] = (byte) value;
                resampled[(y * DR_COLUMNS + x) * 2 + 1] = (byte) (value >> 8);
            }
        }
        Dataset dr = new Dataset();
        dr.setString(Tag.SOPClassUID, VR.UI, "1.2.840.10008.5.1.4.1.1.1.1");
        dr.setString(Tag.SOPInstanceUID, VR.UI, "2.25.318829174095234981109329102388012345671");
        dr.setString(Tag.Modality, VR.CS, "DX");
        dr.setInts(Tag.Rows, VR.US, DR_ROWS);
        dr.setInts(Tag.Columns, VR.US, DR_COLUMNS);
        dr.setInts(Tag.SamplesPerPixel, VR.US, 1);
        dr.setInts(Tag.BitsAllocated, VR.US, 16);
        dr.setInts(Tag.BitsStored, VR.US, 12);
        dr.setInts(Tag.HighBit, VR.US, 11);
        dr.setInts(Tag.PixelRepresentation, VR.US, 0);
        dr.setString(Tag.PhotometricInterpretation, VR.CS, "MONOCHROME2");
        dr.setString(Tag.WindowCenter, VR.DS, "2048");
        dr.setString(Tag.WindowWidth, VR.DS, "4096");
        dr.set(Tag.PixelData, VR.OW, resampled);
        Dataset compressed = Transcoder.standard().transcode(dr, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN,
                TransferSyntax.JPEG_LS_LOSSLESS);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[128]);
        out.write(new byte[] {'D', 'I', 'C', 'M'});
        try (DicomWriter writer = new DicomWriter(out)) {
            writer.writeFileMetaInformation(FileMetaInformation.create(dr.getString(Tag.SOPClassUID),
                    dr.getString(Tag.SOPInstanceUID), TransferSyntax.JPEG_LS_LOSSLESS.uid()));
            writer.writeDataset(compressed, TransferSyntax.JPEG_LS_LOSSLESS);
        }
        return out.toByteArray();
    }

    private static int sample(byte[] frame, int y, int x, int columns) {
        int i = (y * columns + x) * 2;
        return (frame[i] & 0xFF) | (frame[i + 1] & 0xFF) << 8;
    }

    private static double lerp(double a, double b, double t) {
        return a + (b - a) * t;
    }
}
