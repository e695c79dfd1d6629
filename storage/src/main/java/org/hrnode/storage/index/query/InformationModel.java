package org.hrnode.storage.index.query;

/**
 * The Query/Retrieve Information Model of a query (PS3.4 C.6.1, C.6.2). The index matches relationally (keys of any
 * level at or above the query level may be given, and no unique keys of higher levels are required), so the model
 * changes only which identifying keys each match carries: Patient Root adds the Patient ID.
 */
public enum InformationModel {
    PATIENT_ROOT, STUDY_ROOT
}
