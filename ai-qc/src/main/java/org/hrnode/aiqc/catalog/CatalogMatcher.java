package org.hrnode.aiqc.catalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.hrnode.aiqc.catalog.ItemScorer.Score;
import org.hrnode.dicom.data.Dataset;

/**
 * Tells which catalogue item(s) a study is, from its instance headers, deterministically and with reasons.
 *
 * <p>An institution's own mapping ({@link InstitutionMappings}) decides first: the study's procedure codes, then its
 * exam names, are looked up there. Otherwise every item is scored ({@link ItemScorer}) and the study is:
 * <ol>
 *   <li>nothing, when no item reaches {@link #ACCEPT};</li>
 *   <li>else, per body region, the best item, with any item tied with it (左 and 右 when the side is not stated)
 *       and, for radiographs, items whose views are all present and not part of a kept item's views (颈椎正侧位 and
 *       双斜位 taken together) — 胸部后前位 is dropped when 后前位及侧位 is kept;</li>
 *   <li>and other regions too when their best comes within {@link #OTHER_REGION_MARGIN} of the study's best
 *       (胸部+上腹部 CT).</li>
 * </ol>
 * Thread-safe; one instance serves all studies.
 */
public final class CatalogMatcher {

    /** The lowest score that makes an item a match. */
    public static final double ACCEPT = 0.4;
    /** How far below the best a second region's item may score and still be part of the study. */
    public static final double OTHER_REGION_MARGIN = 0.2;
    private static final double TIE = 1e-9;

    private final Catalog catalog;
    private final Set<String> regionsWithInfantItem = new HashSet<>();
    private final Map<String, Set<View>> viewsByRegion = new HashMap<>();

