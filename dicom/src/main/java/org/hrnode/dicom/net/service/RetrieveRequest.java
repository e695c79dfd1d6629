package org.hrnode.dicom.net.service;

import java.util.Optional;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.net.dimse.Cancellation;
import org.hrnode.dicom.net.dimse.Priority;

/**
 * One C-MOVE or C-GET as its handler sees it.
 *
 * @param moveDestination the Move Destination AE title; empty for C-GET
 */
public record RetrieveRequest(AssociationInfo association, String informationModel, Dataset identifier,
        int messageId, Priority priority, Optional<String> moveDestination, Cancellation cancellation) {
}
