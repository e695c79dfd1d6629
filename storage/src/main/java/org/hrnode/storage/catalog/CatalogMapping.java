package org.hrnode.storage.catalog;

import java.util.List;
import java.util.Objects;

/**
 * One entry of an institution's mapping table: a local exam code or name and the catalogue item number(s) it is.
 *
 * @param localKey the code or name, as the matcher compares it (the caller normalises)
 */
public record CatalogMapping(String institutionCode, String localKey, List<Integer> items) {

    public static final int MAX_INSTITUTION_LENGTH = 64;
    public static final int MAX_KEY_LENGTH = 256;

    public CatalogMapping {
        Objects.requireNonNull(institutionCode, "institutionCode");
        Objects.requireNonNull(localKey, "localKey");
        if (institutionCode.isBlank() || institutionCode.length() > MAX_INSTITUTION_LENGTH) {
            throw new IllegalArgumentException("institution code must be 1-" + MAX_INSTITUTION_LENGTH
                    + " characters, got '" + institutionCode + "'");
        }
        if (localKey.isBlank() || localKey.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("local exam code or name must be 1-" + MAX_KEY_LENGTH
                    + " characters");
        }
        items = List.copyOf(items);
        if (items.isEmpty() || items.stream().anyMatch(n -> n < 1)) {
            throw new IllegalArgumentException("a mapping needs one or more item numbers, each 1 or more, got "
                    + items);
        }
    }
}
