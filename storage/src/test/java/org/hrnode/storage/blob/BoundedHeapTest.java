package org.hrnode.storage.blob;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The streaming claim, checked without measuring anything: a JVM with a {@value #HEAP_MB} MiB heap stores and reads
 * back a {@value #OBJECT_MB} MiB object through the file system and S3 stores. Holding the object whole would not fit.
 */
class BoundedHeapTest {

    private static final int HEAP_MB = 48;
    private static final int OBJECT_MB = 128;
    private static final long OBJECT_SIZE = OBJECT_MB * 1024L * 1024L;

    @TempDir
    Path directory;

    @Test
    void fileSystemStoreStreamsAnObjectLargerThanTheHeap() throws Exception {
        String output = runChild(List.of("fs", directory.toString(), Long.toString(OBJECT_SIZE)), Map.of());

        assertThat(output).isEqualTo(expectedOutput());
    }

    @Test
    void s3StoreStreamsAnObjectLargerThanTheHeap() throws Exception {
        try (S3ProxyFixture s3 = S3ProxyFixture.start(directory)) {
            String output = runChild(List.of("s3", s3.endpoint().toString(), "heap-bound", Long.toString(OBJECT_SIZE)),
                    Map.of(BoundedHeapPut.ACCESS_KEY_VARIABLE, S3ProxyFixture.ACCESS_KEY,
                            BoundedHeapPut.SECRET_KEY_VARIABLE, S3ProxyFixture.SECRET_KEY));

            assertThat(output).isEqualTo(expectedOutput());
        }
    }

    private static String expectedOutput() {
        String sha = GeneratedInputStream.sha256Of(new GeneratedInputStream(OBJECT_SIZE, BoundedHeapPut.SEED));
        return OBJECT_SIZE + " " + sha + " " + sha;
    }

    /** Runs {@link BoundedHeapPut} with a small heap; returns its last line of output, failing with all of it. */
    private static String runChild(List<String> arguments, Map<String, String> environment)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx" + HEAP_MB + "m", "-XX:+ExitOnOutOfMemoryError", "-cp",
                System.getProperty("java.class.path"), BoundedHeapPut.class.getName()));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process child = builder.start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        int exit = child.waitFor();
        assertThat(exit).as("child JVM with -Xmx%dm exited with %d:%n%s", HEAP_MB, exit, output).isZero();
        String[] lines = output.split("\\R");
        return lines[lines.length - 1];
    }
}
