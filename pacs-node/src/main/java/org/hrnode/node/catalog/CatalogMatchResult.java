package org.hrnode.node.catalog;

import java.util.List;
import org.hrnode.aiqc.catalog.CatalogMatch;

/**
 * The JSON of a catalogue match, the same from {@code ./hrnode catalog-match} and
 * {@code POST /api/qc/catalog/match}: {@code {"items":[{"no":N,"name":"…","confidence":c}],"explanation":"…"}}.
 */
public record CatalogMatchResult(List<Item> items, String explanation) {

    /** One matched item: its number, its name as the catalogue writes it, and the confidence 0..1. */
    public record Item(int no, String name, double confidence) {
    }

    public static CatalogMatchResult of(CatalogMatch match) {
        return new CatalogMatchResult(match.items().stream()
                .map(m -> new Item(m.item().no(), m.item().name(), m.confidence())).toList(), match.explanation());
    }
}
