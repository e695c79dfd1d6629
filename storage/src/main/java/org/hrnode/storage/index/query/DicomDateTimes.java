package org.hrnode.storage.index.query;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * DICOM DA, TM and DT values (PS3.5 §6.2) to and from {@code java.time}, at the microsecond precision DICOM and
 * PostgreSQL share.
 *
 * <p>A partial time or date-time stands for its whole extent: {@code 10} is 10:00:00 to 10:59:59.999999, and
 * {@code 2024} is the whole year. {@link #timeBounds} and {@link #dateTimeBounds} give both ends; stored values use
 * the start. Colons in times ({@code 10:30:00}, the old ACR-NEMA form some modalities still send) are accepted.
 * A DT's UTC offset is ignored: values are compared as the local times the modalities wrote.
 */
public final class DicomDateTimes {

    private static final Pattern DATE = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
    private static final Pattern TIME = Pattern.compile("(\\d{2})(?:(\\d{2})(?:(\\d{2})(?:\\.(\\d{1,6}))?)?)?");
    private static final Pattern DATE_TIME = Pattern.compile(
            "(\\d{4})(?:(\\d{2})(?:(\\d{2})(\\d{2}(?:\\d{2}(?:\\d{2}(?:\\.\\d{1,6})?)?)?)?)?)?([+-]\\d{4})?");
    private static final int MICRO_DIGITS = 6;
    private static final int NANOS_PER_MICRO = 1000;
    private static final LocalTime LAST_MICROSECOND = LocalTime.MAX.truncatedTo(ChronoUnit.MICROS);

    private DicomDateTimes() {
    }

    /** A DA value ({@code YYYYMMDD}), or null if it is not one. */
    public static LocalDate parseDate(String da) {
        if (da == null) {
            return null;
        }
        Matcher m = DATE.matcher(da.trim());
        if (!m.matches()) {
            return null;
        }
        try {
            return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)));
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The start of a TM value, or null if it is not one. */
    public static LocalTime parseTime(String tm) {
        LocalTime[] bounds = timeBounds(tm);
        return bounds == null ? null : bounds[0];
    }

    /** First and last microsecond a TM value covers, or null if it is not one. */
    public static LocalTime[] timeBounds(String tm) {
        if (tm == null) {
            return null;
        }
        Matcher m = TIME.matcher(tm.trim().replace(":", ""));
        if (!m.matches()) {
            return null;
        }
        try {
            int hour = Integer.parseInt(m.group(1));
            LocalTime start = LocalTime.of(hour, 0);
            if (m.group(2) == null) {
                // LocalTime wraps at midnight, so 23 ends at 23:59:59.999999 as it should.
                return new LocalTime[] {start, start.plusHours(1).minusNanos(NANOS_PER_MICRO)};
            }
            start = LocalTime.of(hour, Integer.parseInt(m.group(2)));
            if (m.group(3) == null) {
                return new LocalTime[] {start, start.plusMinutes(1).minusNanos(NANOS_PER_MICRO)};
            }
            start = start.withSecond(Integer.parseInt(m.group(3)));
            String fraction = m.group(4) == null ? "" : m.group(4);
            long micros = fraction.isEmpty() ? 0 : Long.parseLong(padRight(fraction));
            long extentMicros = 1;
            for (int digits = fraction.length(); digits < MICRO_DIGITS; digits++) {
                extentMicros *= 10;
            }
            start = start.withNano((int) (micros * NANOS_PER_MICRO));
            return new LocalTime[] {start, start.plusNanos((extentMicros - 1) * NANOS_PER_MICRO)};
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The start of a DT value, or null if it is not one. */
    public static LocalDateTime parseDateTime(String dt) {
        LocalDateTime[] bounds = dateTimeBounds(dt);
        return bounds == null ? null : bounds[0];
    }

    /** First and last microsecond a DT value covers (offset ignored), or null if it is not one. */
    public static LocalDateTime[] dateTimeBounds(String dt) {
        if (dt == null) {
            return null;
        }
        Matcher m = DATE_TIME.matcher(dt.trim());
        if (!m.matches()) {
            return null;
        }
        try {
            int year = Integer.parseInt(m.group(1));
            if (m.group(2) == null) {
                LocalDateTime start = LocalDate.of(year, 1, 1).atStartOfDay();
                return new LocalDateTime[] {start, lastMicroBefore(start.plusYears(1))};
            }
            int month = Integer.parseInt(m.group(2));
            if (m.group(3) == null) {
                LocalDateTime start = LocalDate.of(year, month, 1).atStartOfDay();
                return new LocalDateTime[] {start, lastMicroBefore(start.plusMonths(1))};
            }
            LocalDate date = LocalDate.of(year, month, Integer.parseInt(m.group(3)));
            if (m.group(4) == null) {
                return new LocalDateTime[] {date.atStartOfDay(), date.atTime(LAST_MICROSECOND)};
            }
            LocalTime[] time = timeBounds(m.group(4));
            return time == null ? null : new LocalDateTime[] {date.atTime(time[0]), date.atTime(time[1])};
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** DA form, {@code YYYYMMDD}. */
    public static String formatDate(LocalDate date) {
        return String.format("%04d%02d%02d", date.getYear(), date.getMonthValue(), date.getDayOfMonth());
    }

    /** TM form, {@code HHMMSS} with six fraction digits only when there is a fraction. */
    public static String formatTime(LocalTime time) {
        String hms = String.format("%02d%02d%02d", time.getHour(), time.getMinute(), time.getSecond());
        int micros = time.getNano() / NANOS_PER_MICRO;
        return micros == 0 ? hms : hms + String.format(".%06d", micros);
    }

    /** DT form, {@code YYYYMMDDHHMMSS[.FFFFFF]}, without offset. */
    public static String formatDateTime(LocalDateTime dateTime) {
        return formatDate(dateTime.toLocalDate()) + formatTime(dateTime.toLocalTime());
    }

    private static LocalDateTime lastMicroBefore(LocalDateTime exclusiveEnd) {
        return exclusiveEnd.minusNanos(NANOS_PER_MICRO);
    }

    private static String padRight(String fraction) {
        return (fraction + "000000").substring(0, MICRO_DIGITS);
    }
}
