package org.hrnode.storage.catalog;

import java.util.List;

/**
 * The institutions' mapping tables (local exam code or name → catalogue items), which take precedence over the
 * catalogue matcher's heuristic. Methods may throw {@link org.hrnode.storage.index.IndexException} (or its
 * "unavailable" subclass) when the database fails.
 */
public interface CatalogMappings {

    /** One institution's table, by key. */
    List<CatalogMapping> list(String institutionCode);

    /** Adds the entry, or replaces the one with the same institution and key. */
    void put(CatalogMapping mapping);

    /** Replaces the institution's whole table with {@code mappings} (all of that institution), atomically. */
    void replace(String institutionCode, List<CatalogMapping> mappings);

    /** Removes one entry; returns whether there was one. */
    boolean remove(String institutionCode, String localKey);

    /** Removes the institution's table; returns how many entries it had. */
    int removeAll(String institutionCode);
}
