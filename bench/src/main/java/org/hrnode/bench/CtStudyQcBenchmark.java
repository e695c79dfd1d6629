package org.hrnode.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.hrnode.aiqc.check.CheckTable;
import org.hrnode.aiqc.check.InstanceInput;
import org.hrnode.aiqc.grade.GradeScale;
import org.hrnode.aiqc.grade.QcOptions;
import org.hrnode.aiqc.grade.StudyQc;
import org.hrnode.aiqc.grade.StudyVerdict;
import org.hrnode.aiqc.metrics.OpenCvLoader;
import org.hrnode.dicom.io.DicomFile;
import org.hrnode.dicom.io.DicomParseException;
import org.hrnode.dicom.io.DicomReader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * AI QC of a whole CT study: the 28 slices of the real GE head CT parsed from their Part 10 bytes, every header rule
 * on all of them, the image metrics on the default sample of 9, and the grade. What one study costs the pipeline,
 * against the "keeps pace with 1 study/s".
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CtStudyQcBenchmark {

    private final List<byte[]> files = new ArrayList<>();
    private StudyQc qc;

    @Setup
    public void load() throws IOException {
        OpenCvLoader.load();
        Path dir = SharedData.file(SharedData.CT_SLICE).getParent();
        try (Stream<Path> list = Files.list(dir)) {
            for (Path p : list.sorted().toList()) {
                files.add(Files.readAllBytes(p));
            }
        }
        qc = new StudyQc(CheckTable.defaults(), GradeScale.DEFAULT, QcOptions.DEFAULT, Clock.systemUTC());
    }

    @Benchmark
    public StudyVerdict evaluate() throws IOException, DicomParseException {
        List<InstanceInput> inputs = new ArrayList<>(files.size());
        for (byte[] bytes : files) {
            DicomFile f = DicomReader.read(new ByteArrayInputStream(bytes));
            inputs.add(InstanceInput.withPixels(f.dataset(), f.transferSyntax()));
        }
        return qc.evaluate(inputs);
    }
}
