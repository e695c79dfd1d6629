package org.hrnode.dicom.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/** The items of a sequence (SQ) element. Items know their enclosing dataset so they inherit its character set. */
public final class Sequence implements Iterable<Dataset> {

    private final Dataset parent;
    private final List<Dataset> items = new ArrayList<>();

    Sequence(Dataset parent) {
        this.parent = parent;
    }

    /** Creates, appends and returns an empty item in the byte order of the enclosing dataset. */
    public Dataset addNewItem() {
        Dataset item = new Dataset(parent.isBigEndian());
        add(item);
        return item;
    }

    /** Appends an item; it becomes part of this sequence's enclosing dataset for character-set purposes. */
    public void add(Dataset item) {
        if (item.parent() != null && item.parent() != parent) {
            throw new IllegalArgumentException("item already belongs to another dataset; copy it first");
        }
        item.setParent(parent);
        items.add(item);
    }

    public Dataset get(int index) {
        return items.get(index);
    }

    public int size() {
        return items.size();
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    public List<Dataset> items() {
        return Collections.unmodifiableList(items);
    }

    @Override
    public Iterator<Dataset> iterator() {
        return items().iterator();
    }

    Dataset parent() {
        return parent;
    }
}
