package org.hrnode.node.peers;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.io.DicomParseException;
import org.hrnode.dicom.io.DicomReader;
import org.hrnode.dicom.io.ReadOptions;

/**
 * A Part 10 object split where its data set begins: the transfer syntax its File Meta Information declares, and the
 * data set's raw bytes. Every party (storescu, the node, getscu, storescp, Orthanc) writes its own meta, so objects
 * that went through several hands are compared by these.
 */
record Part10DataSet(String transferSyntaxUid, byte[] bytes) {

    static Part10DataSet of(Path file) throws IOException {
        return of(Files.readAllBytes(file));
    }

    static Part10DataSet of(byte[] object) throws IOException {
        try {
            DicomReader reader = new DicomReader(new ByteArrayInputStream(object), object.length,
                    ReadOptions.defaults());
            DicomReader.Part10Header header = reader.readPart10Header();
            return new Part10DataSet(header.transferSyntax().uid(),
                    Arrays.copyOfRange(object, (int) reader.position(), object.length));
        } catch (DicomParseException e) {
            throw new IOException("not a Part 10 object: " + e.getMessage(), e);
        }
    }

    /** The File Meta Information of a file. */
    static Dataset metaOf(Path file) throws IOException {
        try {
            return DicomReader.readFile(file).fileMetaInformation();
        } catch (DicomParseException e) {
            throw new IOException(file + " is not readable DICOM: " + e.getMessage(), e);
        }
    }

    /** The data set as a reader of the object sees it, for attribute-by-attribute comparison. */
    static Dataset datasetOf(Path file) throws IOException {
        try {
            return DicomReader.readFile(file).dataset();
        } catch (DicomParseException e) {
            throw new IOException(file + " is not readable DICOM: " + e.getMessage(), e);
        }
    }

    static Dataset datasetOf(byte[] object) throws IOException {
        try {
            return DicomReader.read(new ByteArrayInputStream(object)).dataset();
        } catch (DicomParseException e) {
            throw new IOException("not readable DICOM: " + e.getMessage(), e);
        }
    }

    /** Where the two data sets first differ ("at byte 1234 of 5678 / 5680"), or null when identical. */
    String firstByteDifference(Part10DataSet other) {
        int at = Arrays.mismatch(bytes, other.bytes);
        return at < 0 ? null : "at byte " + at + " of " + bytes.length + " / " + other.bytes.length;
    }
}
