package org.hrnode.node.compress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hrnode.dicom.codec.Transcoder;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.TransferSyntax;
import org.hrnode.dicom.data.VR;
import org.hrnode.dicom.dict.Tag;
import org.hrnode.dicom.io.DicomFile;
import org.hrnode.dicom.io.DicomReader;
import org.hrnode.dicom.io.DicomWriter;
import org.hrnode.dicom.io.FileMetaInformation;
import org.hrnode.dicom.io.ReadOptions;
import org.hrnode.dicom.testing.ExternalTool;
import org.hrnode.dicom.testing.TestData;
import org.hrnode.node.ingest.IngestService;
import org.hrnode.storage.blob.InMemoryBlobStore;
import org.hrnode.storage.compression.CompressionQueue;
import org.hrnode.storage.testing.RecordingBlobStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compression of objects too large to transcode in memory: a multi-frame CT of more than
 * {@link LosslessCompressor#IN_MEMORY_LIMIT} is read frame by frame from the blob and streamed into the new one,
 * and the result is what the in-memory path makes of the same object — the same header, the same pixels — and what
 * DCMTK decodes to the original pixels.
 */
class LosslessCompressorTest {

    private static final String ORIGINAL = "queued-original";
    private static final int FRAMES = 40;

    @TempDir
    Path tmp;

    /** The real GE head CT slice (512×512, 16 bits) as a multi-frame image, each frame shifted a little. */
    private static Dataset multiFrameCt() throws Exception {
        DicomFile slice = DicomReader.read(Files.newInputStream(TestData.sharedData().resolve("ct-head-ge/01.dcm")));
        Dataset dataset = Transcoder.standard().transcode(slice.dataset(), slice.transferSyntax(),
                TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        byte[] frame = dataset.getBytes(Tag.PixelData);
        byte[] all = new byte[frame.length * FRAMES];
        for (int f = 0; f < FRAMES; f++) {
            for (int i = 0; i < frame.length; i++) {
                all[f * frame.length + i] = frame[(i + 2 * f) % frame.length];
            }
        }
        dataset.set(Tag.PixelData, VR.OW, all);
        dataset.setString(Tag.NumberOfFrames, VR.IS, Integer.toString(FRAMES));
        return dataset;
    }

    private static byte[] part10(Dataset dataset) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[128]);
        out.write(new byte[] {'D', 'I', 'C', 'M'});
        try (DicomWriter writer = new DicomWriter(out)) {
            Dataset meta = FileMetaInformation.create(dataset.getString(Tag.SOPClassUID),
                    dataset.getString(Tag.SOPInstanceUID), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid());
            meta.setString(Tag.SourceApplicationEntityTitle, VR.AE, "CT01");
            writer.writeFileMetaInformation(meta);
            writer.writeDataset(dataset, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        }
        return out.toByteArray();
    }

    private static CompressionQueue.Entry entry(Dataset dataset, long size) {
        return new CompressionQueue.Entry(1, dataset.getString(Tag.SOPInstanceUID), ORIGINAL,
                TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid(), size, 0, "claim");
    }

    @Test
    void aLargeMultiFrameObjectIsCompressedFrameByFrameIntoWhatTheInMemoryPathMakes() throws Exception {
        Dataset original = multiFrameCt();
        byte[] object = part10(original);
        assertThat((long) object.length).isGreaterThan(LosslessCompressor.IN_MEMORY_LIMIT);
        InMemoryBlobStore memory = new InMemoryBlobStore();
        memory.put(ORIGINAL, new ByteArrayInputStream(object));
        RecordingBlobStore blobs = new RecordingBlobStore(memory);

        LosslessCompressor.Compressed streamed = new LosslessCompressor(blobs, ReadOptions.defaults())
                .compress(entry(original, object.length)).orElseThrow();

        long frameLength = 512L * 512 * 2;
        assertThat(blobs.wholeReadsOf(ORIGINAL)).as("one pass for the header").isEqualTo(1);
        assertThat(blobs.rangedReads()).as("each frame one ranged read").hasSize(FRAMES)
                .allSatisfy(length -> assertThat(length).isEqualTo(frameLength));

        byte[] stored = memory.get(streamed.stored().blobKey()).readAllBytes();
        DicomFile compressed = DicomReader.read(new ByteArrayInputStream(stored));
        TransferSyntax target = LosslessCompressor.target();
        assertThat(compressed.transferSyntax()).isEqualTo(target);
        assertThat(streamed.stored().transferSyntaxUid()).isEqualTo(target.uid());
        assertThat(compressed.fileMetaInformation().getString(Tag.SourceApplicationEntityTitle)).isEqualTo("CT01");
        assertThat(compressed.dataset().getString(Tag.LossyImageCompression)).isEqualTo("00");
        assertThat(compressed.dataset().getFragments(Tag.PixelData).size()).as("empty offset table + a fragment a"
                + " frame").isEqualTo(FRAMES + 1);
        Dataset decoded = Transcoder.standard().transcode(compressed.dataset(), target,
                TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        assertThat(decoded.getBytes(Tag.PixelData)).as("every frame gives back its pixels")
                .isEqualTo(original.getBytes(Tag.PixelData));

        Dataset inMemory = Transcoder.standard().transcode(original, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN,
                target);
        inMemory.remove(Tag.PixelData);
        assertThat(streamed.metadataJson()).as("the index describes it as the in-memory path's header")
                .isEqualTo(IngestService.metadataJson(inMemory));
        assertThat(streamed.stored().size()).isEqualTo(stored.length);
        assertThat(object.length / (double) stored.length).as("compression ratio").isGreaterThan(1.5);
    }

    @Test
    void dcmtkDecodesTheStreamedObjectToTheOriginalPixels() throws Exception {
        ExternalTool.require("dcmdjpls");
        assertThat(LosslessCompressor.target()).as("CharLS (libcharls2) installed").isEqualTo(
                TransferSyntax.JPEG_LS_LOSSLESS);
        Dataset original = multiFrameCt();
        byte[] object = part10(original);
        InMemoryBlobStore memory = new InMemoryBlobStore();
        memory.put(ORIGINAL, new ByteArrayInputStream(object));
        LosslessCompressor.Compressed streamed = new LosslessCompressor(memory, ReadOptions.defaults())
                .compress(entry(original, object.length)).orElseThrow();
        Path in = tmp.resolve("streamed.dcm");
        Path out = tmp.resolve("decoded.dcm");
        try (InputStream blob = memory.get(streamed.stored().blobKey())) {
            Files.copy(blob, in);
        }

        ExternalTool.Result result = ExternalTool.run("dcmdjpls", in.toString(), out.toString());
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        DicomFile decoded = DicomReader.readFile(out, ReadOptions.defaults());
        assertThat(decoded.dataset().getBytes(Tag.PixelData)).isEqualTo(original.getBytes(Tag.PixelData));
        assertThat(decoded.dataset().getInt(Tag.NumberOfFrames, 0)).isEqualTo(FRAMES);
    }
}
