package org.hrnode.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the real DICOM files the benchmarks parse in the shared data folder: the system property
 * {@code hrnode.shared.dir} or else the environment variable {@code HRNODE_SHARED_DIR} names the folder that holds
 * {@code data/}. The environment variable is the one to use with JMH, because forked benchmark JVMs inherit the
 * environment but not the launcher's system properties.
 */
final class SharedData {

    static final String PROPERTY = "hrnode.shared.dir";
    static final String ENVIRONMENT = "HRNODE_SHARED_DIR";
    /** A real 512×512 16-bit GE CT slice, Explicit VR Little Endian, 526 KB. */
    static final String CT_SLICE = "data/ct-head-ge/01.dcm";

    private SharedData() {
    }

    /** The file at {@code relative} under the shared folder; fails with what to set when it cannot be found. */
    static Path file(String relative) {
        String dir = System.getProperty(PROPERTY, System.getenv(ENVIRONMENT));
        if (dir == null) {
            throw new IllegalStateException("benchmark data not found: set " + ENVIRONMENT + " (or -D" + PROPERTY
                    + ") to the shared folder that holds " + relative + ", e.g. " + ENVIRONMENT
                    + "=../shared ./hrnode bench");
        }
        Path file = Path.of(dir).resolve(relative);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("benchmark data not found: " + file.toAbsolutePath() + " does not exist ("
                    + ENVIRONMENT + "/" + PROPERTY + " = " + dir + ")");
        }
        return file;
    }
}
