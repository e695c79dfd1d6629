package org.hrnode.aiqc.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Train / held-out split by source group ({@link SourceImage#group()}), never by image, so that no source (and no
 * slice of a held-out series, no other encoding of a held-out picture) is seen in training. Stratified by modality
 * family: in each family the groups are shuffled with the seed and taken in that order while the held-out images
 * stay within a quarter of the family's images; a family of two or more groups always holds out at least one (its
 * smallest, if every group alone is above the quarter). Counting images, not groups, keeps an 8-slice series from
 * taking the whole held-out share of a family of single images.
 */
public record SourceSplit(List<SourceImage> train, List<SourceImage> heldOut) {

    static final double HELD_OUT_FRACTION = 0.25;

    public static SourceSplit of(List<SourceImage> images, long seed) {
        Map<QcModality, Set<String>> groupsByFamily = new TreeMap<>();
        Map<String, QcModality> familyOfGroup = new TreeMap<>();
        for (SourceImage s : images) {
            familyOfGroup.putIfAbsent(s.group(), s.modality());
        }
        familyOfGroup.forEach((g, m) -> groupsByFamily.computeIfAbsent(m, k -> new TreeSet<>()).add(g));
        Random rnd = new Random(seed);
        Set<String> heldOutGroups = new TreeSet<>();
        Map<String, Long> sizes = images.stream().collect(Collectors.groupingBy(SourceImage::group,
                Collectors.counting()));
        for (Set<String> groups : groupsByFamily.values()) {
            List<String> shuffled = new ArrayList<>(groups);
            Collections.shuffle(shuffled, rnd);
            if (shuffled.size() < 2) {
                continue;
            }
            long familyImages = shuffled.stream().mapToLong(sizes::get).sum();
            long target = Math.max(1, Math.round(familyImages * HELD_OUT_FRACTION));
            long held = 0;
            for (String g : shuffled) {
                if (held + sizes.get(g) <= target) {
                    heldOutGroups.add(g);
                    held += sizes.get(g);
                }
            }
            if (held == 0) {
                heldOutGroups.add(shuffled.stream().min(java.util.Comparator.comparing(sizes::get)).orElseThrow());
            }
        }
        Map<Boolean, List<SourceImage>> parts = images.stream()
                .collect(Collectors.partitioningBy(s -> heldOutGroups.contains(s.group())));
        return new SourceSplit(List.copyOf(parts.get(false)), List.copyOf(parts.get(true)));
    }

    public long heldOutGroupCount() {
        return heldOut.stream().map(SourceImage::group).distinct().count();
    }

    public long trainGroupCount() {
        return train.stream().map(SourceImage::group).distinct().count();
    }
}
