package org.hrnode.dicom.fuzz;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Turns (run seed, iteration) into one fuzz input: a corpus seed with one to {@value #MAX_STACKED} stacked
 * mutations (mostly one), or now and then a deep-nesting chain. Each iteration draws from its own generator derived
 * from both numbers, so any single failing input can be rebuilt from the two numbers alone, without replaying the
 * run.
 */
final class InputGenerator {

    private static final int MAX_STACKED = 4;
    /** One input in this many gets a stack of mutations rather than a single one. */
    private static final int STACKING_ODDS = 4;
    /** One input in this many is a generated deep-nesting chain rather than a mutated seed. */
    private static final int DEEP_NESTING_ODDS = 64;
    /** Mutations may grow an input; past this it is cut, to keep iterations quick. */
    private static final int MAX_INPUT_BYTES = 2 * SeedCorpus.MAX_SEED_BYTES;
    /** The 64-bit golden ratio, SplittableRandom's own increment: spreads consecutive iterations apart. */
    private static final long GOLDEN_GAMMA = 0x9E37_79B9_7F4A_7C15L;

    /** The bytes to feed a parser and how they were made. */
    record FuzzInput(byte[] bytes, String origin, List<String> mutations) {
        String describe() {
            return origin + (mutations.isEmpty() ? "" : " mutated by " + String.join(", ", mutations));
        }
    }

    private final SeedCorpus corpus;
    private final int readerNestingLimit;

    InputGenerator(SeedCorpus corpus, int readerNestingLimit) {
        this.corpus = corpus;
        this.readerNestingLimit = readerNestingLimit;
    }

    FuzzInput input(long runSeed, int iteration) {
        SplittableRandom rnd = new SplittableRandom(runSeed + GOLDEN_GAMMA * (iteration + 1L));
        byte[] bytes;
        String origin;
        int stacked;
        if (rnd.nextInt(DEEP_NESTING_ODDS) == 0) {
            bytes = DeepNesting.generate(rnd, readerNestingLimit);
            origin = "deep nesting chain";
            stacked = rnd.nextInt(MAX_STACKED + 1); // a chain is hostile as it is; mutating it is optional
        } else {
            SeedCorpus.Seed seed = corpus.seed(rnd.nextInt(corpus.size()));
            bytes = seed.bytes();
            origin = seed.name();
            // Mostly one mutation, so that many inputs still parse and reach the code behind the parser.
            stacked = rnd.nextInt(STACKING_ODDS) == 0 ? 1 + rnd.nextInt(MAX_STACKED) : 1;
        }
        List<String> applied = new ArrayList<>();
        for (int i = 0; i < stacked; i++) {
            Mutation m = Mutation.values()[rnd.nextInt(Mutation.values().length)];
            bytes = m.apply(bytes, rnd, corpus);
            applied.add(m.name());
        }
        if (bytes.length > MAX_INPUT_BYTES) {
            bytes = Arrays.copyOf(bytes, MAX_INPUT_BYTES);
        }
        return new FuzzInput(bytes, origin, applied);
    }
}