    public CatalogMatcher(Catalog catalog) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        catalog.items().stream().filter(i -> i.population() == Population.INFANT)
                .forEach(i -> regionsWithInfantItem.add(i.region().key()));
        for (CatalogItem i : catalog.items()) {
            viewsByRegion.computeIfAbsent(i.region().key(), k -> EnumSet.noneOf(View.class)).addAll(i.views());
        }
    }

    public Catalog catalog() {
        return catalog;
    }

    public CatalogMatch match(List<Dataset> instances) {
        return match(instances, InstitutionMappings.none());
    }

    public CatalogMatch match(List<Dataset> instances, InstitutionMappings mappings) {
        Objects.requireNonNull(instances, "instances");
        if (instances.isEmpty()) {
            return new CatalogMatch(List.of(), "no instances: nothing to match");
        }
        StudyEvidence evidence = StudyEvidence.of(instances, catalog.vocabulary());
        Optional<CatalogMatch> mapped = byMapping(evidence, mappings);
        if (mapped.isPresent()) {
            return mapped.get();
        }
        ItemScorer scorer = new ItemScorer(evidence, catalog.vocabulary(), regionsWithInfantItem,
                viewsByRegion);
        List<Score> scores = new ArrayList<>();
        for (CatalogItem item : catalog.items()) {
            Score s = scorer.score(item);
            if (s.value() > 0) {
                scores.add(s);
            }
        }
        scores.sort(Comparator.comparingDouble((Score s) -> -s.value()).thenComparingInt(s -> s.item().no()));
        List<Score> chosen = select(scores);
        if (chosen.isEmpty()) {
            return new CatalogMatch(List.of(), noMatch(scorer, scores));
        }
        List<MatchedItem> items = new ArrayList<>();
        for (Score s : chosen) {
            items.add(new MatchedItem(s.item(), round(s.value()), why(s)));
        }
        return new CatalogMatch(items, String.join(" | ", items.stream()
                .map(m -> "#" + m.item().no() + " " + m.item().name() + " (" + fmt(m.confidence()) + "): " + m.why())
                .toList()));
    }

    private Optional<CatalogMatch> byMapping(StudyEvidence evidence, InstitutionMappings mappings) {
        if (mappings.isEmpty()) {
            return Optional.empty();
        }
        List<String> keys = new ArrayList<>(evidence.localCodes);
        keys.addAll(evidence.localNames);
        for (String key : keys) {
            Optional<List<Integer>> numbers = mappings.lookup(key);
            if (numbers.isEmpty()) {
                continue;
            }
            String why = "mapping of institution " + mappings.institution() + ": local exam '" + key + "'";
            List<MatchedItem> items = new ArrayList<>();
            for (int no : numbers.get()) {
                CatalogItem item = catalog.item(no).orElseThrow(() -> new IllegalArgumentException(
                        "institution " + mappings.institution() + " maps '" + key + "' to item " + no
                                + ", which the catalogue does not have"));
                items.add(new MatchedItem(item, 1.0, why));
            }
            return Optional.of(new CatalogMatch(items, why + " → " + String.join(", ", items.stream()
                    .map(m -> "#" + m.item().no() + " " + m.item().name()).toList())));
        }
        return Optional.empty();
    }

    private static List<Score> select(List<Score> sorted) {
        if (sorted.isEmpty() || sorted.getFirst().value() < ACCEPT) {
            return List.of();
        }
        Score top = sorted.getFirst();
        double best = top.value();
        Map<String, List<Score>> byRegion = new LinkedHashMap<>();
        for (Score s : sorted) {
            if (s.value() >= ACCEPT) {
                byRegion.computeIfAbsent(s.item().modality() + "/" + s.item().region().key(), k -> new ArrayList<>())
                        .add(s);
            }
        }
        List<Score> chosen = new ArrayList<>();
        for (List<Score> group : byRegion.values()) {
            Score groupTop = group.getFirst();
            if (groupTop != top && (groupTop.value() < best - OTHER_REGION_MARGIN || !groupTop.regionExact()
                    || groupTop.regionWeight() < top.regionWeight())) {
                continue;
            }
            double groupBest = groupTop.value();
            List<Score> kept = new ArrayList<>();
            for (Score s : group) {
                if (s.value() >= groupBest - TIE) {
                    kept.add(s);
                } else if (complementary(s, kept)) {
                    kept.add(s);
                }
            }
            chosen.addAll(kept);
        }
        chosen.sort(Comparator.comparingDouble((Score s) -> -s.value()).thenComparingInt(s -> s.item().no()));
        return chosen;
    }

    /**
     * A radiograph item whose views were all named and imaged, sharing no view with a kept item of the region and
     * naming the same side, is a second exam of the same study (颈椎正侧位 + 双斜位).
     */
    private static boolean complementary(Score s, List<Score> kept) {
        CatalogItem item = s.item();
        if (item.modality() != CatalogModality.DR || item.views().isEmpty() || !s.viewsComplete()) {
            return false;
        }
        for (Score k : kept) {
            if (k.item().side() != item.side() || !Collections.disjoint(k.item().views(), item.views())) {
                return false;
            }
        }
        return true;
    }

    private static String why(Score s) {
        String why = String.join("; ", s.reasons());
        if (!s.missing().isEmpty()) {
            why += "; missing or doubtful: " + String.join("; ", s.missing());
        }
        return why;
    }

    private static String noMatch(ItemScorer scorer, List<Score> scores) {
        List<String> parts = new ArrayList<>();
        parts.add("no catalogue item");
        if (scorer.modalityOutsideCatalogue() != null) {
            parts.add(scorer.modalityOutsideCatalogue());
        }
        String noRegion = scorer.noRegionReason();
        if (noRegion != null) {
            parts.add(noRegion);
        }
        if (!scores.isEmpty()) {
            Score near = scores.getFirst();
            parts.add("nearest #" + near.item().no() + " " + near.item().name() + " (" + fmt(round(near.value()))
                    + ") " + why(near));
        } else if (noRegion == null && scorer.category() != null) {
            parts.add("no " + scorer.category().label() + " item has the region, side and contrast stated ("
                    + scorer.modalityReason() + ")");
        }
        return String.join("; ", parts);
    }

    static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
