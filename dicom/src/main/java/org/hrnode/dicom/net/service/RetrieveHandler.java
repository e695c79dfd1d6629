package org.hrnode.dicom.net.service;

import java.util.List;
import org.hrnode.dicom.net.dimse.DicomServiceException;

/**
 * Resolves the identifier of a C-GET or C-MOVE to the instances to send. The list is taken whole because the
 * responses report the number of remaining sub-operations from the start; the instances' data sets are opened one
 * at a time as they are sent.
 */
@FunctionalInterface
public interface RetrieveHandler {

    /**
     * @throws DicomServiceException to refuse (e.g. {@code IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS},
     *     {@code OUT_OF_RESOURCES_UNABLE_TO_CALCULATE_NUMBER_OF_MATCHES})
     */
    List<RetrieveInstance> instances(RetrieveRequest request) throws DicomServiceException;
}
