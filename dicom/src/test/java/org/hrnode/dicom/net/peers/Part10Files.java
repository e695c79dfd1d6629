package org.hrnode.dicom.net.peers;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hrnode.dicom.io.DicomParseException;
import org.hrnode.dicom.io.DicomReader;
import org.hrnode.dicom.io.DicomWriter;
import org.hrnode.dicom.io.FileMetaInformation;
import org.hrnode.dicom.io.ReadOptions;
import org.hrnode.dicom.net.dimse.Status;
import org.hrnode.dicom.net.service.StoreHandler;
import org.hrnode.dicom.net.service.StoreRequest;

/**
 * Test helpers around Part 10 files: a {@link StoreHandler} that writes what arrives as a Part 10 file (our File
 * Meta Information, then the received data set bytes unchanged; temp file, then rename), and the raw data set
 * bytes of a file, for byte-for-byte comparison.
 */
final class Part10Files {

    private static final int PREAMBLE_LENGTH = 128;
    private static final byte[] DICM = {'D', 'I', 'C', 'M'};

    private Part10Files() {
    }

    /** What a file holds after its File Meta Information: transfer syntax and raw data set bytes. */
    record DataSetBytes(String transferSyntaxUid, byte[] bytes) {
    }

    static DataSetBytes dataSetBytes(Path file) throws IOException, DicomParseException {
        byte[] all = Files.readAllBytes(file);
        try (InputStream in = Files.newInputStream(file)) {
            DicomReader reader = new DicomReader(in, all.length, ReadOptions.defaults());
            DicomReader.Part10Header header = reader.readPart10Header();
            return new DataSetBytes(header.transferSyntax().uid(),
                    Arrays.copyOfRange(all, (int) reader.position(), all.length));
        }
    }

    /** Data Set Trailing Padding (FFFC,FFFC), which DCMTK drops when it sends a data set. */
    private static final int DATA_SET_TRAILING_PADDING = 0xFFFCFFFC;

    /** The data set bytes up to a top-level Data Set Trailing Padding element, or all of them. */
    static byte[] withoutTrailingPadding(DataSetBytes dataSet) throws IOException, DicomParseException {
        DicomReader reader = new DicomReader(new java.io.ByteArrayInputStream(dataSet.bytes()),
                dataSet.bytes().length, ReadOptions.defaults());
        reader.startDataset(org.hrnode.dicom.data.TransferSyntax.orDefault(dataSet.transferSyntaxUid()));
        reader.readDataset(DATA_SET_TRAILING_PADDING);
        return reader.stoppedBeforeTag() ? Arrays.copyOf(dataSet.bytes(), (int) reader.position()) : dataSet.bytes();
    }

    /** Fails naming the first differing offset, rather than printing megabytes. */
    static void assertSameBytes(byte[] actual, byte[] expected, String what) {
        int mismatch = Arrays.mismatch(actual, expected);
        if (mismatch >= 0) {
            throw new AssertionError(what + ": data set differs at byte " + mismatch + " (received " + actual.length
                    + " bytes, expected " + expected.length + ")");
        }
    }

    /** Stores every instance under {@code dir} as {@code <SOP Instance UID>.dcm}, remembering the transfer syntax. */
    static final class Writer implements StoreHandler {
        private final Path dir;
        final Map<String, StoreRequest> received = new ConcurrentHashMap<>();

        Writer(Path dir) {
            this.dir = dir;
        }

        Path fileOf(String sopInstanceUid) {
            return dir.resolve(sopInstanceUid + ".dcm");
        }

        @Override
        public Status store(StoreRequest request, InputStream dataSet) throws IOException {
            ByteArrayOutputStream meta = new ByteArrayOutputStream();
            try (DicomWriter writer = new DicomWriter(meta)) {
                writer.writeFileMetaInformation(FileMetaInformation.create(request.sopClassUid(),
                        request.sopInstanceUid(), request.transferSyntaxUid()));
            }
            Path partial = dir.resolve(request.sopInstanceUid() + ".part");
            try (OutputStream out = Files.newOutputStream(partial)) {
                out.write(new byte[PREAMBLE_LENGTH]);
                out.write(DICM);
                meta.writeTo(out);
                dataSet.transferTo(out);
            }
            Files.move(partial, fileOf(request.sopInstanceUid()), StandardCopyOption.ATOMIC_MOVE);
            received.put(request.sopInstanceUid(), request);
            return Status.SUCCESS;
        }
    }
}
