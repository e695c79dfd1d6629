package org.hrnode.dicom.net.dimse;

import java.io.IOException;
import java.io.OutputStream;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.TransferSyntax;
import org.hrnode.dicom.io.DicomWriter;

/** Writes a message's data set to its P-DATA stream; lets a sender stream from a file without loading it. */
@FunctionalInterface
public interface DataWriter {

    void writeTo(OutputStream out) throws IOException;

    /** {@code dataset} encoded in {@code ts}. */
    static DataWriter of(Dataset dataset, TransferSyntax ts) {
        return out -> {
            DicomWriter writer = new DicomWriter(out);
            writer.writeDataset(dataset, ts);
        };
    }
}
