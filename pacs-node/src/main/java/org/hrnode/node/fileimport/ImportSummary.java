package org.hrnode.node.fileimport;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.hrnode.storage.index.StoreOutcome;

/**
 * What an import did, file by file counted into the categories an operator acts on: stored, stored as a new
 * version, already there, refused (with the reason), not DICOM, or skipped as a DICOMDIR (the media's table of
 * contents, not an instance). Not thread-safe: one importer fills it.
 */
public final class ImportSummary {

    /** Files that ended in each category. */
    public enum Category {
        STORED, NEW_VERSION, DUPLICATE, REFUSED, NOT_DICOM, DICOMDIR;

        static Category of(StoreOutcome outcome) {
            return switch (outcome) {
                case NEW -> STORED;
                case NEW_VERSION -> NEW_VERSION;
                case DUPLICATE -> DUPLICATE;
            };
        }
    }

    private final Map<Category, Integer> counts = new EnumMap<>(Category.class);
    private final SortedMap<String, Integer> refusalReasons = new TreeMap<>();
    private long bytes;
    private boolean stoppedEarly;

    void refused(String reason, long fileBytes) {
        refusalReasons.merge(reason, 1, Integer::sum);
        add(Category.REFUSED, fileBytes);
    }

    void add(Category category, long fileBytes) {
        counts.merge(category, 1, Integer::sum);
        bytes += fileBytes;
    }

    /** Storage became unavailable; the files after this one were not attempted. */
    void stopEarly() {
        stoppedEarly = true;
    }

    public int count(Category category) {
        return counts.getOrDefault(category, 0);
    }

    /** Files handled so far, whatever their category. */
    public int files() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Bytes of the files handled so far. */
    public long bytes() {
        return bytes;
    }

    /** Refusals by reason, in reason order. */
    public SortedMap<String, Integer> refusalReasons() {
        return Collections.unmodifiableSortedMap(refusalReasons);
    }

    public boolean stoppedEarly() {
        return stoppedEarly;
    }

    /** Whether the import did not store everything it should have: a refusal, or storage gone mid-way. */
    public boolean anythingRefused() {
        return count(Category.REFUSED) > 0 || stoppedEarly;
    }
}
