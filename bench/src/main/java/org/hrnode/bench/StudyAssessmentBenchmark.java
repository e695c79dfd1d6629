package org.hrnode.bench;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.hrnode.aiqc.catalog.Catalog;
import org.hrnode.aiqc.catalog.CatalogMatcher;
import org.hrnode.aiqc.catalog.InstitutionMappings;
import org.hrnode.aiqc.check.CheckTable;
import org.hrnode.aiqc.grade.GradeScale;
import org.hrnode.aiqc.grade.QcOptions;
import org.hrnode.aiqc.grade.StudyQc;
import org.hrnode.aiqc.metrics.OpenCvLoader;
import org.hrnode.aiqc.pipeline.AssessmentException;
import org.hrnode.aiqc.pipeline.CheckResult;
import org.hrnode.aiqc.pipeline.EngineAssessor;
import org.hrnode.aiqc.pipeline.InstanceInput;
import org.hrnode.aiqc.pipeline.StudyAssessment;
import org.hrnode.aiqc.pipeline.StudyInput;
import org.hrnode.dicom.codec.PixelDataException;
import org.hrnode.dicom.codec.Transcoder;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.TransferSyntax;
import org.hrnode.dicom.data.VR;
import org.hrnode.dicom.dict.Tag;
import org.hrnode.dicom.dict.UID;
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

/**
 * AI QC of whole studies as the node's QcWorker runs it: {@link EngineAssessor} with the catalogue matcher, every
 * check and the shipped DJL model, reading each object from its stored Part 10 bytes in JPEG-LS lossless (what the
 * node stores by default), headers given without Pixel Data as the index gives them. One study per {@code study}:
 * <ul>
 * <li>{@code dr}: two 2500×3000 12-bit DX images (the enlarged WG04 hip of {@link DrImageQcBenchmark}), one per
 *     series, as a two-view radiograph is usually sent;</li>
 * <li>{@code ct}: the 28 slices of the real GE head CT;</li>
 * <li>{@code mr}: the 48 slices of the real United Imaging T1 sagittal brain.</li>
 * </ul>
 * Not included: the index queries and blob reads that build the {@link StudyInput}, and parsing the headers' DICOM
 * JSON (the node's StudyInputs does those).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class StudyAssessmentBenchmark {

    private static final TransferSyntax STORED = TransferSyntax.of(UID.JPEGLSLossless);

    @Param({"dr", "ct", "mr"})
    public String study;

    private StudyInput input;
    private EngineAssessor assessor;

    @Setup
    public void prepare() throws IOException, DicomParseException, PixelDataException, AssessmentException {
        OpenCvLoader.load();
        List<byte[]> objects = switch (study) {
            case "dr" -> twoViewRadiograph();
            case "ct" -> series("data/ct-head-ge/01.dcm");
            case "mr" -> series("data/mr-uih-t1-sag/00000001.dcm");
            default -> throw new IllegalArgumentException("study is dr, ct or mr, not " + study);
        };
        List<InstanceInput> instances = new ArrayList<>();
        String studyUid = null;
        for (byte[] object : objects) {
            Dataset header = DicomReader.read(new ByteArrayInputStream(object)).dataset();
            header.remove(Tag.PixelData);
            studyUid = header.getString(Tag.StudyInstanceUID);
            instances.add(new InstanceInput(header.getString(Tag.SeriesInstanceUID),
                    header.getString(Tag.SOPInstanceUID), STORED.uid(), header,
                    () -> new ByteArrayInputStream(object)));
        }
        input = new StudyInput(studyUid, null, instances);
        assessor = new EngineAssessor(new CatalogMatcher(Catalog.standard()), code -> InstitutionMappings.none(),
                new StudyQc(CheckTable.defaults(), GradeScale.DEFAULT, QcOptions.DEFAULT,
                        Clock.fixed(Instant.parse("2026-11-21T00:00:00Z"), ZoneOffset.UTC)));
        StudyAssessment check = assess();
        List<CheckResult> opinions = check.checks().stream().filter(c -> c.id().equals("AI-MODEL")).toList();
        if (opinions.isEmpty() || opinions.stream().anyMatch(c -> c.passed() == null)) {
            throw new IllegalStateException("the model did not judge every series: " + opinions);
        }
        if (check.checks().stream().noneMatch(c -> c.id().equals("P0") && Boolean.TRUE.equals(c.passed()))) {
            throw new IllegalStateException("no image was decoded: " + check.checks());
        }
    }

    @Benchmark
    public StudyAssessment assess() throws AssessmentException {
        return assessor.assess(input);
    }

    private static List<byte[]> twoViewRadiograph() throws IOException, DicomParseException, PixelDataException {
        Dataset image = DrImageQcBenchmark.enlargedRadiograph(STORED);
        String base = "2.25.8246801357924680135792468013579";
        List<byte[]> out = new ArrayList<>();
        for (int view = 1; view <= 2; view++) {
            image.setString(Tag.SeriesInstanceUID, VR.UI, base + "1" + view);
            image.setString(Tag.SOPInstanceUID, VR.UI, base + "2" + view);
            image.setString(Tag.SeriesNumber, VR.IS, String.valueOf(view));
            image.setString(Tag.InstanceNumber, VR.IS, "1");
            out.add(part10(image, STORED));
        }
        return out;
    }

    /** Every file in the folder of {@code first}, re-encoded to JPEG-LS lossless as the node stores it. */
    private static List<byte[]> series(String first) throws IOException, DicomParseException, PixelDataException {
        Path dir = SharedData.file(first).getParent();
        List<byte[]> out = new ArrayList<>();
        try (Stream<Path> list = Files.list(dir)) {
            for (Path p : list.sorted().toList()) {
                DicomFile f = DicomReader.readFile(p);
                out.add(part10(Transcoder.standard().transcode(f.dataset(), f.transferSyntax(), STORED), STORED));
            }
        }
        return out;
    }

    private static byte[] part10(Dataset dataset, TransferSyntax ts) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DicomWriter writer = new DicomWriter(out)) {
            writer.writePart10(FileMetaInformation.forDataset(dataset, ts), dataset);
        }
        return out.toByteArray();
    }
}
