package org.hrnode.dicom.fuzz;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.Sequence;
import org.hrnode.dicom.data.Tags;
import org.hrnode.dicom.data.TransferSyntax;
import org.hrnode.dicom.data.VR;
import org.hrnode.dicom.dict.Tag;
import org.hrnode.dicom.io.DicomFile;
import org.hrnode.dicom.io.DicomParseException;
import org.hrnode.dicom.io.DicomReader;
import org.hrnode.dicom.io.DicomWriter;
import org.hrnode.dicom.io.FileMetaInformation;
import org.hrnode.dicom.io.ReadOptions;
import org.hrnode.dicom.testing.DatasetDiff;
import org.hrnode.dicom.text.DumpFormatter;

/**
 * What applications do with a dataset once the reader accepted it: dump it, read every element through the typed
 * accessors, and store it again. A reader that accepts input must hand over a dataset that survives all of this:
 * the dump never throws, the text accessors never throw, the numeric ones throw only their documented
 * {@link NumberFormatException} (text that is not a number) and {@link IllegalStateException} (a VR without numbers),
 * and what the writer makes of it reads back unchanged.
 */
final class PostParseUse {

    private static final int FILE_META_GROUP = 0x0002;
    private static final String UNKNOWN_SOP_CLASS = "1.2.3";
    private static final String UNKNOWN_SOP_INSTANCE = "1.2.3.4";

    private PostParseUse() {
    }

    static void exercise(DicomFile file, ReadOptions options) throws IOException, DicomParseException {
        DumpFormatter.format(file);
        readEveryElement(file.fileMetaInformation());
        readEveryElement(file.dataset());
        writeAndReadBack(file, options);
    }

    private static void readEveryElement(Dataset ds) {
        for (int i = 0; i < ds.size(); i++) {
            int tag = ds.tagAt(i);
            VR vr = ds.vrAt(i);
            ds.getText(tag);
            ds.getStrings(tag);
            ds.getString(tag);
            ds.privateCreatorOf(tag);
            if (vr == VR.PN) {
                ds.getPersonName(tag);
            }
            if (vr == VR.AT) {
                ds.getTags(tag);
            }
            if (vr.isBinaryNumeric() || vr == VR.IS || vr == VR.DS) {
                readNumbers(ds, tag);
            }
            if (ds.valueAt(i) instanceof Sequence sq) {
                for (Dataset item : sq) {
                    readEveryElement(item);
                }
            }
        }
    }

    private static void readNumbers(Dataset ds, int tag) {
        try {
            ds.getLongs(tag);
        } catch (NumberFormatException | IllegalStateException documented) {
            // documented outcomes for values that are not integers
        }
        try {
            ds.getDoubles(tag);
        } catch (NumberFormatException | IllegalStateException documented) {
            // documented outcomes for values that are not numbers
        }
    }

    /**
     * Writes the dataset as a Part 10 file (Explicit VR Little Endian in place of the retired Big Endian, which we
     * do not write) and reads it back: the writer's output must always be readable, and the same dataset. Implicit
     * VR carries no VRs, so there the reader infers them from the dictionary and from elements read before; a
     * malformed original (elements out of order) can then read back with another VR of an ambiguous pair such as
     * US/SS. Big Endian sources are written as Little Endian, and an element a Big Endian file labels UN keeps
     * that label (its byte order is unknown) where the Little Endian copy may have it resolved from the dictionary.
     * For these two the written form must instead be stable: written again, it reads back the same.
     */
    private static void writeAndReadBack(DicomFile file, ReadOptions options)
            throws IOException, DicomParseException {
        TransferSyntax ts = file.transferSyntax().isBigEndian() ? TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN
                : file.transferSyntax();
        Dataset dataset = withoutFileMetaElements(file.dataset());
        Dataset reread = writeAndRead(dataset, ts, options);
        if (ts.isImplicitVR() || file.transferSyntax().isBigEndian()) {
            requireSame(reread, writeAndRead(reread, ts, options), "written a second time, the dataset changed");
        } else {
            requireSame(dataset, reread, "written and read back, the dataset changed");
        }
    }

    /** File Meta elements that a broken file had in its dataset: the writer skips them there by design. */
    private static Dataset withoutFileMetaElements(Dataset dataset) {
        for (int i = dataset.size() - 1; i >= 0; i--) {
            if (Tags.group(dataset.tagAt(i)) == FILE_META_GROUP) {
                dataset.remove(dataset.tagAt(i));
            }
        }
        return dataset;
    }

    private static Dataset writeAndRead(Dataset dataset, TransferSyntax ts, ReadOptions options) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DicomWriter w = new DicomWriter(bytes)) {
            w.writePart10(FileMetaInformation.create(dataset.getString(Tag.SOPClassUID, UNKNOWN_SOP_CLASS),
                    dataset.getString(Tag.SOPInstanceUID, UNKNOWN_SOP_INSTANCE), ts.uid()), dataset);
        }
        try {
            return new DicomReader(new ByteArrayInputStream(bytes.toByteArray()), options).read().dataset();
        } catch (DicomParseException e) {
            throw new AssertionError("the writer produced a file the reader rejects: " + e.getMessage(), e);
        }
    }

    private static void requireSame(Dataset expected, Dataset actual, String what) {
        String difference = DatasetDiff.firstDifference(expected, actual);
        if (difference != null) {
            throw new AssertionError(what + ": " + difference);
        }
    }
}
