package org.hrnode.storage.ae;

import java.util.List;
import java.util.Optional;

/**
 * The DICOM peers the node knows, by AE title. The application uses it to tell which institution a calling AE sends
 * for, whether that institution takes part in mutual recognition, and where a C-MOVE destination listens.
 * AE titles are compared exactly (case-sensitive), after trimming insignificant spaces.
 *
 * <p>Methods may throw {@link org.hrnode.storage.index.IndexException} (or its "unavailable" subclass) when the
 * database fails, and {@link IllegalArgumentException} for an invalid AE title.
 */
public interface AeRegistry {

    /** Adds the AE, or replaces the entry with the same AE title. */
    void put(ApplicationEntity entity);

    Optional<ApplicationEntity> find(String aeTitle);

    /** All entries, by AE title. */
    List<ApplicationEntity> list();

    /** Removes the entry; returns whether there was one. */
    boolean remove(String aeTitle);
}
