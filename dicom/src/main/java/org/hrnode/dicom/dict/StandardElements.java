package org.hrnode.dicom.dict;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.hrnode.dicom.data.Tags;
import org.hrnode.dicom.data.VR;
import org.hrnode.dicom.dict.ElementDictionary.Entry;

/**
 * The loaded {@code elements.tsv}: exact tags in an {@link IntIndex}, the few dozen repeating-group patterns in a
 * list scanned only when the exact lookup misses.
 */
final class StandardElements {

    static final String RESOURCE = "elements.tsv";
    private static final int COLUMNS = 6;
    private static final int TAG_COLUMN = 0;
    private static final int VR_COLUMN = 1;
    private static final int VM_COLUMN = 2;
    private static final int KEYWORD_COLUMN = 3;
    private static final int NAME_COLUMN = 4;
    private static final int RETIRED_COLUMN = 5;

    /** Every standard repeating group is even; an odd group is private and never matches a pattern. */
    private static final int GROUP_LOW_BIT = 0x00010000;

    private final Entry[] exactEntries;
    private final IntIndex exactIndex;
    private final TagPattern[] repeatingPatterns;
    private final Entry[] repeatingEntries;
    private final Map<String, Integer> tagsByKeyword;
    private final List<Entry> entries;

    private StandardElements(List<Entry> exact, List<TagPattern> patterns, List<Entry> repeating,
                             List<Entry> entries) {
        this.exactEntries = exact.toArray(Entry[]::new);
        this.exactIndex = new IntIndex(exact.stream().mapToInt(Entry::tag).toArray());
        this.repeatingPatterns = patterns.toArray(TagPattern[]::new);
        this.repeatingEntries = repeating.toArray(Entry[]::new);
        this.entries = List.copyOf(entries);
        this.tagsByKeyword = new HashMap<>();
        for (Entry entry : entries) {
            if (entry.keyword() != null && tagsByKeyword.put(entry.keyword(), entry.tag()) != null) {
                throw new IllegalStateException(RESOURCE + ": keyword " + entry.keyword() + " appears twice");
            }
        }
    }

    static StandardElements load() {
        List<Entry> exact = new ArrayList<>();
        List<Entry> all = new ArrayList<>();
        record Repeating(TagPattern pattern, Entry entry) {
        }
        List<Repeating> repeating = new ArrayList<>();
        for (String[] row : DictionaryTable.read(RESOURCE, COLUMNS)) {
            TagPattern pattern = TagPattern.parse(row[TAG_COLUMN]);
            List<VR> vrs = VrColumn.parse(row[VR_COLUMN]);
            Entry entry = new Entry(pattern.value(), vrs.isEmpty() ? null : vrs.getFirst(), vrs, row[VM_COLUMN],
                    DictionaryTable.orNull(row[KEYWORD_COLUMN]), row[NAME_COLUMN],
                    DictionaryTable.flag(row[RETIRED_COLUMN]));
            all.add(entry);
            if (pattern.isExact()) {
                exact.add(entry);
            } else {
                repeating.add(new Repeating(pattern.evenGroupsOnly(), entry));
            }
        }
        // Most specific pattern first, should two ever overlap; the sort is stable, so file order breaks ties.
        repeating.sort(Comparator.comparingInt((Repeating r) -> Integer.bitCount(r.pattern().mask())).reversed());
        return new StandardElements(exact, repeating.stream().map(Repeating::pattern).toList(),
                repeating.stream().map(Repeating::entry).toList(), all);
    }

    Entry find(int tag) {
        int position = exactIndex.positionOf(tag);
        if (position >= 0) {
            return exactEntries[position];
        }
        if ((tag & GROUP_LOW_BIT) != 0 || Tags.isGroupLength(tag)) {
            return null; // (1000,0000) is a group length, not Escape Triplet with x = 0
        }
        for (int i = 0; i < repeatingPatterns.length; i++) {
            if (repeatingPatterns[i].matches(tag)) {
                return repeatingEntries[i];
            }
        }
        return null;
    }

    OptionalInt tagOf(String keyword) {
        Integer tag = tagsByKeyword.get(keyword);
        return tag == null ? OptionalInt.empty() : OptionalInt.of(tag);
    }

    List<Entry> entries() {
        return entries;
    }
}
