package org.hrnode.dicom.net.service;

import java.util.Optional;
import org.hrnode.dicom.net.dimse.Priority;

/**
 * One C-STORE as a {@link StoreHandler} sees it: where it came from and what the command says the data set is.
 *
 * @param transferSyntaxUid the encoding of the data set stream (the presentation context's transfer syntax)
 * @param moveOriginatorAETitle present when the store is a sub-operation of a C-MOVE
 * @param moveOriginatorMessageId -1 unless a C-MOVE sub-operation
 */
public record StoreRequest(AssociationInfo association, String sopClassUid, String sopInstanceUid,
        String transferSyntaxUid, int messageId, Priority priority, Optional<String> moveOriginatorAETitle,
        int moveOriginatorMessageId) {

    public String callingAETitle() {
        return association.callingAETitle();
    }

    public String calledAETitle() {
        return association.calledAETitle();
    }
}
