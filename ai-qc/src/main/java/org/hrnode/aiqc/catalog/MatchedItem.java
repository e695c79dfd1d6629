package org.hrnode.aiqc.catalog;

import java.util.Objects;

/**
 * A catalogue item a study matched.
 *
 * @param confidence 0..1, the score of {@link CatalogMatcher} rounded to two decimals (1 for an institution mapping)
 * @param why        which attributes matched and what is missing, for this item
 */
public record MatchedItem(CatalogItem item, double confidence, String why) {

    public MatchedItem {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(why, "why");
        if (confidence < 0 || confidence > 1) {
            throw new IllegalArgumentException("confidence must be within 0..1, got " + confidence);
        }
    }
}
