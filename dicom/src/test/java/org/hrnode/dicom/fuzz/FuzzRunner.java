package org.hrnode.dicom.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.hrnode.dicom.io.DicomParseException;

/**
 * Feeds a target its inputs one at a time on a worker thread and judges each by three oracles: only
 * {@link DicomParseException} may escape; the input must finish within {@link #HANG_LIMIT} (a hang detector with a
 * limit hundreds of times what any input needs, not a speed check); and the worker's allocation for the input must
 * stay under the {@link AllocationCap}. The first violation fails the run, naming the seed and iteration that rebuild
 * the input and saving its bytes under {@code target/fuzz-failures/}.
 */
final class FuzzRunner {

    static final Duration HANG_LIMIT = Duration.ofSeconds(2);
    private static final Path FAILURES = Path.of("target", "fuzz-failures");
    private static final double MEBIBYTE = 1024.0 * 1024.0;

    private final String name;
    private final FuzzSettings settings;
    private final InputGenerator generator;
    private final Instant suiteDeadline;
    private final AllocationCap cap;

    /** What one input did on the worker. */
    private record Outcome(boolean parsed, long allocatedBytes, int inputLength) {
    }

    FuzzRunner(String name, FuzzSettings settings, InputGenerator generator, Instant suiteDeadline,
            AllocationCap cap) {
        this.name = name;
        this.settings = settings;
        this.generator = generator;
        this.suiteDeadline = suiteDeadline;
        this.cap = cap;
    }

    /** Runs the configured iterations; returns a one-line summary, throws {@link AssertionError} on a finding. */
    String run(FuzzTarget target) throws InterruptedException {
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-" + name);
            t.setDaemon(true); // a hung input must not keep the test JVM alive
            return t;
        });
        long started = System.nanoTime();
        int parsed = 0;
        int done = 0;
        Outcome mostAllocated = new Outcome(false, 0, 0);
        try {
            for (int i = settings.firstIteration(); done < settings.iterations(); i++, done++) {
                if (Instant.now().isAfter(suiteDeadline)) {
                    throw new AssertionError(String.format("fuzz %s: the suite's hard stop (%d s) came after %d of"
                            + " %d iterations (seed %d); the parser has become very slow or the machine is overloaded",
                            name, settings.suiteLimit().toSeconds(), done, settings.iterations(), settings.seed()));
                }
                InputGenerator.FuzzInput input = generator.input(settings.seed(), i);
                Outcome outcome = runOne(worker, target, input, i);
                parsed += outcome.parsed() ? 1 : 0;
                if (outcome.allocatedBytes() > mostAllocated.allocatedBytes()) {
                    mostAllocated = outcome;
                }
            }
        } finally {
            worker.shutdownNow();
        }
        return String.format("fuzz %s: %d inputs (seed %d, from iteration %d) in %.1f s: %d parsed, %d rejected"
                + " with DicomParseException; most allocated by one input %.1f MiB (for %,d input bytes)", name, done,
                settings.seed(), settings.firstIteration(), (System.nanoTime() - started) / 1e9, parsed,
                done - parsed, mostAllocated.allocatedBytes() / MEBIBYTE, mostAllocated.inputLength());
    }

    private Outcome runOne(ExecutorService worker, FuzzTarget target, InputGenerator.FuzzInput input, int iteration)
            throws InterruptedException {
        Future<Outcome> future = worker.submit(() -> measure(target, input.bytes()));
        Outcome outcome;
        try {
            outcome = future.get(HANG_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException hang) {
            throw failure("no result after " + HANG_LIMIT.toSeconds() + " s (hang); worker was at:\n"
                    + workerStack(), input, iteration, null);
        } catch (ExecutionException e) {
            throw failure("threw " + e.getCause(), input, iteration, e.getCause());
        }
        long limit = cap.forInput(input.bytes().length);
        if (outcome.allocatedBytes() > limit) {
            throw failure(String.format("allocated %,d bytes for a %,d-byte input, above the cap of %,d",
                    outcome.allocatedBytes(), input.bytes().length, limit), input, iteration, null);
        }
        return outcome;
    }

    private static Outcome measure(FuzzTarget target, byte[] input) throws Exception {
        long before = AllocationMeter.allocatedByCurrentThread();
        boolean parsed;
        try {
            target.accept(input);
            parsed = true;
        } catch (DicomParseException expected) {
            parsed = false;
        }
        return new Outcome(parsed, AllocationMeter.allocatedByCurrentThread() - before, input.length);
    }

    private String workerStack() {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(e -> e.getKey().getName().equals("fuzz-" + name))
                .flatMap(e -> Arrays.stream(e.getValue()))
                .map(frame -> "    at " + frame)
                .collect(Collectors.joining("\n"));
    }

    private AssertionError failure(String problem, InputGenerator.FuzzInput input, int iteration, Throwable cause) {
        Path saved = save(input.bytes(), iteration);
        String message = String.format("fuzz %s: %s%n  input: iteration %d of seed %d, %s (%,d bytes), saved to %s"
                + "%n  replay: mvn -pl dicom test -Dtest=%s -Dhrnode.fuzz.seed=%d -Dhrnode.fuzz.first=%d"
                + " -Dhrnode.fuzz.iterations=1", name, problem, iteration, settings.seed(), input.describe(),
                input.bytes().length, saved.toAbsolutePath(), ParserFuzzTest.class.getSimpleName(),
                settings.seed(), iteration);
        return new AssertionError(message, cause);
    }

    private Path save(byte[] bytes, int iteration) {
        try {
            Files.createDirectories(FAILURES);
            Path file = FAILURES.resolve(String.format("%s-seed%d-iteration%d.dcm", name, settings.seed(), iteration));
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("could not save the failing input", e);
        }
    }
}
