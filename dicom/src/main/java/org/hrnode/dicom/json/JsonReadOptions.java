package org.hrnode.dicom.json;

import org.hrnode.dicom.io.ReadOptions;

/**
 * Limits a {@link DicomJsonReader} holds hostile documents to, so that no input can exhaust memory or the stack.
 * Immutable; start from {@link #defaults()} and derive with the {@code with*} methods.
 *
 * <p>A dataset in memory can be larger than its JSON: an empty sequence item costs a few hundred bytes for its
 * three characters {@code {},}, as an empty item costs for its 8 bytes in Part 10. The document limit is
 * therefore what bounds memory as a whole; set it to what the service expects to receive.
 *
 * @param maxNestingDepth   deepest sequence nesting accepted (items within items)
 * @param maxValueLength    longest value of one attribute: characters of text, bytes of binary data (decoded),
 *                          or bytes its numbers occupy when encoded
 * @param maxDocumentLength longest document accepted, in bytes (or characters, for a Reader); -1 for no limit
 */
public record JsonReadOptions(int maxNestingDepth, int maxValueLength, long maxDocumentLength) {

    public static final int DEFAULT_MAX_NESTING_DEPTH = ReadOptions.DEFAULT_MAX_NESTING_DEPTH;
    /** Generous for an inline value; larger ones belong behind a BulkDataURI. */
    public static final int DEFAULT_MAX_VALUE_LENGTH = 64 * 1024 * 1024;
    /** Several times the metadata of a large series; inline pixel data of a large image also fits. */
    public static final long DEFAULT_MAX_DOCUMENT_LENGTH = 256L * 1024 * 1024;
    public static final long UNLIMITED_DOCUMENT_LENGTH = -1;

    public JsonReadOptions {
        if (maxNestingDepth < 1) {
            throw new IllegalArgumentException("maxNestingDepth must be at least 1, got " + maxNestingDepth);
        }
        if (maxValueLength < 0) {
            throw new IllegalArgumentException("maxValueLength must be >= 0, got " + maxValueLength);
        }
        if (maxDocumentLength < UNLIMITED_DOCUMENT_LENGTH || maxDocumentLength == 0) {
            throw new IllegalArgumentException("maxDocumentLength must be positive or -1 (no limit), got "
                    + maxDocumentLength);
        }
    }

    public static JsonReadOptions defaults() {
        return new JsonReadOptions(DEFAULT_MAX_NESTING_DEPTH, DEFAULT_MAX_VALUE_LENGTH, DEFAULT_MAX_DOCUMENT_LENGTH);
    }

    public JsonReadOptions withMaxNestingDepth(int depth) {
        return new JsonReadOptions(depth, maxValueLength, maxDocumentLength);
    }

    public JsonReadOptions withMaxValueLength(int length) {
        return new JsonReadOptions(maxNestingDepth, length, maxDocumentLength);
    }

    public JsonReadOptions withMaxDocumentLength(long length) {
        return new JsonReadOptions(maxNestingDepth, maxValueLength, length);
    }
}
