package org.hrnode.bench;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.hrnode.dicom.codec.Codecs;
import org.hrnode.dicom.codec.FrameDecoder;
import org.hrnode.dicom.codec.FrameEncoder;
import org.hrnode.dicom.codec.NativeFrames;
import org.hrnode.dicom.codec.PixelDataException;
import org.hrnode.dicom.codec.PixelDescription;
import org.hrnode.dicom.data.TransferSyntax;
import org.hrnode.dicom.io.DicomFile;
import org.hrnode.dicom.io.DicomParseException;
import org.hrnode.dicom.io.DicomReader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Encoding and decoding one real 512×512 16-bit CT frame (the GE slice of {@link CtSliceParseBenchmark}) with each
 * lossless codec HR Node writes: JPEG-LS (CharLS over FFM), JPEG 2000 (jai-imageio) and RLE (ours). Ingest pays
 * encode + decode per frame, since every encoding is verified by decoding it; retrieval pays decode.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CodecBenchmark {

    @Param({"1.2.840.10008.1.2.4.80", "1.2.840.10008.1.2.4.90", "1.2.840.10008.1.2.5"})
    public String transferSyntax;

    private PixelDescription raw;
    private PixelDescription encodedDescription;
    private byte[] frame;
    private byte[] encoded;
    private FrameEncoder encoder;
    private FrameDecoder decoder;

    @Setup
    public void load() throws IOException, DicomParseException, PixelDataException {
        DicomFile ct = DicomReader.readFile(SharedData.file(SharedData.CT_SLICE));
        raw = PixelDescription.of(ct.dataset());
        frame = NativeFrames.read(ct.dataset(), raw).getFirst();
        TransferSyntax ts = TransferSyntax.of(transferSyntax);
        encoder = Codecs.registry().requireEncoder(ts);
        decoder = Codecs.registry().requireDecoder(ts);
        encodedDescription = encoder.encodedDescription(raw);
        encoded = encoder.encode(frame, raw);
    }

    @Benchmark
    public byte[] encode() throws PixelDataException {
        return encoder.encode(frame, raw);
    }

    @Benchmark
    public byte[] decode() throws PixelDataException {
        return decoder.decode(encoded, encodedDescription);
    }
}
