package org.hrnode.aiqc.pipeline;

import java.util.Objects;
import org.hrnode.dicom.data.Dataset;

/**
 * One stored instance of a {@link StudyInput}.
 *
 * @param transferSyntaxUid the transfer syntax the object is stored in now (after any lossless re-encoding)
 * @param header            the instance's attributes without bulk data (Pixel Data absent), parsed from the index
 * @param object            opens the stored Part 10 object, pixels included
 */
public record InstanceInput(String seriesInstanceUid, String sopInstanceUid, String transferSyntaxUid,
                            Dataset header, StoredObjectSource object) {

    public InstanceInput {
        Objects.requireNonNull(seriesInstanceUid, "seriesInstanceUid");
        Objects.requireNonNull(sopInstanceUid, "sopInstanceUid");
        Objects.requireNonNull(transferSyntaxUid, "transferSyntaxUid");
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(object, "object");
    }
}
