package org.hrnode.aiqc.catalog;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One institution's own table: its local exam codes and names, each to the catalogue item(s) it is. A study whose
 * procedure code or exam name is in the table is those items, whatever the heuristic would say.
 *
 * <p>Keys are compared after {@link #normaliseKey}: NFKC (full-width forms), trimmed, upper case, runs of white
 * space as one space; so "ct-0012", "CT-0012 " and "ＣＴ-0012" are one key.
 */
public final class InstitutionMappings {

    private static final InstitutionMappings NONE = new InstitutionMappings("", Map.of());

    private final String institution;
    private final Map<String, List<Integer>> items;

    private InstitutionMappings(String institution, Map<String, List<Integer>> items) {
        this.institution = institution;
        this.items = items;
    }

    public static InstitutionMappings none() {
        return NONE;
    }

    /**
     * @param entries local code or name → item numbers; when two keys normalise alike, the first in the map's
     *                iteration order wins
     */
    public static InstitutionMappings of(String institution, Map<String, List<Integer>> entries) {
        Objects.requireNonNull(institution, "institution");
        Map<String, List<Integer>> normalised = new HashMap<>();
        entries.forEach((k, v) -> normalised.putIfAbsent(normaliseKey(k), List.copyOf(v)));
        return new InstitutionMappings(institution, Map.copyOf(normalised));
    }

    public static String normaliseKey(String key) {
        return Normalizer.normalize(key, Normalizer.Form.NFKC).strip().replaceAll("\\s+", " ")
                .toUpperCase(Locale.ROOT);
    }

    public String institution() {
        return institution;
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    public Optional<List<Integer>> lookup(String localCodeOrName) {
        return Optional.ofNullable(items.get(normaliseKey(localCodeOrName)));
    }
}
