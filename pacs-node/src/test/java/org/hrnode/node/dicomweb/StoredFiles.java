package org.hrnode.node.dicomweb;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.TransferSyntax;
import org.hrnode.dicom.dict.Tag;
import org.hrnode.dicom.io.DicomParseException;
import org.hrnode.dicom.io.DicomReader;
import org.hrnode.dicom.io.DicomWriter;
import org.hrnode.dicom.io.FileMetaInformation;
import org.hrnode.dicom.io.ReadOptions;
import org.hrnode.node.app.Node;
import org.hrnode.node.ingest.IngestException;
import org.hrnode.node.ingest.IngestSource;

/** Stores Part 10 files in a node through its one ingest path, as a C-STORE of them would. */
final class StoredFiles {

    private static final IngestSource SOURCE = new IngestSource("WADO_TEST", "wado test");

    private StoredFiles() {
    }

    static void store(Node node, Path file) throws IOException {
        store(node, Files.readAllBytes(file));
    }

    static void store(Node node, byte[] object) throws IOException {
        try {
            DicomReader reader = new DicomReader(new ByteArrayInputStream(object), object.length,
                    ReadOptions.defaults());
            String ts = reader.readPart10Header().transferSyntax().uid();
            long start = reader.position();
            Dataset header = reader.readDataset(Tag.PixelData);
            try (InputStream dataSet = new ByteArrayInputStream(object, (int) start, object.length - (int) start)) {
                node.ingest().ingest(SOURCE, header.getString(Tag.SOPClassUID), header.getString(Tag.SOPInstanceUID),
                        ts, dataSet);
            }
        } catch (DicomParseException | IngestException e) {
            throw new IOException("could not store the test object: " + e.getMessage(), e);
        }
    }

    /** {@code dataset} as a Part 10 object in Explicit VR Little Endian. */
    static byte[] part10(Dataset dataset) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DicomWriter w = new DicomWriter(out)) {
            w.writePart10(FileMetaInformation.forDataset(dataset, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN), dataset);
        }
        return out.toByteArray();
    }
}
