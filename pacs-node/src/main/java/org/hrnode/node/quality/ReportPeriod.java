package org.hrnode.node.quality;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * The days a quality report covers, both included, reckoned in the node's time zone: objects that arrived from
 * {@code from} 00:00 up to (not including) the day after {@code to}.
 */
public record ReportPeriod(LocalDate from, LocalDate to) {

    /** With no dates given, a report covers the last thirty days, today included. */
    public static final int DEFAULT_DAYS = 30;

    public ReportPeriod {
        if (from.isAfter(to)) {
            throw new IllegalArgumentException("from " + from + " is after to " + to);
        }
    }

    /**
     * The period the optional parameters name: {@code to} defaults to today, {@code from} to {@value #DEFAULT_DAYS}
     * days ending with {@code to}.
     *
     * @throws IllegalArgumentException with a message for the user when a date is not YYYY-MM-DD or from &gt; to
     */
    public static ReportPeriod parse(String from, String to, LocalDate today) {
        LocalDate end = to == null || to.isBlank() ? today : date("to", to);
        LocalDate start = from == null || from.isBlank() ? end.minusDays(DEFAULT_DAYS - 1) : date("from", from);
        return new ReportPeriod(start, end);
    }

    /** The first instant of the period in {@code zone}. */
    public Instant start(ZoneId zone) {
        return from.atStartOfDay(zone).toInstant();
    }

    /** The first instant after the period in {@code zone}. */
    public Instant end(ZoneId zone) {
        return to.plusDays(1).atStartOfDay(zone).toInstant();
    }

    private static LocalDate date(String name, String value) {
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " '" + value + "' is not a date in the form YYYY-MM-DD");
        }
    }
}
