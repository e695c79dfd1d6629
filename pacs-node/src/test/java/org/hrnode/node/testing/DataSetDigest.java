package org.hrnode.node.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.hrnode.dicom.io.DicomParseException;
import org.hrnode.dicom.io.DicomReader;
import org.hrnode.dicom.io.ReadOptions;
import org.hrnode.storage.blob.BlobStore;

/**
 * SHA-256 of the data set of a Part 10 object: the bytes after the preamble and File Meta Information, which a
 * DIMSE transfer carries unchanged and which every receiver wraps in its own meta.
 */
public final class DataSetDigest {

    private DataSetDigest() {
    }

    public static String ofFile(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            in.skipNBytes(dataSetOffset(file));
            return sha256(in);
        }
    }

    /** Where the data set of a Part 10 file starts. */
    public static long dataSetOffset(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return dataSetOffset(in, Files.size(file));
        }
    }

    /** The data set digest of a stored blob (a Part 10 object). */
    public static String ofBlob(BlobStore blobs, String key) throws IOException {
        long start;
        try (InputStream in = blobs.get(key)) {
            start = dataSetOffset(in, -1);
        }
        try (InputStream in = blobs.get(key)) {
            in.skipNBytes(start);
            return sha256(in);
        }
    }

    /** SHA-256 of everything {@code in} holds. */
    public static String sha256(InputStream in) throws IOException {
        MessageDigest digest = newDigest();
        try (DigestInputStream digesting = new DigestInputStream(in, digest)) {
            digesting.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static long dataSetOffset(InputStream in, long length) throws IOException {
        try {
            DicomReader reader = new DicomReader(in, length, ReadOptions.defaults());
            reader.readPart10Header();
            return reader.position();
        } catch (DicomParseException e) {
            throw new IOException("not a Part 10 object: " + e.getMessage(), e);
        }
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
