package org.hrnode.node.dimse;

import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.dict.Tag;
import org.hrnode.dicom.dict.UID;
import org.hrnode.dicom.net.dimse.DicomServiceException;
import org.hrnode.dicom.net.dimse.Status;
import org.hrnode.storage.index.query.InformationModel;
import org.hrnode.storage.index.query.QueryLevel;

/** From the Q/R SOP class and identifier of a request to the index's information model and level. */
final class QueryModels {

    private QueryModels() {
    }

    static InformationModel of(String sopClassUid) throws DicomServiceException {
        return switch (sopClassUid) {
            case UID.PatientRootQueryRetrieveInformationModelFind, UID.PatientRootQueryRetrieveInformationModelMove,
                    UID.PatientRootQueryRetrieveInformationModelGet -> InformationModel.PATIENT_ROOT;
            case UID.StudyRootQueryRetrieveInformationModelFind, UID.StudyRootQueryRetrieveInformationModelMove,
                    UID.StudyRootQueryRetrieveInformationModelGet -> InformationModel.STUDY_ROOT;
            default -> throw new DicomServiceException(Status.SOP_CLASS_NOT_SUPPORTED,
                    "information model " + sopClassUid + " is not supported");
        };
    }

    static QueryLevel level(Dataset identifier) throws DicomServiceException {
        String code = identifier.getString(Tag.QueryRetrieveLevel);
        if (code == null) {
            throw new DicomServiceException(Status.IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS,
                    "the identifier has no Query/Retrieve Level (0008,0052)");
        }
        try {
            return QueryLevel.fromCode(code);
        } catch (IllegalArgumentException e) {
            throw new DicomServiceException(Status.IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS,
                    "Query/Retrieve Level '" + code + "' is not PATIENT, STUDY, SERIES or IMAGE", e);
        }
    }
}
