package org.hrnode.dicom.net.service;

import java.util.stream.Stream;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.net.dimse.DicomServiceException;

/**
 * Answers C-FIND queries, for any information model (Patient Root, Study Root, Modality Worklist): the matching
 * is the application's; the protocol (one Pending response per match, C-CANCEL, final status) is not.
 *
 * <p>Matches are taken lazily, one at a time, and each is sent as soon as it is produced, so a database cursor
 * can back the stream; the stream is closed when the operation ends, cancelled or not. Runs on a thread of its
 * own, not the association's reader.
 */
@FunctionalInterface
public interface FindHandler {

    /**
     * @return the matches, each a response identifier (the requested keys filled in)
     * @throws DicomServiceException to refuse the query (e.g. {@code IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS})
     */
    Stream<Dataset> find(FindRequest request) throws DicomServiceException;
}
