package org.hrnode.wado.stow;

import java.io.IOException;

/**
 * The request body breaks the multipart framing (RFC 2046 §5.1.1): no opening boundary, a part cut off before its
 * closing delimiter, header lines that are too long or not headers. Thrown from the body stream of a part, so a
 * consumer reading that stream (the ingest path) fails like any failed read, and nothing it was writing is kept.
 */
public final class MalformedMultipartException extends IOException {

    public MalformedMultipartException(String message) {
        super(message);
    }
}
