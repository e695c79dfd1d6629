package org.hrnode.dicom.io;

import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.TransferSyntax;

/**
 * What a Part 10 file holds: its File Meta Information (empty when the file had none), the dataset, and the
 * transfer syntax the dataset was encoded in (from the meta, or detected when the meta was missing).
 */
public record DicomFile(Dataset fileMetaInformation, Dataset dataset, TransferSyntax transferSyntax,
        boolean hasPreamble) {
}
