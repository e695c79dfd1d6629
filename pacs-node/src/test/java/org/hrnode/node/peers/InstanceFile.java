package org.hrnode.node.peers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.dict.Tag;
import org.hrnode.dicom.io.DicomParseException;
import org.hrnode.dicom.io.DicomReader;
import org.hrnode.dicom.io.ReadOptions;
import org.hrnode.dicom.testing.TestData;

/**
 * A file a test sends to the node, with what the test needs to know of it: its identity, where it belongs, how it is
 * encoded. Read from the header (everything before Pixel Data) with our reader, whose agreement with pydicom the
 * DICOM core's tests establish.
 */
record InstanceFile(Path path, String sopClassUid, String sopInstanceUid, String studyInstanceUid,
        String seriesInstanceUid, String transferSyntaxUid) {

    /** The file's identity, or empty when it has no SOP Class or Instance UID (no composite object, or no DICOM). */
    static Optional<InstanceFile> read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            DicomReader reader = new DicomReader(in, Files.size(file), ReadOptions.defaults());
            DicomReader.Part10Header header = reader.readPart10Header();
            Dataset ds = reader.readDataset(Tag.PixelData);
            String sopClass = ds.getString(Tag.SOPClassUID);
            String sopInstance = ds.getString(Tag.SOPInstanceUID);
            if (sopClass == null || sopInstance == null) {
                return Optional.empty();
            }
            return Optional.of(new InstanceFile(file, sopClass, sopInstance, ds.getString(Tag.StudyInstanceUID),
                    ds.getString(Tag.SeriesInstanceUID), header.transferSyntax().uid()));
        } catch (DicomParseException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file's name relative to its source, for messages ("test_files/CT_small.dcm"). */
    String shortName() {
        return TestData.shortName(path);
    }

    String fileName() {
        return path.getFileName().toString();
    }
}
