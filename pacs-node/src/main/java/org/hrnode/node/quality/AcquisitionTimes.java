package org.hrnode.node.quality;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.dict.Tag;
import org.hrnode.storage.index.query.DicomDateTimes;

/**
 * Finds when an object was acquired, from the most specific attribute that states it: Acquisition DateTime, else
 * Acquisition Date + Time, else Content Date + Time, else Series Date + Time, else Study Date + Time. A date without
 * its time is not used (it would make the lateness up to a day wrong) and the next source is tried.
 *
 * <p>Local times are placed in a zone: the offset inside the DT value itself, else Timezone Offset From UTC
 * (0008,0201), else the configured zone (the programme's hospitals write Beijing time, Asia/Shanghai).
 */
public final class AcquisitionTimes {

    /** A DT value's trailing UTC offset, {@code &ZZXX}. */
    private static final Pattern DT_OFFSET = Pattern.compile(".*([+-]\\d{4})$");
    /** Timezone Offset From UTC, {@code &ZZXX}. */
    private static final Pattern OFFSET = Pattern.compile("[+-]\\d{4}");
    private static final int DT_DATE_LENGTH = 8;

    /** A pair of date and time attributes, named as they are reported. */
    private record DateAndTime(int dateTag, int timeTag, String source) {
    }

    private static final List<DateAndTime> DATE_AND_TIME_SOURCES = List.of(
            new DateAndTime(Tag.AcquisitionDate, Tag.AcquisitionTime, "AcquisitionDate+AcquisitionTime"),
            new DateAndTime(Tag.ContentDate, Tag.ContentTime, "ContentDate+ContentTime"),
            new DateAndTime(Tag.SeriesDate, Tag.SeriesTime, "SeriesDate+SeriesTime"),
            new DateAndTime(Tag.StudyDate, Tag.StudyTime, "StudyDate+StudyTime"));

    private final ZoneId configuredZone;

    /** @param configuredZone the zone of local times in objects that state no offset */
    public AcquisitionTimes(ZoneId configuredZone) {
        this.configuredZone = configuredZone;
    }

    /** The acquisition moment of {@code d}, or empty when no source gives a usable date and time. */
    public Optional<AcquisitionMoment> of(Dataset d) {
        ZoneId zone = zoneOf(d);
        String dateTime = text(d, Tag.AcquisitionDateTime);
        LocalDateTime fromDateTime = dateTime != null && dateTime.length() > DT_DATE_LENGTH
                ? DicomDateTimes.parseDateTime(dateTime) : null;
        if (fromDateTime != null) {
            Matcher own = DT_OFFSET.matcher(dateTime);
            ZoneId dtZone = own.matches() ? offset(own.group(1)).map(ZoneId.class::cast).orElse(zone) : zone;
            return Optional.of(new AcquisitionMoment(fromDateTime.atZone(dtZone).toInstant(), "AcquisitionDateTime"));
        }
        for (DateAndTime source : DATE_AND_TIME_SOURCES) {
            LocalDate date = DicomDateTimes.parseDate(text(d, source.dateTag()));
            LocalTime time = DicomDateTimes.parseTime(text(d, source.timeTag()));
            if (date != null && time != null) {
                return Optional.of(new AcquisitionMoment(date.atTime(time).atZone(zone).toInstant(),
                        source.source()));
            }
        }
        return Optional.empty();
    }

    /** Timezone Offset From UTC when present and valid, else the configured zone. */
    ZoneId zoneOf(Dataset d) {
        String stated = text(d, Tag.TimezoneOffsetFromUTC);
        if (stated == null || !OFFSET.matcher(stated).matches()) {
            return configuredZone;
        }
        return offset(stated).map(ZoneId.class::cast).orElse(configuredZone);
    }

    private static Optional<ZoneOffset> offset(String hhmm) {
        try {
            int sign = hhmm.charAt(0) == '-' ? -1 : 1;
            int hours = Integer.parseInt(hhmm.substring(1, 3));
            int minutes = Integer.parseInt(hhmm.substring(3, 5));
            return Optional.of(ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static String text(Dataset d, int tag) {
        String value = d.getString(tag);
        return value == null || value.isBlank() ? null : value.trim();
    }
}
