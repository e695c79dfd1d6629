package org.hrnode.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.hrnode.dicom.data.BulkData;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.TransferSyntax;
import org.hrnode.dicom.data.VR;
import org.hrnode.dicom.dict.Tag;
import org.hrnode.dicom.dict.UID;
import org.hrnode.dicom.io.DicomFile;
import org.hrnode.dicom.io.DicomParseException;
import org.hrnode.dicom.io.DicomReader;
import org.hrnode.dicom.io.DicomWriter;
import org.hrnode.dicom.io.ReadOptions;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Reading a large object without touching its pixels: a {@value #FRAMES}-frame 512×512 16-bit multi-frame
 * (100 MiB of pixel data) is synthesized at setup from the CT slice's pixels and written with our writer. Both the
 * header-only read and the whole-file read with bulk data references should cost about what the 1-frame CT costs,
 * independent of the pixel data's size; allocation per operation ({@code -prof gc}) shows that nothing of the
 * 100 MiB is copied.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class LargeObjectParseBenchmark {

    static final int FRAMES = 200;
    private static final String MULTI_FRAME_INSTANCE_UID = "2.25.148802938487298452087735496723612345678";

    private Path directory;
    private Path largeFile;

    @Setup
    public void synthesize() throws IOException, DicomParseException {
        directory = Files.createTempDirectory("hrnode-bench");
        largeFile = directory.resolve("multiframe-" + FRAMES + ".dcm");
        writeMultiFrame(SharedData.file(SharedData.CT_SLICE), directory.resolve("frames.raw"), largeFile);
    }

    @TearDown
    public void delete() throws IOException {
        Files.deleteIfExists(largeFile);
        Files.deleteIfExists(directory);
    }

    @Benchmark
    public Dataset headerOnly() throws IOException, DicomParseException {
        return HeaderOnly.read(largeFile, ReadOptions.defaults());
    }

    @Benchmark
    public DicomFile wholeFileWithBulkDataReferences() throws IOException, DicomParseException {
        return DicomReader.readFile(largeFile);
    }

    /**
     * The CT slice's header with {@value #FRAMES} copies of its pixels as frames. The frames are staged in a raw
     * file and written as a bulk data reference, so synthesizing 100 MiB never holds it in memory.
     */
    static void writeMultiFrame(Path ctSlice, Path framesFile, Path target) throws IOException, DicomParseException {
        DicomFile ct = DicomReader.readFile(ctSlice);
        Dataset ds = ct.dataset();
        if (!(ds.getValue(Tag.PixelData) instanceof BulkData pixels)) {
            throw new IllegalStateException(ctSlice + " has no native pixel data to replicate");
        }
        byte[] frame = pixels.readAll();
        try (OutputStream out = Files.newOutputStream(framesFile)) {
            for (int i = 0; i < FRAMES; i++) {
                out.write(frame);
            }
        }
        try {
            ds.setString(Tag.SOPClassUID, VR.UI, UID.MultiFrameGrayscaleWordSecondaryCaptureImageStorage);
            ds.setString(Tag.SOPInstanceUID, VR.UI, MULTI_FRAME_INSTANCE_UID);
            ds.setString(Tag.NumberOfFrames, VR.IS, Integer.toString(FRAMES));
            ds.set(Tag.PixelData, ds.vrOf(Tag.PixelData),
                    new BulkData(framesFile.toUri(), 0, (long) frame.length * FRAMES));
            DicomWriter.writeFile(target, ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        } finally {
            Files.deleteIfExists(framesFile);
        }
    }
}
