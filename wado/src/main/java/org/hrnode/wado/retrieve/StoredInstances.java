package org.hrnode.wado.retrieve;

import org.hrnode.storage.index.Index;
import org.hrnode.storage.index.StoredInstanceRef;
import org.hrnode.storage.index.query.QueryLevel;

/** Looks up one instance named by a WADO-RS path, checking that it belongs to the study and series named. */
final class StoredInstances {

    private StoredInstances() {
    }

    /** The instance, or 400 for a malformed UID, 404 when it is not stored under that study and series. */
    static StoredInstanceRef find(Index index, String study, String series, String instance) {
        Uids.require(study, "Study Instance UID");
        Uids.require(series, "Series Instance UID");
        Uids.require(instance, "SOP Instance UID");
        return index.instancesOf(QueryLevel.IMAGE, instance).stream()
                .filter(r -> r.studyInstanceUid().equals(study) && r.seriesInstanceUid().equals(series))
                .findFirst()
                .orElseThrow(() -> WadoErrors.notFound("no instance " + instance + " of series " + series
                        + " in study " + study + " is stored here"));
    }
}
