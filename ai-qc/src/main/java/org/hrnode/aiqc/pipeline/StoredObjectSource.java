package org.hrnode.aiqc.pipeline;

import java.io.IOException;
import java.io.InputStream;

/**
 * Opens one stored instance: the Part 10 file (preamble, File Meta Information, data set with Pixel Data) as the
 * archive holds it. Each call opens a fresh stream, which the caller closes; nothing is read until it is called, so
 * an assessor that needs only headers costs no blob reads.
 */
@FunctionalInterface
public interface StoredObjectSource {

    InputStream open() throws IOException;
}
