package org.hrnode.wado.retrieve;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.hrnode.dicom.codec.PixelDataException;
import org.hrnode.dicom.codec.Transcoder;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.TransferSyntax;
import org.hrnode.dicom.io.DicomFile;
import org.hrnode.dicom.io.DicomParseException;
import org.hrnode.dicom.io.DicomReader;
import org.hrnode.dicom.io.DicomWriter;
import org.hrnode.dicom.io.FileMetaInformation;

/**
 * Re-encodes one stored instance into another transfer syntax for retrieval, with the dicom module's
 * {@link Transcoder} (every encoded frame is decoded again and compared, so nothing lossy leaves). One instance is
 * held in memory while this runs — the codecs work on whole frames — never a series or study.
 */
final class Transcoding {

    private static final Transcoder TRANSCODER = Transcoder.standard();

    private Transcoding() {
    }

    /** The Part 10 bytes of the object read from {@code stored}, its data set in {@code target}. */
    static byte[] toPart10(InputStream stored, TransferSyntax target) throws IOException, PixelDataException {
        DicomFile file;
        try {
            file = DicomReader.read(stored);
        } catch (DicomParseException e) {
            throw new IOException("stored object is not readable DICOM: " + e.getMessage(), e);
        }
        Dataset dataset = TRANSCODER.transcode(file.dataset(), file.transferSyntax(), target);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DicomWriter writer = new DicomWriter(out)) {
            writer.writePart10(FileMetaInformation.forDataset(dataset, target), dataset);
        }
        return out.toByteArray();
    }
}
