package org.hrnode.storage.index.postgres;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.VR;
import org.hrnode.dicom.dict.ElementDictionary;
import org.hrnode.dicom.dict.Tag;
import org.hrnode.storage.index.query.DicomDateTimes;
import org.hrnode.storage.index.query.Query;

/**
 * Builds the {@link Dataset} of one match from a result row: Specific Character Set ISO_IR 192 (values are Java
 * strings; the writer encodes them as UTF-8, and the application may re-encode for a peer), the Query/Retrieve Level,
 * the selected columns as DICOM values, and every other return key empty (an empty sequence for SQ).
 *
 * <p>Return keys the columns do not hold are where IMAGE-level values from the stored DICOM JSON metadata will be
 * filled in once the JSON reader is available: {@link #fillUnheld} is that one place.
 */
final class MatchMapper {

    static final String UTF8_CHARACTER_SET = "ISO_IR 192";
    private static final Set<Integer> QUERY_DESCRIPTION = Set.of(Tag.SpecificCharacterSet, Tag.QueryRetrieveLevel);

    private final Query query;
    private final List<QueryColumn> selected;

    MatchMapper(Query query, List<QueryColumn> selected) {
        this.query = query;
        this.selected = selected;
    }

    Dataset map(ResultSet row) throws SQLException {
        Dataset match = new Dataset();
        match.setString(Tag.SpecificCharacterSet, VR.CS, UTF8_CHARACTER_SET);
        match.setString(Tag.QueryRetrieveLevel, VR.CS, query.level().code());
        for (int i = 0; i < selected.size(); i++) {
            put(match, selected.get(i), row, i + 1);
        }
        fillUnheld(match);
        return match;
    }

    private void fillUnheld(Dataset match) {
        for (int tag : query.returnKeys()) {
            if (QUERY_DESCRIPTION.contains(tag) || match.contains(tag)) {
                continue;
            }
            VR vr = query.returnKeyVr(tag);
            if (vr == VR.SQ) {
                match.newSequence(tag);
            } else {
                match.set(tag, vr, null);
            }
        }
    }

    private static void put(Dataset match, QueryColumn column, ResultSet row, int index) throws SQLException {
        int tag = column.tag();
        VR vr = ElementDictionary.vrOf(tag);
        String text = switch (column.kind()) {
            case TEXT, UID, PERSON_NAME, MODALITIES, UID_SET -> row.getString(index);
            case DATE -> format(row.getObject(index, LocalDate.class), DicomDateTimes::formatDate);
            case TIME -> format(row.getObject(index, LocalTime.class), DicomDateTimes::formatTime);
            case DATE_TIME -> format(row.getObject(index, LocalDateTime.class), DicomDateTimes::formatDateTime);
            case INTEGER, COUNT -> {
                long value = row.getLong(index);
                if (row.wasNull()) {
                    yield null;
                }
                if (vr.isCharacterString()) {
                    yield Long.toString(value);
                }
                match.setInts(tag, vr, value);
                yield null;
            }
        };
        if (text != null) {
            match.set(tag, vr, text);
        } else if (!match.contains(tag)) {
            match.set(tag, vr, null);
        }
    }

    private static <T> String format(T value, java.util.function.Function<T, String> formatter) {
        return value == null ? null : formatter.apply(value);
    }
}
