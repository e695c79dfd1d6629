package org.hrnode.aiqc.catalog;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.hrnode.aiqc.catalog.StudyEvidence.Found;
import org.hrnode.aiqc.catalog.Vocabulary.Kind;

/**
 * How well one study fits one catalogue item: the product of six factors, each in 0..1, so that one clear
 * contradiction (CT against a DR item, 左 against a 右 item) rules the item out and each doubt lowers it:
 *
 * <pre>
 * score = modality × region × contrast × side × views × population × (0.3 if an excluded exam is named)
 *
 * modality    1 the Modality tag fits (MG for 钼靶 items, 0.9 for DX/CR there); 0.9 inferred from the text; 0.6 none
 * region      max over the regions named: field weight (order 1, series/protocol 0.85, body part 0.8)
 *             × similarity (1 same region, the vocabulary's "related" weight for neighbours, else 0)
 * contrast    CT/MR: 1 as stated; 0 contradicted; not stated: 0.9 for 平扫 items, 0.5 for 增强 items.
 *             Any 增强 word or a contrast agent makes the study 增强 (平扫+增强 is 增强)
 * side        item 左/右: 1 same side, 0 the other, 0.9 both sides imaged, 0.5 not stated, 0.45 when the text and
 *             the Laterality attributes contradict; item 双: 1 both, 0.3 one side, 0.6 not stated; item without
 *             side: 0.95 when both sides of a paired part are stated, else 1
 * views       DR items naming views: 0.5 + 0.5 × (share of the item's views named or imaged) − 0.15 per other view
 *             shown that tells items of the region apart (a lateral on a chest PA item; not CC on a mammogram),
 *             at least 0.1; with no view named, 0.9 when there are as many images as views, else scaled down;
 *             × 0.9 when the images (View Position, open-mouth imaged as AP, flexion/extension as lateral) lack a
 *             required view or are fewer than the views; posture (立位/卧位): × 1 stated alike, 0.3 the other,
 *             0.9 not stated
 * population  婴幼儿 item: 1 infant (age under 3, or 婴幼儿 words without an age), 0.2 older, 0.6 unknown;
 *             other items of a region that has an infant item: 0.5 for an infant
 * </pre>
 *
 * The factors, their reasons and what is missing are kept for the explanation.
 */
final class ItemScorer {

    /** The score of one item and why. */
    /**
     * @param regionWeight  the weight of the field the region was named in
     * @param regionExact   whether the study named the item's region itself, not a neighbour
     * @param viewsComplete whether every view the item requires was named or imaged, with enough images
     */
    record Score(CatalogItem item, double value, List<String> reasons, List<String> missing, double regionWeight,
                 boolean regionExact, boolean viewsComplete) {
    }

    private final StudyEvidence e;
    private final Vocabulary vocabulary;
    private final Set<String> regionsWithInfantItem;
    private final Map<String, Set<View>> viewsByRegion;
    private final CatalogModality category;
    private final double modalityFactor;
    private final String modalityReason;
    private final Map<Side, String> textSides = new EnumMap<>(Side.class);
    private final Map<View, Integer> namedViews = new EnumMap<>(View.class);
    private final Map<View, Integer> imagedViews = new EnumMap<>(View.class);
    private final Map<Posture, String> postures = new EnumMap<>(Posture.class);
    private final Contrast contrast;
    private final String contrastReason;
    private final Boolean infant;
    private final String infantReason;
    private final String exclusion;

