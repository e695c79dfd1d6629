package org.hrnode.aiqc.catalog;

import java.util.List;
import java.util.Objects;

/**
 * The catalogue item(s) a study is, best first; empty when it is none of them (then the explanation says why and
 * names the nearest item).
 */
public record CatalogMatch(List<MatchedItem> items, String explanation) {

    public CatalogMatch {
        items = List.copyOf(items);
        Objects.requireNonNull(explanation, "explanation");
    }

    /** The item numbers, best first. */
    public List<Integer> numbers() {
        return items.stream().map(i -> i.item().no()).toList();
    }
}
