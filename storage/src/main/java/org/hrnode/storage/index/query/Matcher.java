package org.hrnode.storage.index.query;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Objects;

/**
 * How one matching key matches (PS3.4 C.2.2.2). Universal matching (an empty value, or "*") is the absence of a
 * matcher: the key is then only a return key. Matching is case-sensitive except for person names.
 */
public sealed interface Matcher {

    /** Single value matching: equality (person names: see the index's documentation). */
    record Single(String value) implements Matcher {
        public Single {
            Objects.requireNonNull(value, "value");
        }
    }

    /** Wild card matching: {@code *} any sequence of characters, {@code ?} any one character; all else literal. */
    record Wildcard(String pattern) implements Matcher {
        public Wildcard {
            Objects.requireNonNull(pattern, "pattern");
        }
    }

    /** List of values (UID list matching, and by extension any attribute): matches if any value matches. */
    record AnyOf(List<String> values) implements Matcher {
        public AnyOf {
            values = List.copyOf(values);
            if (values.isEmpty()) {
                throw new IllegalArgumentException("a value list needs at least one value");
            }
        }
    }

    /** Date range, bounds inclusive, null for an open end. A single date is a range from it to itself. */
    record DateRange(LocalDate from, LocalDate to) implements Matcher {
        public DateRange {
            requireOrdered(from, to);
        }
    }

    /** Time range, bounds inclusive, null for an open end; partial times cover their whole precision. */
    record TimeRange(LocalTime from, LocalTime to) implements Matcher {
        public TimeRange {
            requireOrdered(from, to);
        }
    }

    /** Date-time range, bounds inclusive, null for an open end; partial values cover their whole precision. */
    record DateTimeRange(LocalDateTime from, LocalDateTime to) implements Matcher {
        public DateTimeRange {
            requireOrdered(from, to);
        }
    }

    private static <T extends Comparable<? super T>> void requireOrdered(T from, T to) {
        if (from == null && to == null) {
            throw new InvalidQueryException("a range needs at least one bound ('-' alone is not a range)");
        }
        if (from != null && to != null && from.compareTo(to) > 0) {
            throw new InvalidQueryException("range start " + from + " is after its end " + to);
        }
    }
}
