package org.hrnode.dicom.net.service;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.TransferSyntax;
import org.hrnode.dicom.dict.Tag;
import org.hrnode.dicom.io.DicomFile;
import org.hrnode.dicom.io.DicomParseException;
import org.hrnode.dicom.io.DicomReader;
import org.hrnode.dicom.io.DicomWriter;
import org.hrnode.dicom.io.ReadOptions;

/**
 * An instance to send by C-STORE (for C-MOVE, C-GET, or on its own): its UIDs, the transfer syntax its data set
 * is stored in, and a way to open that data set as a stream — typically straight from the stored file, so sending
 * does not load it.
 */
public interface RetrieveInstance {

    String sopClassUid();

    String sopInstanceUid();

    /** The encoding of {@link #openDataSet()}. */
    String transferSyntaxUid();

    /** The data set alone (no preamble, no File Meta Information), in {@link #transferSyntaxUid()}. */
    InputStream openDataSet() throws IOException;

    /**
     * A Part 10 file, sent from disk: its header is read now, its data set streamed from its offset when sent.
     *
     * @throws DicomParseException the file is not DICOM or lacks SOP Class/Instance UIDs
     */
    static RetrieveInstance ofFile(Path file) throws IOException, DicomParseException {
        try (InputStream in = Files.newInputStream(file)) {
            DicomReader reader = new DicomReader(in, Files.size(file), ReadOptions.defaults());
            DicomReader.Part10Header header = reader.readPart10Header();
            long offset = reader.position();
            Dataset meta = header.fileMetaInformation();
            String sopClass = meta.getString(Tag.MediaStorageSOPClassUID);
            String sopInstance = meta.getString(Tag.MediaStorageSOPInstanceUID);
            if (sopClass == null || sopInstance == null) {
                DicomFile whole = DicomReader.readFile(file);
                sopClass = whole.dataset().getString(Tag.SOPClassUID);
                sopInstance = whole.dataset().getString(Tag.SOPInstanceUID);
            }
            if (sopClass == null || sopInstance == null) {
                throw new DicomParseException(file + " has no SOP Class/Instance UID", 0);
            }
            return new Part10File(file, offset, sopClass, sopInstance, header.transferSyntax().uid());
        }
    }

    /** A data set in memory, encoded in {@code ts} when sent. */
    static RetrieveInstance ofDataset(Dataset dataset, TransferSyntax ts) {
        String sopClass = dataset.getString(Tag.SOPClassUID);
        String sopInstance = dataset.getString(Tag.SOPInstanceUID);
        if (sopClass == null || sopInstance == null) {
            throw new IllegalArgumentException("the data set has no SOP Class/Instance UID");
        }
        return new InMemory(dataset, ts, sopClass, sopInstance);
    }

    /** A Part 10 file whose data set starts at {@code offset}. */
    record Part10File(Path file, long offset, String sopClassUid, String sopInstanceUid, String transferSyntaxUid)
            implements RetrieveInstance {

        @Override
        public InputStream openDataSet() throws IOException {
            InputStream in = Files.newInputStream(file);
            in.skipNBytes(offset);
            return in;
        }
    }

    /** A data set held in memory. */
    record InMemory(Dataset dataset, TransferSyntax transferSyntax, String sopClassUid, String sopInstanceUid)
            implements RetrieveInstance {

        @Override
        public String transferSyntaxUid() {
            return transferSyntax.uid();
        }

        @Override
        public InputStream openDataSet() throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (DicomWriter writer = new DicomWriter(out)) {
                writer.writeDataset(dataset, transferSyntax);
            }
            return new ByteArrayInputStream(out.toByteArray());
        }
    }
}
