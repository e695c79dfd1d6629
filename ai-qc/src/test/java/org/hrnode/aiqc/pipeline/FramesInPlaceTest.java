package org.hrnode.aiqc.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.hrnode.aiqc.catalog.Catalog;
import org.hrnode.aiqc.catalog.CatalogMatcher;
import org.hrnode.aiqc.catalog.InstitutionMappings;
import org.hrnode.aiqc.grade.StudyQc;
import org.hrnode.aiqc.model.QcModel;
import org.hrnode.dicom.codec.NativeFrames;
import org.hrnode.dicom.codec.PixelDescription;
import org.hrnode.dicom.codec.Transcoder;
import org.hrnode.dicom.data.BulkData;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.Fragments;
import org.hrnode.dicom.data.TransferSyntax;
import org.hrnode.dicom.data.VR;
import org.hrnode.dicom.dict.Tag;
import org.hrnode.dicom.io.DicomFile;
import org.hrnode.dicom.io.DicomReader;
import org.hrnode.dicom.io.DicomWriter;
import org.hrnode.dicom.io.FileMetaInformation;
import org.hrnode.dicom.testing.TestData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A large multi-frame object is judged from its header and the one frame the metrics and the model look at, read
 * with ranged reads, not loaded whole: a node judging a study of 105 MB objects must not need 105 MB a worker. The
 * assessment is the one the whole-object read gives, check by check.
 */
class FramesInPlaceTest {

    private static final int FRAMES = 24;

    @ParameterizedTest
    @ValueSource(strings = {"1.2.840.10008.1.2.1", "1.2.840.10008.1.2.4.80"})
    void aMultiFrameObjectIsJudgedFromItsMiddleFrameAloneWithTheSameResults(String syntaxUid) throws Exception {
        Path slices = TestData.sharedData().resolve("ct-head-ge");
        TestData.require(Files.isDirectory(slices), "../shared/data/ct-head-ge");
        TransferSyntax ts = TransferSyntax.orDefault(syntaxUid);
        byte[] object = multiFrame(slices, ts);
        Dataset header = DicomReader.read(new ByteArrayInputStream(object)).dataset();
        header.remove(Tag.PixelData);

        AtomicLong whole = new AtomicLong();
        AtomicLong ranged = new AtomicLong();
        StoredObjectSource counted = new StoredObjectSource() {
            @Override
            public InputStream open() {
                return counting(new ByteArrayInputStream(object), whole);
            }

            @Override
            public InputStream open(long offset, long length) {
                return counting(new ByteArrayInputStream(object, (int) offset, (int) length), ranged);
            }
        };
        // The old way: ranged reads are not possible, so the object is read whole.
        StoredObjectSource wholeOnly = new StoredObjectSource() {
            @Override
            public InputStream open() {
                return new ByteArrayInputStream(object);
            }

            @Override
            public InputStream open(long offset, long length) throws IOException {
                throw new IOException("this source is read whole");
            }
        };

        try (QcModel model = QcModel.load()) {
            EngineAssessor assessor = new EngineAssessor(new CatalogMatcher(Catalog.standard()),
                    institution -> InstitutionMappings.none(), StudyQc.withDefaults(), () -> model);
            StudyAssessment inPlace = assessor.assess(study(header, ts, counted));
            StudyAssessment read = assessor.assess(study(header, ts, wholeOnly));

            long frame = PixelDescription.of(header).frameLength();
            assertThat(ranged.get()).as("bytes of Pixel Data read").isPositive().isLessThanOrEqualTo(frame + 1024);
            if (!ts.isEncapsulated()) {
                // The reader reads ahead in 64 KiB blocks; a frame here is 512 KiB. (Compressed frames of 65 KiB
                // are streamed past by those blocks while the header is parsed, but not kept: see below.)
                assertThat(whole.get()).as("bytes read of the whole-object opens: the header, not the frames")
                        .isLessThanOrEqualTo(128 * 1024).isLessThan(frame);
                assertThat(whole.get() + ranged.get()).as("all bytes read").isLessThan(object.length / 10);
            }
            Object pixelData = FramesInPlace.load(counted).dataset().getValue(Tag.PixelData);
            assertThat(pixelData instanceof Fragments f ? f.items().subList(1, f.items().size()) : List.of(pixelData))
                    .as("Pixel Data held after loading: references into the stored object, no pixels")
                    .hasSize(ts.isEncapsulated() ? FRAMES : 1)
                    .allSatisfy(v -> assertThat(v).isInstanceOf(BulkData.class));
            assertThat(inPlace.checks()).isNotEmpty().isEqualTo(read.checks());
            assertThat(inPlace.score()).isEqualTo(read.score());
            assertThat(inPlace.grade()).isEqualTo(read.grade());
            assertThat(inPlace.checks()).filteredOn(c -> c.id().equals("P0"))
                    .allSatisfy(c -> assertThat(c.passed()).as(String.valueOf(c.value())).isTrue());
        }
    }

    private static StudyInput study(Dataset header, TransferSyntax ts, StoredObjectSource source) {
        return new StudyInput(header.getString(Tag.StudyInstanceUID), null, List.of(new InstanceInput(
                header.getString(Tag.SeriesInstanceUID), header.getString(Tag.SOPInstanceUID), ts.uid(), header,
                source)));
    }

    /** Real CT slices of one series stacked into one multi-frame object, each frame a different slice. */
    private static byte[] multiFrame(Path slices, TransferSyntax ts) throws Exception {
        List<Path> files;
        try (var list = Files.list(slices)) {
            files = list.filter(p -> p.toString().endsWith(".dcm")).sorted().limit(FRAMES).toList();
        }
        DicomFile first = DicomReader.readFile(files.getFirst());
        Dataset dataset = first.dataset();
        PixelDescription single = PixelDescription.of(dataset);
        List<byte[]> frames = new ArrayList<>();
        for (Path file : files) {
            Dataset slice = DicomReader.read(Files.newInputStream(file)).dataset();
            frames.add(NativeFrames.read(slice, PixelDescription.of(slice)).getFirst());
        }
        Dataset stacked = Transcoder.standard().transcode(dataset, first.transferSyntax(),
                TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        NativeFrames.write(stacked, frames, single);
        stacked.setString(Tag.NumberOfFrames, VR.IS, String.valueOf(frames.size()));
        Dataset stored = Transcoder.standard().transcode(stacked, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, ts);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DicomWriter w = new DicomWriter(out)) {
            w.writePart10(FileMetaInformation.forDataset(stored, ts), stored);
        }
        return out.toByteArray();
    }

    private static InputStream counting(InputStream in, AtomicLong bytes) {
        return new java.io.FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    bytes.incrementAndGet();
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) {
                    bytes.addAndGet(n);
                }
                return n;
            }
        };
    }
}
