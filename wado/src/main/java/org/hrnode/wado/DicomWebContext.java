package org.hrnode.wado;

import java.util.Objects;
import org.hrnode.storage.blob.BlobStore;
import org.hrnode.storage.index.Index;
import org.hrnode.storage.metadata.InstanceMetadataIndex;
import org.hrnode.wado.stow.StowIngest;

/**
 * What DICOMweb works on: the index (queries, what to retrieve), the blob store (the stored bytes), the instances'
 * DICOM JSON with the pre-built series metadata documents (WADO-RS metadata), the node's ingest path for STOW-RS,
 * and which studies hold the "川渝 HR" mark (drawn on rendered images).
 */
public record DicomWebContext(Index index, BlobStore blobs, InstanceMetadataIndex metadata, StudyMarks marks,
                              DicomWebSettings settings, StowIngest stow) {

    public DicomWebContext {
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(blobs, "blobs");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(marks, "marks");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(stow, "stow");
    }

    /** A service that serves what is stored and takes nothing: STOW-RS answers 405. */
    public DicomWebContext(Index index, BlobStore blobs, InstanceMetadataIndex metadata, StudyMarks marks,
            DicomWebSettings settings) {
        this(index, blobs, metadata, marks, settings, StowIngest.READ_ONLY);
    }
}
