package org.hrnode.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hrnode.aiqc.check.CheckTable;
import org.hrnode.aiqc.check.InstanceInput;
import org.hrnode.aiqc.grade.GradeScale;
import org.hrnode.aiqc.grade.QcOptions;
import org.hrnode.aiqc.grade.StudyQc;
import org.hrnode.aiqc.grade.StudyVerdict;
import org.hrnode.aiqc.check.ModalityFamily;
import org.hrnode.aiqc.metrics.OpenCvLoader;
import org.hrnode.aiqc.metrics.UndecodableImageException;
import org.hrnode.aiqc.metrics.WorkingImage;
import org.hrnode.dicom.codec.PixelDataException;
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
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * AI QC of one DR image of 2500×3000 pixels (the target: ≤ 150 ms on 2 cores, decode included): parse the
 * Part 10 bytes, decode the pixels, run every header rule and image metric and grade the study. The image is the
 * real WG04 CR hip (RG2, 1760×2140, 10 bits) enlarged to 2500×3000 with bicubic interpolation and stored with 12
 * bits, so the metrics see real anatomy, collimator shutters and background at the target size. {@code syntax}
 * picks native Explicit VR Little Endian (what the QC reads after the node decompressed nothing) or JPEG-LS
 * lossless (what the node stores by default: then the CharLS decode is part of the time).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class DrImageQcBenchmark {

    static final String DR_SOURCE = "data/wg04/RLE/RG2_RLE";

    @Param({"1.2.840.10008.1.2.1", "1.2.840.10008.1.2.4.80"})
    public String syntax;

    private byte[] part10;
    private StudyQc qc;

    @Setup
    public void prepare() throws IOException, DicomParseException, PixelDataException {
        OpenCvLoader.load();
        TransferSyntax ts = TransferSyntax.of(syntax);
        Dataset stored = enlargedRadiograph(ts);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DicomWriter writer = new DicomWriter(out)) {
            writer.writePart10(FileMetaInformation.forDataset(stored, ts), stored);
        }
        part10 = out.toByteArray();
        qc = new StudyQc(CheckTable.defaults(), GradeScale.DEFAULT, new QcOptions(9, ZoneOffset.UTC),
                Clock.fixed(java.time.Instant.parse("2026-11-21T00:00:00Z"), ZoneOffset.UTC));
        StudyVerdict check = evaluate();
        if (check.series().getFirst().images().getFirst().results().size() < 8) {
            throw new IllegalStateException("the image metrics did not run: " + check.explain());
        }
    }

    /**
     * The WG04 hip enlarged to a 2500×3000, 12-bit DX image (see the class comment), with its Pixel Data in
     * {@code ts}. Needs OpenCV loaded.
     */
    static Dataset enlargedRadiograph(TransferSyntax ts) throws IOException, DicomParseException,
            PixelDataException {
        DicomFile source = DicomReader.readFile(SharedData.file(DR_SOURCE));
        Dataset d = Transcoder.standard().transcode(source.dataset(), source.transferSyntax(),
                TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        int rows = d.getInt(Tag.Rows, 0);
        int cols = d.getInt(Tag.Columns, 0);
        short[] samples = new short[rows * cols];
        ByteBuffer.wrap(d.getBytes(Tag.PixelData)).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(samples);
        Mat small = new Mat(rows, cols, CvType.CV_16U);
        small.put(0, 0, samples);
        Mat large = new Mat();
        Imgproc.resize(small, large, new Size(2500, 3000), 0, 0, Imgproc.INTER_CUBIC);
        large.convertTo(large, CvType.CV_16U, 4, 0);
        short[] big = new short[2500 * 3000];
        large.get(0, 0, big);
        ByteBuffer pixels = ByteBuffer.allocate(big.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        pixels.asShortBuffer().put(big);
        d.setInts(Tag.Rows, VR.US, 3000);
        d.setInts(Tag.Columns, VR.US, 2500);
        d.setInts(Tag.BitsStored, VR.US, 12);
        d.setInts(Tag.HighBit, VR.US, 11);
        d.set(Tag.PixelData, VR.OW, pixels.array());
        d.setString(Tag.Modality, VR.CS, "DX");
        d.setString(Tag.ImageLaterality, VR.CS, "L");
        d.setString(Tag.PatientID, VR.LO, "BENCH");
        d.setString(Tag.AccessionNumber, VR.SH, "BENCH-1");
        d.setString(Tag.StudyDate, VR.DA, "20261120");
        d.setString(Tag.StudyTime, VR.TM, "090000");
        return Transcoder.standard().transcode(d, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, ts);
    }

    /** Parse and decode only (the working image of the metrics, overview included): what the metrics add is the rest. */
    @Benchmark
    public int decode() throws IOException, DicomParseException, UndecodableImageException {
        DicomFile file = DicomReader.read(new ByteArrayInputStream(part10));
        try (WorkingImage image = WorkingImage.decode(file.dataset(), file.transferSyntax(), ModalityFamily.DR)) {
            return image.overview().rows();
        }
    }

    @Benchmark
    public StudyVerdict evaluate() throws IOException, DicomParseException {
        DicomFile file = DicomReader.read(new ByteArrayInputStream(part10));
        return qc.evaluate(List.of(InstanceInput.withPixels(file.dataset(), file.transferSyntax())));
    }
}
