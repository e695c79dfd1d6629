package org.hrnode.bench;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.io.DicomFile;
import org.hrnode.dicom.io.DicomParseException;
import org.hrnode.dicom.io.DicomReader;
import org.hrnode.dicom.io.ReadOptions;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Parsing one real 512×512 CT slice (526 KB, of which 512 KB pixel data) three ways: everything into memory from a
 * byte array (the DIMSE/STOW path, no disk), from the file leaving pixel data as a bulk data reference (the archive
 * path), and the header only, stopping before Pixel Data (indexing). Throughput in MB/s is ops/s × the file size.
 * pydicom's timings of the same file come from {@code bench/pydicom/parse_bench.py}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CtSliceParseBenchmark {

    private Path file;
    private byte[] bytes;

    @Setup
    public void load() throws IOException {
        file = SharedData.file(SharedData.CT_SLICE);
        bytes = Files.readAllBytes(file);
    }

    @Benchmark
    public DicomFile fullParseFromMemory() throws IOException, DicomParseException {
        return DicomReader.read(new ByteArrayInputStream(bytes));
    }

    @Benchmark
    public DicomFile parseFileWithBulkDataReferences() throws IOException, DicomParseException {
        return DicomReader.readFile(file);
    }

    @Benchmark
    public Dataset headerOnlyFromFile() throws IOException, DicomParseException {
        return HeaderOnly.read(file, ReadOptions.defaults());
    }
}
