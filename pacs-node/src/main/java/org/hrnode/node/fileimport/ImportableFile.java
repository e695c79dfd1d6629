package org.hrnode.node.fileimport;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.dict.Tag;
import org.hrnode.dicom.io.DicomParseException;
import org.hrnode.dicom.io.DicomReader;
import org.hrnode.dicom.io.ReadOptions;

/**
 * What import needs to know about one file before handing its data set to ingest: SOP Class and Instance UID and
 * transfer syntax (from the File Meta Information, else from the data set; files without meta are bare data sets,
 * their syntax detected from the bytes), the Source AE Title, and where the data set starts in the file.
 *
 * <p>The whole data set is parsed once, large values skipped by reference, so a file cut short or with elements
 * running past its end is found here: a C-STORE can rely on its framing to know a data set is complete, a file
 * cannot. Ingest itself only parses the header.
 *
 * @param sopClassUid SOP Class UID, null if neither meta nor data set has one
 * @param sopInstanceUid SOP Instance UID, null if neither meta nor data set has one
 * @param transferSyntaxUid the data set's transfer syntax
 * @param sourceAeTitle the meta's Source Application Entity Title, if any
 * @param dataSetOffset where the data set's bytes start (after preamble and meta; for deflated syntaxes, the
 *     deflated bytes)
 * @param part10 whether the file has a DICM preamble or File Meta Information, so is DICOM by its own account
 */
public record ImportableFile(String sopClassUid, String sopInstanceUid, String transferSyntaxUid,
        Optional<String> sourceAeTitle, long dataSetOffset, boolean part10) {

    private static final int READ_BUFFER = 64 * 1024;

    /** Not DICOM this reader can parse, or cut short; the message says where and why. */
    public static final class NotDicomException extends Exception {
        NotDicomException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Reads {@code file}'s header and checks its structure.
     *
     * @throws NotDicomException if it does not parse as DICOM to its end
     * @throws IOException if it cannot be read
     */
    public static ImportableFile read(Path file, ReadOptions options) throws NotDicomException, IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), READ_BUFFER)) {
            DicomReader reader = new DicomReader(in, Files.size(file),
                    options.withBulkDataSource(file.toUri()));
            DicomReader.Part10Header header = reader.readPart10Header();
            long dataSetOffset = reader.position();
            Dataset dataSet = reader.readDataset(-1);
            Dataset meta = header.fileMetaInformation();
            return new ImportableFile(
                    firstPresent(meta.getString(Tag.MediaStorageSOPClassUID), dataSet.getString(Tag.SOPClassUID)),
                    firstPresent(meta.getString(Tag.MediaStorageSOPInstanceUID),
                            dataSet.getString(Tag.SOPInstanceUID)),
                    header.transferSyntax().uid(),
                    Optional.ofNullable(meta.getString(Tag.SourceApplicationEntityTitle)).map(String::strip)
                            .filter(s -> !s.isEmpty()),
                    dataSetOffset,
                    header.hasPreamble() || !meta.isEmpty());
        } catch (DicomParseException e) {
            throw new NotDicomException(e.getMessage(), e);
        }
    }

    private static String firstPresent(String preferred, String fallback) {
        return preferred != null && !preferred.isBlank() ? preferred : fallback;
    }

    /** Whether both SOP UIDs are known, without which nothing can be stored. */
    public boolean identifiesAnInstance() {
        return sopClassUid != null && !sopClassUid.isBlank() && sopInstanceUid != null && !sopInstanceUid.isBlank();
    }
}
