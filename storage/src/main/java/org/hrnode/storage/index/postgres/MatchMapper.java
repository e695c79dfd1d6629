package org.hrnode.storage.index.postgres;

import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.VR;
import org.hrnode.dicom.dict.ElementDictionary;
import org.hrnode.dicom.dict.Tag;
import org.hrnode.dicom.json.DicomJsonException;
import org.hrnode.dicom.json.DicomJsonReader;
import org.hrnode.storage.index.query.DicomDateTimes;
import org.hrnode.storage.index.query.Query;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the {@link Dataset} of one match from a result row: Specific Character Set ISO_IR 192 (values are Java
 * strings; the writer encodes them as UTF-8, and the application may re-encode for a peer), the Query/Retrieve Level,
 * the selected columns as DICOM values, and every other return key empty (an empty sequence for SQ).
 *
 * <p>At IMAGE level, return keys the columns do not hold are read from the instance's stored DICOM JSON
 * ({@code instances.metadata}, selected only then, since parsing it costs far more than reading columns): text as
 * text, binary values as they are, bulk data (kept out of the metadata) and sequences left empty.
 */
final class MatchMapper {

    static final String UTF8_CHARACTER_SET = "ISO_IR 192";
    private static final Logger LOG = LoggerFactory.getLogger(MatchMapper.class);
    static final Set<Integer> QUERY_DESCRIPTION = Set.of(Tag.SpecificCharacterSet, Tag.QueryRetrieveLevel);
    /** Bulk data is not part of a match: a reference in the metadata reads as an empty value. */
    private static final DicomJsonReader METADATA_READER =
            new DicomJsonReader().withBulkDataResolver((path, vr, uri) -> new byte[0]);

    private final Query query;
    private final List<QueryColumn> selected;
    private final boolean metadataSelected;
    /** The return keys no column holds: what is read from the metadata, when it is selected. */
    private final Set<Integer> fromMetadata;

    MatchMapper(Query query, List<QueryColumn> selected, boolean metadataSelected) {
        this.query = query;
        this.selected = selected;
        this.metadataSelected = metadataSelected;
        Set<Integer> held = selected.stream().map(QueryColumn::tag).collect(Collectors.toSet());
        this.fromMetadata = query.returnKeys().stream().filter(tag -> !held.contains(tag))
                .collect(Collectors.toUnmodifiableSet());
    }

    Dataset map(ResultSet row) throws SQLException {
        Dataset match = new Dataset();
        match.setString(Tag.SpecificCharacterSet, VR.CS, UTF8_CHARACTER_SET);
        match.setString(Tag.QueryRetrieveLevel, VR.CS, query.level().code());
        for (int i = 0; i < selected.size(); i++) {
            put(match, selected.get(i), row, i + 1);
        }
        fillUnheld(match, metadataSelected ? metadata(row.getString(selected.size() + 1), fromMetadata) : null);
        return match;
    }

    private void fillUnheld(Dataset match, Dataset metadata) {
        for (int tag : query.returnKeys()) {
            if (QUERY_DESCRIPTION.contains(tag) || match.contains(tag)) {
                continue;
            }
            VR vr = query.returnKeyVr(tag);
            if (metadata != null && metadata.contains(tag) && metadata.vrOf(tag) != VR.SQ) {
                copy(metadata, tag, match);
            } else if (vr == VR.SQ) {
                match.newSequence(tag);
            } else {
                match.set(tag, vr, null);
            }
        }
    }

    /**
     * The stored DICOM JSON of an instance; null when there is none, or when it does not parse (the writer that
     * stored it and this reader disagree: a bug worth a warning, not a failed query).
     */
    private static Dataset metadata(String json, Set<Integer> tags) {
        if (json == null) {
            return null;
        }
        try {
            return METADATA_READER.read(MetadataSubset.of(json, tags));
        } catch (IOException | DicomJsonException e) {
            LOG.warn("event=query_metadata_unreadable reason=\"{}\"", e.getMessage());
            return null;
        }
    }

    /**
     * Text through its decoded strings (the metadata has its own character set, the match ISO_IR 192); binary values
     * as they are, both datasets being little endian (DICOM JSON is, and so is every match).
     */
    private static void copy(Dataset from, int tag, Dataset to) {
        VR vr = from.vrOf(tag);
        Object value = from.getValue(tag);
        if (vr.isCharacterString()) {
            String[] strings = from.getStrings(tag);
            to.set(tag, vr, strings == null || strings.length == 0 ? null : String.join("\\", strings));
        } else {
            to.set(tag, vr, value instanceof byte[] bytes ? bytes : null);
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