    /**
     * @param regionsWithInfantItem regions that have a 婴幼儿 item
     * @param viewsByRegion         per region, the views its DR items require: only those count against an item
     *                              when a study shows them and the item does not need them (a CC mammogram view
     *                              tells no item apart, a lateral chest view does)
     */
    ItemScorer(StudyEvidence e, Vocabulary vocabulary, Set<String> regionsWithInfantItem,
            Map<String, Set<View>> viewsByRegion) {
        this.e = e;
        this.vocabulary = vocabulary;
        this.regionsWithInfantItem = regionsWithInfantItem;
        this.viewsByRegion = viewsByRegion;
        // modality: the catalogue category with most image instances; else what the text names
        CatalogModality best = null;
        for (Map.Entry<CatalogModality, Integer> m : e.modalityCounts.entrySet()) {
            if (best == null || m.getValue() > e.modalityCounts.get(best)) {
                best = m.getKey();
            }
        }
        if (best != null) {
            category = best;
            modalityFactor = 1;
            modalityReason = "Modality " + String.join("/", e.dicomModalities);
        } else if (!e.otherModalities.isEmpty()) {
            category = null;
            modalityFactor = 0;
            modalityReason = "Modality " + String.join("/", e.otherModalities) + " is not DR, CT or MR";
        } else {
            Found named = e.of(Kind.MODALITY).stream().findFirst().orElse(null);
            if (named != null) {
                category = "MG".equals(named.hit().key()) ? CatalogModality.DR
                        : CatalogModality.valueOf(named.hit().key());
                modalityFactor = 0.9;
                modalityReason = "no Modality; " + category.label() + " from " + named.where();
            } else {
                category = null;
                modalityFactor = 0.6;
                modalityReason = "no Modality and no modality named";
            }
        }
        for (Found f : e.of(Kind.SIDE)) {
            textSides.putIfAbsent(Side.valueOf(f.hit().key()), f.where());
        }
        for (Found f : e.of(Kind.VIEW)) {
            Map<View, Integer> inThisHit = new EnumMap<>(View.class);
            f.hit().keys().forEach(k -> inThisHit.merge(View.valueOf(k), 1, Integer::sum));
            inThisHit.forEach((v, n) -> namedViews.merge(v, n, Math::max));
        }
        e.imageViews.forEach(v -> imagedViews.merge(v, 1, Integer::sum));
        for (Found f : e.of(Kind.POSTURE)) {
            postures.putIfAbsent(Posture.valueOf(f.hit().key()), f.where());
        }
        List<Found> enhanced = e.of(Kind.CONTRAST).stream().filter(f -> "ENHANCED".equals(f.hit().key())).toList();
        List<Found> plain = e.of(Kind.CONTRAST).stream().filter(f -> "PLAIN".equals(f.hit().key())).toList();
        if (!enhanced.isEmpty() || e.contrastAgent != null) {
            contrast = Contrast.ENHANCED;
            contrastReason = "增强 from " + (enhanced.isEmpty() ? e.contrastAgent : enhanced.getFirst().where());
        } else if (!plain.isEmpty()) {
            contrast = Contrast.PLAIN;
            contrastReason = "平扫 from " + plain.getFirst().where();
        } else {
            contrast = null;
            contrastReason = null;
        }
        if (e.ageYears.isPresent()) {
            infant = e.ageYears.getAsDouble() < Population.INFANT_BELOW_YEARS;
            infantReason = "PatientAge " + e.age;
        } else if (!e.of(Kind.POPULATION).isEmpty()) {
            infant = true;
            infantReason = e.of(Kind.POPULATION).getFirst().where();
        } else {
            infant = null;
            infantReason = null;
        }
        exclusion = e.of(Kind.EXCLUDE).stream().findFirst()
                .map(f -> "'" + f.hit().found() + "' (" + f.hit().key().toLowerCase(Locale.ROOT)
                        + ") is not a catalogue exam, in " + f.where())
                .orElse(null);
    }

    /** The study's catalogue category, or null when unknown or outside the catalogue. */
    CatalogModality category() {
        return category;
    }

    String modalityReason() {
        return modalityReason;
    }

    /** Why the study's modality rules out every item (US, NM …), or null. */
    String modalityOutsideCatalogue() {
        return category == null && modalityFactor == 0 ? modalityReason : null;
    }

    /** Why nothing can match at all, or null. */
    String noRegionReason() {
        return e.of(Kind.REGION).isEmpty() ? "no body region recognised in the descriptions or BodyPartExamined"
                : null;
    }

    Score score(CatalogItem item) {
        List<String> reasons = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        double s = modality(item, reasons);
        Found regionFound = s > 0 ? regionFound(item) : null;
        if (regionFound == null) {
            return new Score(item, 0, reasons, missing, 0, false, false);
        }
        double regionWeight = regionFound.field().weight();
        boolean regionExact = regionFound.hit().key().equals(item.region().key());
        s *= region(item, regionFound, reasons);
        if (s > 0) {
            s *= contrast(item, reasons, missing);
        }
        if (s > 0) {
            s *= side(item, reasons, missing);
        }
        if (s > 0) {
            s *= views(item, reasons, missing);
        }
        if (s > 0) {
            s *= population(item, reasons, missing);
        }
        if (s > 0 && exclusion != null) {
            s *= 0.3;
            missing.add(exclusion);
        }
        return new Score(item, s, reasons, missing, regionWeight, regionExact, viewsComplete(item));
    }

