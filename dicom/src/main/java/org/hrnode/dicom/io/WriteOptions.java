package org.hrnode.dicom.io;

import java.util.zip.Deflater;

/**
 * How a {@link DicomWriter} encodes lengths. Undefined lengths for sequences and items let a dataset be streamed
 * without measuring it first, and are what DCMTK and dcm4che write by default; defined lengths suit peers that
 * cannot parse delimiters.
 *
 * @param undefinedSequenceLength write SQ elements and their items with undefined length and delimiters
 * @param deflateLevel compression level for Deflated Explicit VR Little Endian
 */
public record WriteOptions(boolean undefinedSequenceLength, int deflateLevel) {

    /** zlib's own default: a good ratio for DICOM headers at modest CPU cost. */
    public static final int DEFAULT_DEFLATE_LEVEL = 6;

    public WriteOptions {
        if (deflateLevel < Deflater.NO_COMPRESSION || deflateLevel > Deflater.BEST_COMPRESSION) {
            throw new IllegalArgumentException("deflateLevel must be 0..9, got " + deflateLevel);
        }
    }

    public static WriteOptions defaults() {
        return new WriteOptions(true, DEFAULT_DEFLATE_LEVEL);
    }

    public WriteOptions withUndefinedSequenceLength(boolean undefined) {
        return new WriteOptions(undefined, deflateLevel);
    }
}
