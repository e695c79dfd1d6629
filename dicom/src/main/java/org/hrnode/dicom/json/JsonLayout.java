package org.hrnode.dicom.json;

/** How a {@link DicomJsonWriter} lays out its output. */
public enum JsonLayout {
    /** No whitespace between tokens: what DICOMweb responses carry. */
    COMPACT,
    /** Indented, one member per line: for people reading or diffing the output. */
    PRETTY
}