    private double modality(CatalogItem item, List<String> reasons) {
        if (category == null) {
            if (modalityFactor == 0) {
                return 0;
            }
            reasons.add(modalityReason);
            return modalityFactor;
        }
        if (item.modality() != category) {
            return 0;
        }
        if (item.modality() == CatalogModality.DR && modalityFactor == 1) {
            boolean allMammograms = e.mammograms > 0 && e.mammograms == e.radiographs;
            if (item.mammography() != allMammograms) {
                if (!item.mammography()) {
                    return 0;
                }
                reasons.add(modalityReason + " (钼靶 is MG)");
                return 0.9;
            }
        }
        reasons.add(modalityReason + " → " + item.modality().label());
        return modalityFactor;
    }

    /** The region named in the study that fits the item best, or null when none is near it. */
    private Found regionFound(CatalogItem item) {
        double best = 0;
        Found bestFound = null;
        for (Found f : e.of(Kind.REGION)) {
            double v = regionValue(f, item);
            if (v > best) {
                best = v;
                bestFound = f;
            }
        }
        return bestFound;
    }

    private double regionValue(Found f, CatalogItem item) {
        return f.field().weight() * vocabulary.similarity(vocabulary.region(f.hit().key()), item.region())
                * (f.hit().fuzzy() ? 0.9 : 1);
    }

    private double region(CatalogItem item, Found found, List<String> reasons) {
        String named = found.hit().key();
        reasons.add("region " + item.region().zh()
                + (named.equals(item.region().key()) ? "" : " (near " + vocabulary.region(named).zh() + ")")
                + " from " + found.where());
        return regionValue(found, item);
    }

    private double contrast(CatalogItem item, List<String> reasons, List<String> missing) {
        if (item.contrast() == Contrast.NOT_APPLICABLE) {
            return 1;
        }
        if (contrast == null) {
            missing.add("contrast not stated, taken as 平扫");
            return item.contrast() == Contrast.PLAIN ? 0.9 : 0.5;
        }
        if (contrast != item.contrast()) {
            return 0;
        }
        reasons.add(contrastReason);
        return 1;
    }

    private double side(CatalogItem item, List<String> reasons, List<String> missing) {
        Map<Side, String> attributes = e.attributeSides;
        boolean both = bilateral(textSides) || bilateral(attributes);
        Side text = single(textSides);
        Side attribute = single(attributes);
        boolean conflict = !both && text != null && attribute != null && text != attribute;
        Side single = both || conflict ? null : text != null ? text : attribute;
        Map<Side, String> all = new EnumMap<>(Side.class);
        all.putAll(textSides);
        attributes.forEach(all::putIfAbsent);
        String where = String.join(", ", all.values());
        switch (item.side()) {
            case LEFT, RIGHT -> {
                if (conflict) {
                    missing.add("laterality contradicts itself (" + textSides.get(text) + ", "
                            + attributes.get(attribute) + ")");
                    return 0.45;
                }
                if (both) {
                    reasons.add("both sides imaged (" + where + ")");
                    return 0.9;
                }
                if (single == null) {
                    missing.add("laterality not stated (左 or 右)");
                    return 0.5;
                }
                if (single != item.side()) {
                    return 0;
                }
                reasons.add("side " + item.side().zh() + " from " + where);
                return 1;
            }
            case BOTH -> {
                if (both) {
                    reasons.add("both sides from " + where);
                    return 1;
                }
                if (single != null || conflict) {
                    missing.add("one side imaged (" + where + ") for a 双 item");
                    return 0.3;
                }
                missing.add("laterality not stated (双)");
                return 0.6;
            }
            default -> {
                if (both && item.region().paired()) {
                    return 0.95;
                }
                if (item.requiresLaterality() && single == null && !both) {
                    missing.add("laterality not stated for a paired part");
                }
                return 1;
            }
        }
    }

    private static boolean bilateral(Map<Side, String> sides) {
        return sides.containsKey(Side.BOTH) || sides.containsKey(Side.LEFT) && sides.containsKey(Side.RIGHT);
    }

    private static Side single(Map<Side, String> sides) {
        return bilateral(sides) ? null : sides.containsKey(Side.LEFT) ? Side.LEFT
                : sides.containsKey(Side.RIGHT) ? Side.RIGHT : null;
    }

