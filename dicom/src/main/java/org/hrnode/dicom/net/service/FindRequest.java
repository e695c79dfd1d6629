package org.hrnode.dicom.net.service;

import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.net.dimse.Cancellation;
import org.hrnode.dicom.net.dimse.Priority;

/**
 * One C-FIND as a {@link FindHandler} sees it.
 *
 * @param informationModel the SOP class of the query (Patient Root, Study Root, Modality Worklist, …); the handler
 *     decides what it supports
 * @param identifier the query keys, including Query/Retrieve Level for the Q/R models
 * @param cancellation set when the requestor sends C-CANCEL; matching stops at the next match anyway, but a slow
 *     query may check or await it
 */
public record FindRequest(AssociationInfo association, String informationModel, Dataset identifier, int messageId,
        Priority priority, Cancellation cancellation) {
}
