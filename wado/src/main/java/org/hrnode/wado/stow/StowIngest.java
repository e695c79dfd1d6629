package org.hrnode.wado.stow;

import java.io.InputStream;
import java.util.Optional;

/**
 * The node's ingest path as STOW-RS uses it: the same lossless rules, quality judgement, duplicate and version
 * handling and durability as C-STORE. Implemented by the node (this module does not know how it ingests).
 */
@FunctionalInterface
public interface StowIngest {

    /** For a DICOMweb service that serves stored studies but takes none (STOW-RS answers 405). */
    StowIngest READ_ONLY = (instance, dataSet, requiredStudy) -> {
        throw new UnsupportedOperationException("this DICOMweb service is read-only");
    };

    /**
     * Stores one object. Returns {@link StowResult.Stored} only once the object is durable.
     *
     * @param instance      what the part's File Meta Information declares
     * @param dataSet       the data set after the File Meta Information, in the declared transfer syntax; read to its
     *                      end, not closed. A read that fails (a request cut short) must leave nothing stored.
     * @param requiredStudy when present, an object of any other study is refused and nothing of it stored
     */
    StowResult store(StowInstance instance, InputStream dataSet, Optional<String> requiredStudy);

    /**
     * A Part 10 object's identity from its File Meta Information.
     */
    record StowInstance(String sopClassUid, String sopInstanceUid, String transferSyntaxUid) {
    }
}
