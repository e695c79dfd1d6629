package org.hrnode.dicom.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.hrnode.dicom.testing.TestData;

/**
 * The inputs mutations start from: pydicom's small test and character-set files (real encoders' quirks) and
 * {@link SyntheticSeeds} (every syntax and VR we support). Files above {@value #MAX_SEED_BYTES} bytes are left out:
 * a large file spends the time budget on pixel bytes that exercise nothing new. The order is fixed, so a seed
 * number names the same inputs on every machine with the same pydicom.
 */
final class SeedCorpus {

    static final int MAX_SEED_BYTES = 200 * 1024;

    /** One starting input and where it came from, for failure reports. */
    record Seed(String name, byte[] bytes) {
    }

    private final List<Seed> seeds;

    private SeedCorpus(List<Seed> seeds) {
        this.seeds = List.copyOf(seeds);
    }

    /** Real files (skipping loudly, or failing in CI, when pydicom's data is missing) plus the synthetic seeds. */
    static SeedCorpus load() {
        List<Seed> seeds = new ArrayList<>();
        Stream.of(TestData.dicomFilesUnder(TestData.pydicomTestFiles()),
                        TestData.dicomFilesUnder(TestData.pydicomCharsetFiles()))
                .flatMap(List::stream)
                .filter(SeedCorpus::smallEnough)
                .forEach(p -> seeds.add(new Seed(TestData.shortName(p), read(p))));
        seeds.addAll(SyntheticSeeds.all());
        return new SeedCorpus(seeds);
    }

    int size() {
        return seeds.size();
    }

    Seed seed(int index) {
        return seeds.get(index);
    }

    private static boolean smallEnough(Path p) {
        try {
            return Files.size(p) <= MAX_SEED_BYTES;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
