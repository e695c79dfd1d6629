package org.hrnode.storage.index;

/** What {@link Index#recordInstance} did with an arriving instance. */
public enum StoreOutcome {
    /** The SOP Instance UID was unknown: patient, study and series were created or updated and the instance added. */
    NEW,
    /** The same SOP Instance UID with the same SHA-256 is already indexed: nothing changed. */
    DUPLICATE,
    /**
     * The SOP Instance UID is known with other bytes: the previous version moved to the version history (kept, with its
     * blob) and this one became current.
     */
    NEW_VERSION
}
