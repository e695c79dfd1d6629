package org.hrnode.storage.index.query;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.Optional;
import org.hrnode.dicom.data.Tags;
import org.hrnode.dicom.data.VR;
import org.hrnode.dicom.dict.ElementDictionary;

/**
 * Reads the value of a matching key into a {@link Matcher}, by the key's VR, following PS3.4 C.2.2.2:
 * <ul>
 *   <li>empty, or "*" alone: universal matching (no matcher);</li>
 *   <li>DA, TM, DT: a single value or a range {@code A-B}, {@code A-}, {@code -B}; partial times and date-times cover
 *       their whole precision;</li>
 *   <li>several values separated by '\': a value list (UID list matching, and for other string VRs any-of);</li>
 *   <li>a value with '*' or '?' in a VR that allows wild cards (AE, CS, LO, LT, PN, SH, ST, UC, UR, UT): wild card
 *       matching;</li>
 *   <li>anything else: single value matching.</li>
 * </ul>
 * What cannot be matched as asked (a malformed date, wild cards in a UID or number, a list of dates) is an
 * {@link InvalidQueryException} naming the attribute.
 */
public final class Matchers {

    private static final String UNIVERSAL = "*";
    private static final char RANGE = '-';

    private Matchers() {
    }

    /** The matcher for {@code values} of attribute {@code tag} with VR {@code vr}; empty for universal matching. */
    public static Optional<Matcher> parse(int tag, VR vr, String... values) {
        String[] present = Arrays.stream(values).filter(v -> v != null && !v.isEmpty()).toArray(String[]::new);
        if (present.length == 0 || present.length == 1 && present[0].equals(UNIVERSAL)) {
            return Optional.empty();
        }
        if (present.length > 1) {
            return Optional.of(list(tag, vr, present));
        }
        String value = present[0];
        return Optional.of(switch (vr) {
            case DA -> dateRange(tag, value);
            case TM -> timeRange(tag, value);
            case DT -> dateTimeRange(tag, value);
            default -> single(tag, vr, value);
        });
    }

    private static Matcher list(int tag, VR vr, String[] values) {
        if (vr == VR.DA || vr == VR.TM || vr == VR.DT) {
            throw invalid(tag, String.join("\\", values), "value lists of dates and times are not supported;"
                    + " use a range");
        }
        for (String value : values) {
            if (hasWildcard(value)) {
                throw invalid(tag, String.join("\\", values), "wild cards cannot be combined with a value list");
            }
        }
        return new Matcher.AnyOf(Arrays.asList(values));
    }

    private static Matcher single(int tag, VR vr, String value) {
        if (hasWildcard(value)) {
            if (!allowsWildcards(vr)) {
                throw invalid(tag, value, "wild cards are not allowed in " + vr + " values");
            }
            return new Matcher.Wildcard(value);
        }
        return new Matcher.Single(value);
    }

    private static Matcher dateRange(int tag, String value) {
        String[] ends = rangeEnds(value);
        LocalDate from = ends[0].isEmpty() ? null : date(tag, value, ends[0]);
        LocalDate to = ends[1] == null ? from : ends[1].isEmpty() ? null : date(tag, value, ends[1]);
        return range(tag, value, () -> new Matcher.DateRange(from, to));
    }

    private static Matcher timeRange(int tag, String value) {
        String[] ends = rangeEnds(value);
        LocalTime[] from = ends[0].isEmpty() ? null : time(tag, value, ends[0]);
        LocalTime[] to = ends[1] == null ? from : ends[1].isEmpty() ? null : time(tag, value, ends[1]);
        return range(tag, value, () -> new Matcher.TimeRange(from == null ? null : from[0],
                to == null ? null : to[1]));
    }

    /** DT offsets contain '-' too, so a value that parses whole is a single value before it is a range. */
    private static Matcher dateTimeRange(int tag, String value) {
        LocalDateTime[] whole = DicomDateTimes.dateTimeBounds(value);
        if (whole != null) {
            return new Matcher.DateTimeRange(whole[0], whole[1]);
        }
        for (int at = value.indexOf(RANGE); at >= 0; at = value.indexOf(RANGE, at + 1)) {
            String left = value.substring(0, at);
            String right = value.substring(at + 1);
            LocalDateTime[] from = left.isEmpty() ? null : DicomDateTimes.dateTimeBounds(left);
            LocalDateTime[] to = right.isEmpty() ? null : DicomDateTimes.dateTimeBounds(right);
            if ((left.isEmpty() || from != null) && (right.isEmpty() || to != null)) {
                return range(tag, value, () -> new Matcher.DateTimeRange(from == null ? null : from[0],
                        to == null ? null : to[1]));
            }
        }
        throw invalid(tag, value, "not a DICOM date-time (YYYYMMDDHHMMSS.FFFFFF&ZZXX, partial allowed) or range");
    }

    private static Matcher range(int tag, String value, java.util.function.Supplier<Matcher> build) {
        try {
            return build.get();
        } catch (InvalidQueryException e) {
            throw invalid(tag, value, e.getMessage());
        }
    }

    /** [from, to] around the single '-'; to is null when there is no '-' (a single value). */
    private static String[] rangeEnds(String value) {
        int at = value.indexOf(RANGE);
        if (at < 0) {
            return new String[] {value, null};
        }
        return new String[] {value.substring(0, at).trim(), value.substring(at + 1).trim()};
    }

    private static LocalDate date(int tag, String value, String text) {
        LocalDate date = DicomDateTimes.parseDate(text);
        if (date == null) {
            throw invalid(tag, value, "'" + text + "' is not a DICOM date (YYYYMMDD)");
        }
        return date;
    }

    private static LocalTime[] time(int tag, String value, String text) {
        LocalTime[] time = DicomDateTimes.timeBounds(text);
        if (time == null) {
            throw invalid(tag, value, "'" + text + "' is not a DICOM time (HHMMSS.FFFFFF, partial allowed)");
        }
        return time;
    }

    /** Whether {@code value} holds a DICOM wild card ('*' or '?'). */
    public static boolean hasWildcard(String value) {
        return value.indexOf('*') >= 0 || value.indexOf('?') >= 0;
    }

    private static boolean allowsWildcards(VR vr) {
        return switch (vr) {
            case AE, CS, LO, LT, PN, SH, ST, UC, UR, UT -> true;
            default -> false;
        };
    }

    private static InvalidQueryException invalid(int tag, String value, String why) {
        String keyword = ElementDictionary.keywordOf(tag);
        return new InvalidQueryException(Tags.toString(tag) + (keyword == null ? "" : " " + keyword) + " = '"
                + value + "': " + why);
    }
}