    private double views(CatalogItem item, List<String> reasons, List<String> missing) {
        if (item.modality() != CatalogModality.DR) {
            return 1;
        }
        double f = 1;
        List<View> required = item.views();
        if (!required.isEmpty()) {
            Map<View, Integer> need = new EnumMap<>(View.class);
            required.forEach(v -> need.merge(v, 1, Integer::sum));
            Map<View, Integer> have = new EnumMap<>(namedViews);
            imagedViews.forEach((v, n) -> have.merge(v, n, Math::max));
            if (have.isEmpty()) {
                int n = e.radiographs;
                if (n >= required.size()) {
                    f = 0.9;
                    reasons.add("views not named; " + n + " image(s) for " + required.size() + " view(s)");
                } else {
                    f = 0.9 * (0.5 + 0.5 * n / required.size());
                    missing.add("views not named and " + n + " image(s) for " + required.size() + " view(s)");
                }
            } else {
                int covered = 0;
                for (Map.Entry<View, Integer> r : need.entrySet()) {
                    covered += Math.min(r.getValue(), have.getOrDefault(r.getKey(), 0));
                }
                Set<View> telling = viewsByRegion.getOrDefault(item.region().key(), Set.of());
                long extra = have.keySet().stream().filter(v -> !need.containsKey(v) && telling.contains(v)).count();
                f = Math.max(0.1, 0.5 + 0.5 * covered / required.size() - 0.15 * extra);
                reasons.add("views " + describe(have) + " for " + describe(need));
                if (covered < required.size()) {
                    missing.add("views named lack " + lacking(need, have));
                }
                if (!imagedViews.isEmpty()) {
                    String lack = lacking(asImaged(need), imagedViews);
                    if (!lack.isEmpty()) {
                        f *= 0.9;
                        missing.add("images lack " + lack + " (View Position " + String.join("/", e.imageViewValues)
                                + ")");
                    }
                } else if (e.radiographs > 0 && e.radiographs < required.size()) {
                    f *= 0.9;
                    missing.add("only " + e.radiographs + " image(s) for " + required.size() + " views");
                }
            }
        }
        if (item.posture() != Posture.ANY) {
            if (postures.containsKey(item.posture())) {
                reasons.add(item.posture().zh() + " from " + postures.get(item.posture()));
            } else if (!postures.isEmpty()) {
                f *= 0.3;
                missing.add("posture is not " + item.posture().zh());
            } else {
                f *= 0.9;
                missing.add("posture (" + item.posture().zh() + ") not stated");
            }
        }
        return f;
    }

    /** Whether the item's views were all named or imaged, with an image for each. */
    private boolean viewsComplete(CatalogItem item) {
        if (item.modality() != CatalogModality.DR || item.views().isEmpty()) {
            return true;
        }
        Map<View, Integer> need = new EnumMap<>(View.class);
        item.views().forEach(v -> need.merge(v, 1, Integer::sum));
        Map<View, Integer> have = new EnumMap<>(namedViews);
        imagedViews.forEach((v, n) -> have.merge(v, n, Math::max));
        if (!lacking(need, have).isEmpty() || e.radiographs < item.views().size()) {
            return false;
        }
        return imagedViews.isEmpty() || lacking(asImaged(need), imagedViews).isEmpty();
    }

    private static Map<View, Integer> asImaged(Map<View, Integer> views) {
        Map<View, Integer> out = new EnumMap<>(View.class);
        views.forEach((v, n) -> out.merge(v.imagedAs(), n, Integer::sum));
        return out;
    }

    private static String describe(Map<View, Integer> views) {
        List<String> parts = new ArrayList<>();
        views.forEach((v, n) -> parts.add(n > 1 ? n + "×" + v.zh() : v.zh()));
        return String.join("+", parts);
    }

    private static String lacking(Map<View, Integer> need, Map<View, Integer> have) {
        Map<View, Integer> lack = new EnumMap<>(View.class);
        need.forEach((v, n) -> {
            int short_ = n - have.getOrDefault(v, 0);
            if (short_ > 0) {
                lack.put(v, short_);
            }
        });
        return describe(lack);
    }

    private double population(CatalogItem item, List<String> reasons, List<String> missing) {
        if (item.population() == Population.INFANT) {
            if (infant == null) {
                missing.add("age unknown for a 婴幼儿 item");
                return 0.6;
            }
            if (!infant) {
                missing.add("not an infant (" + infantReason + ")");
                return 0.2;
            }
            reasons.add("婴幼儿 from " + infantReason);
            return 1;
        }
        if (Boolean.TRUE.equals(infant) && regionsWithInfantItem.contains(item.region().key())) {
            missing.add("an infant (" + infantReason + ") has the 婴幼儿 item");
            return 0.5;
        }
        return 1;
    }
}
