package org.hrnode.dicom.fuzz;

import java.security.SecureRandom;
import java.time.Duration;

/**
 * What a fuzz run does, from system properties so a failure can be replayed from the command line:
 * {@code -Dhrnode.fuzz.seed=…} (default: fresh each run, printed; under {@code CI=true} the fixed
 * {@value #CI_SEED}, so that a landing is never blocked by an input unrelated to its change — new seeds are explored
 * on developers' machines, and whatever they find becomes a regression test), {@code -Dhrnode.fuzz.first=…} (first iteration,
 * default 0), {@code -Dhrnode.fuzz.iterations=…} (per target, default {@value #DEFAULT_ITERATIONS}) and
 * {@code -Dhrnode.fuzz.maxSeconds=…} (hard stop for the whole suite, default {@value #DEFAULT_MAX_SECONDS}).
 *
 * @param seed the run seed; with an iteration number it determines one input
 * @param firstIteration the iteration to start from
 * @param iterations how many inputs each target gets
 * @param suiteLimit when the whole suite stops even if targets have iterations left
 */
record FuzzSettings(long seed, int firstIteration, int iterations, Duration suiteLimit) {

    static final int DEFAULT_ITERATIONS = 50_000;
    static final int DEFAULT_MAX_SECONDS = 90;
    static final long CI_SEED = 20261121L;

    static FuzzSettings fromSystemProperties() {
        String seed = System.getProperty("hrnode.fuzz.seed");
        return new FuzzSettings(
                seed != null ? Long.decode(seed)
                        : "true".equals(System.getenv("CI")) ? CI_SEED : new SecureRandom().nextLong(),
                Integer.getInteger("hrnode.fuzz.first", 0),
                Integer.getInteger("hrnode.fuzz.iterations", DEFAULT_ITERATIONS),
                Duration.ofSeconds(Integer.getInteger("hrnode.fuzz.maxSeconds", DEFAULT_MAX_SECONDS)));
    }
}
