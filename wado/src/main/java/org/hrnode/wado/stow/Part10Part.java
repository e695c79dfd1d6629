package org.hrnode.wado.stow;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.dict.Tag;
import org.hrnode.dicom.io.BoundedInputStream;
import org.hrnode.dicom.io.DicomParseException;
import org.hrnode.dicom.io.DicomReader;
import org.hrnode.dicom.io.ReadOptions;

/**
 * A STOW-RS part split into what its File Meta Information declares and a stream of the data set after it, read
 * without holding more than the meta in memory: the start of the part is buffered (up to {@value #MAX_META_BYTES}
 * bytes), parsed, and the stream rewound to where the data set begins.
 */
record Part10Part(StowIngest.StowInstance instance, InputStream dataSet) {

    /** Preamble, "DICM" and File Meta Information together; real ones are a few hundred bytes. */
    static final int MAX_META_BYTES = 64 * 1024;

    /** The part is not a Part 10 object; the message says why. */
    static final class NotPart10 extends Exception {
        NotPart10(String message) {
            super(message);
        }
    }

    /**
     * @throws NotPart10   if the part has no File Meta Information naming its SOP Class, SOP Instance and transfer
     *                     syntax, or it cannot be parsed
     * @throws IOException if the part cannot be read (a broken request: {@link MalformedMultipartException})
     */
    static Part10Part read(InputStream part) throws NotPart10, IOException {
        BufferedInputStream in = new BufferedInputStream(part, MAX_META_BYTES);
        in.mark(MAX_META_BYTES);
        // the reader reads ahead; bounded, it never reads past what mark() keeps, so reset() stays valid
        DicomReader reader = new DicomReader(new BoundedInputStream(in, MAX_META_BYTES), ReadOptions.defaults());
        Dataset meta;
        try {
            meta = reader.readPart10Header().fileMetaInformation();
        } catch (DicomParseException | EOFException | RuntimeException e) {
            // RuntimeException too: whatever the parser makes of arbitrary bytes, it is this part's failure alone
            throw new NotPart10("not a Part 10 object (File Meta Information unreadable or over "
                    + MAX_META_BYTES / 1024 + " KiB): " + e.getMessage());
        }
        long dataSetStart = reader.position();
        String sopClass = stripped(meta.getString(Tag.MediaStorageSOPClassUID));
        String sopInstance = stripped(meta.getString(Tag.MediaStorageSOPInstanceUID));
        String transferSyntax = stripped(meta.getString(Tag.TransferSyntaxUID));
        if (sopClass == null || sopInstance == null || transferSyntax == null) {
            throw new NotPart10("not a Part 10 object: its File Meta Information must name Media Storage SOP "
                    + "Class UID, Media Storage SOP Instance UID and Transfer Syntax UID (PS3.10 §7.1)");
        }
        in.reset();
        in.skipNBytes(dataSetStart);
        return new Part10Part(new StowIngest.StowInstance(sopClass, sopInstance, transferSyntax), in);
    }

    private static String stripped(String uid) {
        if (uid == null) {
            return null;
        }
        String s = uid.replace("\0", "").strip();
        return s.isEmpty() ? null : s;
    }
}
