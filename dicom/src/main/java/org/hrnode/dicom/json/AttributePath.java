package org.hrnode.dicom.json;

import java.util.Objects;
import org.hrnode.dicom.data.Tags;

/**
 * Where an attribute sits in a dataset: its tag, and for attributes inside sequence items the path of the
 * sequence and the item's index. Bulk data policies and resolvers use it to name a value, and error messages to
 * point at one: {@code (0008,1140)[0]/(0008,1150)}.
 */
public final class AttributePath {

    private static final int TOP_LEVEL = -1;

    private final AttributePath sequence;
    private final int itemIndex;
    private final int tag;

    private AttributePath(AttributePath sequence, int itemIndex, int tag) {
        this.sequence = sequence;
        this.itemIndex = itemIndex;
        this.tag = tag;
    }

    /** A top-level attribute. */
    public static AttributePath of(int tag) {
        return new AttributePath(null, TOP_LEVEL, tag);
    }

    /** The attribute {@code tag} inside item {@code itemIndex} (from 0) of the sequence this path names. */
    public AttributePath nested(int itemIndex, int tag) {
        if (itemIndex < 0) {
            throw new IllegalArgumentException("item index must be >= 0, got " + itemIndex);
        }
        return new AttributePath(this, itemIndex, tag);
    }

    public int tag() {
        return tag;
    }

    /** The sequence attribute whose item holds this attribute, or null for a top-level attribute. */
    public AttributePath sequence() {
        return sequence;
    }

    /** Index of the item holding this attribute within {@link #sequence()}, or -1 for a top-level attribute. */
    public int itemIndex() {
        return itemIndex;
    }

    public boolean isTopLevel() {
        return sequence == null;
    }

    /**
     * URI-safe form, tags as 8 hexadecimal digits and item indexes as decimals separated by slashes:
     * {@code 00081140/0/00081150}. Used to fill the {@code {path}} placeholder of bulk data URI templates.
     */
    public String toUriPath() {
        StringBuilder sb = new StringBuilder();
        appendUriPath(sb);
        return sb.toString();
    }

    private void appendUriPath(StringBuilder sb) {
        if (sequence != null) {
            sequence.appendUriPath(sb);
            sb.append('/').append(itemIndex).append('/');
        }
        sb.append(Tags.toHex(tag));
    }

    /** {@code (0008,1140)[0]/(0008,1150)}. */
    @Override
    public String toString() {
        if (sequence == null) {
            return Tags.toString(tag);
        }
        return sequence + "[" + itemIndex + "]/" + Tags.toString(tag);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AttributePath p && p.tag == tag && p.itemIndex == itemIndex
                && Objects.equals(p.sequence, sequence);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sequence, itemIndex, tag);
    }
}
