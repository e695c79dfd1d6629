package org.hrnode.aiqc.pipeline;

import java.util.List;
import java.util.Objects;
import org.hrnode.dicom.data.Dataset;

/**
 * A stored study as an assessor sees it: each current instance's header (from the index, no bulk data) and a way to
 * open the stored object itself when pixels are needed. Ordered by series, then instance number.
 *
 * @param institutionCode the programme's code of the sending institution (AE registry), null when unknown: its
 *     catalogue mapping table is consulted before the matcher's heuristics
 */
public record StudyInput(String studyInstanceUid, String institutionCode, List<InstanceInput> instances) {

    public StudyInput {
        Objects.requireNonNull(studyInstanceUid, "studyInstanceUid");
        instances = List.copyOf(instances);
    }

    /** The headers alone, for assessors (catalogue matching) that need no pixels. */
    public List<Dataset> headers() {
        return instances.stream().map(InstanceInput::header).toList();
    }
}
