package org.hrnode.dicom.fuzz;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.dict.Tag;
import org.hrnode.dicom.io.DicomFile;
import org.hrnode.dicom.io.DicomParseException;
import org.hrnode.dicom.io.DicomReader;
import org.hrnode.dicom.io.ReadOptions;
import org.hrnode.dicom.testing.DatasetDiff;
import org.hrnode.dicom.text.DumpFormatter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Mutated DICOM (see {@link Mutation}) fed to every way of reading it. Each target gets
 * {@link FuzzSettings#DEFAULT_ITERATIONS} inputs per run; {@link FuzzRunner} holds the oracles (only our parse
 * exception, no hang, bounded allocation). A failure prints the seed and iteration that replay it. For a longer
 * campaign than CI's: {@code mvn -pl dicom test -Dtest=ParserFuzzTest -Dhrnode.fuzz.iterations=1000000
 * -Dhrnode.fuzz.maxSeconds=3000} (see {@link FuzzSettings}).
 */
class ParserFuzzTest {

    /** Far above any value in the corpus, far below what a corrupt 32-bit length asks for. */
    private static final long MAX_IN_MEMORY_VALUE = 1024 * 1024;
    /** Low, so that the small corpus files produce bulk data references too. */
    private static final long BULK_DATA_THRESHOLD = 256;
    private static final long MEBIBYTE = 1024 * 1024;
    /** Parsing costs tens of bytes per input byte (dataset arrays, item objects); a trusted bad length costs more. */
    private static final AllocationCap PARSE_CAP = new AllocationCap(64, 16 * MEBIBYTE);
    /** Parsing, dumping, reading every value as text, writing and parsing again. */
    private static final AllocationCap POST_PARSE_CAP = new AllocationCap(256, 32 * MEBIBYTE);
    private static final ReadOptions OPTIONS = ReadOptions.defaults().withMaxInMemoryValue(MAX_IN_MEMORY_VALUE);

    private static FuzzSettings settings;
    private static InputGenerator generator;
    private static Instant suiteDeadline;
    private static Path scratchFile;
    /** Rewriting one open file in place; re-creating it per input costs a journal commit each time. */
    private static FileChannel scratch;

    @BeforeAll
    static void loadCorpus() throws Exception {
        settings = FuzzSettings.fromSystemProperties();
        suiteDeadline = Instant.now().plus(settings.suiteLimit());
        SeedCorpus corpus = SeedCorpus.load();
        warmUp(corpus);
        generator = new InputGenerator(corpus, OPTIONS.maxNestingDepth());
        scratchFile = Files.createTempFile("hrnode-fuzz", ".dcm");
        scratch = FileChannel.open(scratchFile, StandardOpenOption.WRITE);
        System.out.printf("fuzz: run seed %d (replay with -Dhrnode.fuzz.seed=%d)%n", settings.seed(),
                settings.seed());
    }

    /**
     * Reads and dumps every seed once, so that one-time costs (class loading, the dictionary's tables) are not
     * charged to whichever fuzz input happens to come first.
     */
    private static void warmUp(SeedCorpus corpus) throws IOException {
        for (int i = 0; i < corpus.size(); i++) {
            try {
                byte[] seed = corpus.seed(i).bytes();
                DumpFormatter.format(new DicomReader(new ByteArrayInputStream(seed), OPTIONS).read());
            } catch (DicomParseException knownBroken) {
                // pydicom ships a few deliberately broken files; rejecting them is right
            }
        }
    }

    @AfterAll
    static void deleteScratchFile() throws Exception {
        scratch.close();
        Files.deleteIfExists(scratchFile);
    }

    @Test
    void readingAByteStreamThrowsOnlyParseExceptions() throws Exception {
        fuzz("stream", PARSE_CAP, input ->
                new DicomReader(new ByteArrayInputStream(input), OPTIONS).read());
    }

    /** Also differential: what is accepted from a file must be what the in-memory reader makes of the same bytes. */
    @Test
    void readingAFileWithBulkDataReferencesThrowsOnlyParseExceptionsAndAgreesWithMemory() throws Exception {
        ReadOptions byReference = OPTIONS.withBulkDataSource(scratchFile.toUri())
                .withBulkDataThreshold(BULK_DATA_THRESHOLD);
        fuzz("file", PARSE_CAP, input -> {
            overwriteScratchFile(input);
            DicomFile fromFile = DicomReader.readFile(scratchFile, byReference);
            DicomFile inMemory;
            try {
                inMemory = new DicomReader(new ByteArrayInputStream(input), OPTIONS).read();
            } catch (DicomParseException e) {
                throw new AssertionError("accepted from a file but rejected from memory: " + e.getMessage(), e);
            }
            String difference = DatasetDiff.firstDifference(fromFile.dataset(), inMemory.dataset());
            if (difference != null) {
                throw new AssertionError("read from a file and from memory, the datasets differ: " + difference);
            }
        });
    }

    @Test
    void readingTheHeaderOnlyAndThenTheRestThrowsOnlyParseExceptions() throws Exception {
        fuzz("header-only", PARSE_CAP, input -> {
            DicomReader reader = new DicomReader(new ByteArrayInputStream(input), input.length, OPTIONS);
            reader.readPart10Header();
            Dataset header = reader.readDataset(Tag.PixelData);
            if (reader.stoppedBeforeTag()) {
                reader.readDataset(-1); // a caller that streams the pixel data resumes here
            }
            header.getString(Tag.SOPInstanceUID);
        });
    }

    @Test
    void whatTheReaderAcceptsCanBeDumpedReadAndWrittenBack() throws Exception {
        fuzz("post-parse", POST_PARSE_CAP, input -> {
            DicomFile file = new DicomReader(new ByteArrayInputStream(input), OPTIONS).read();
            PostParseUse.exercise(file, OPTIONS);
        });
    }

    private static void overwriteScratchFile(byte[] input) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(input);
        scratch.position(0);
        while (bytes.hasRemaining()) {
            scratch.write(bytes);
        }
        scratch.truncate(input.length);
    }

    private static void fuzz(String name, AllocationCap cap, FuzzTarget target) throws Exception {
        FuzzRunner runner = new FuzzRunner(name, settings, generator, suiteDeadline, cap);
        System.out.println(runner.run(target));
    }
}
