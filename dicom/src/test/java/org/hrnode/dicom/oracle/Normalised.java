package org.hrnode.dicom.oracle;

import java.util.List;
import org.hrnode.dicom.data.Tags;

/**
 * A reader-neutral picture of a dataset element, built the same way from pydicom's report and from our
 * {@link org.hrnode.dicom.data.Dataset}, so that the two can be compared attribute by attribute without either side's
 * types leaking into the comparison.
 */
public final class Normalised {

    private Normalised() {
    }

    /** One element: its tag, the VR its reader reports, and its value. */
    public record Element(int tag, String vr, Value value) {

        @Override
        public String toString() {
            return Tags.toString(tag) + " " + vr + " " + value;
        }
    }

    /** What a file read to: the reader's error (null when it read), File Meta Information and dataset. */
    public record FileReport(String error, List<Element> meta, List<Element> dataset) {

        public static FileReport failed(String error) {
            return new FileReport(error, List.of(), List.of());
        }
    }

    /** How the values of a {@link Value.Scalars} compare. */
    public enum ScalarKind {
        /** Character strings, compared after removing the padding PS3.5 calls insignificant. */
        TEXT,
        /** DS: exact decimal comparison, so 1.0000000001 never equals 1 through a rounding float. */
        DECIMAL,
        /** IS and binary integers: exact, as decimal integer text of any size (UV above 2^63 included). */
        INTEGER,
        /** FL and FD: the same double (NaN equal to NaN). */
        FLOAT,
        /** AT: the same tag. */
        TAG
    }

    /** Length and SHA-256 of a binary value; content equality without holding megabytes of pixels twice. */
    public record Digest(long length, String sha256) {

        private static final int SHOWN_HEX_DIGITS = 12;

        @Override
        public String toString() {
            return length + " bytes, sha256 " + sha256.substring(0, Math.min(SHOWN_HEX_DIGITS, sha256.length()));
        }
    }

    /** An element value in one of the shapes both readers can report. */
    public sealed interface Value {

        /** Values of a string or number element, each as text in the canonical form of its {@code kind}. */
        record Scalars(ScalarKind kind, List<String> values) implements Value {

            @Override
            public String toString() {
                return kind + " " + values;
            }
        }

        /** A binary value (OB, OW, UN, OF, native pixel data, ...) known by its digest. */
        record Bytes(Digest digest) implements Value {

            @Override
            public String toString() {
                return "binary " + digest;
            }
        }

        /** An undefined-length binary value: its items (encapsulated pixel data: Basic Offset Table first). */
        record Fragments(List<Digest> items) implements Value {

            @Override
            public String toString() {
                return "fragments " + items;
            }
        }

        /** A sequence: its items, each a list of elements in tag order. */
        record Items(List<List<Element>> items) implements Value {

            @Override
            public String toString() {
                return items.size() + " items";
            }
        }

        /** The reader could not convert this value; the reason is its own message. */
        record Unreadable(String reason) implements Value {

            @Override
            public String toString() {
                return "unreadable: " + reason;
            }
        }
    }
}
