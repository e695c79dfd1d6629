package org.hrnode.dicom.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Encapsulated pixel data (PS3.5 §A.4): the Basic Offset Table item followed by the fragments of the compressed
 * frames. Each entry is a {@code byte[]} held in memory or a {@link BulkData} reference into the source.
 */
public final class Fragments {

    private final List<Object> items = new ArrayList<>();

    /** Appends an item; the first one added is the Basic Offset Table (often empty). */
    public void add(byte[] fragment) {
        items.add(fragment);
    }

    public void add(BulkData fragment) {
        items.add(fragment);
    }

    /** Items in order: index 0 is the Basic Offset Table, then fragments. Entries are byte[] or BulkData. */
    public List<Object> items() {
        return Collections.unmodifiableList(items);
    }

    public int size() {
        return items.size();
    }

    /** Length in bytes of item {@code i}, without its 8-byte item header. */
    public long lengthOf(int i) {
        Object item = items.get(i);
        return item instanceof byte[] b ? b.length : ((BulkData) item).length();
    }
}
