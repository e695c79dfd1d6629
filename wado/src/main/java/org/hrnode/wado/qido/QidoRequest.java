package org.hrnode.wado.qido;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;
import org.hrnode.dicom.data.Tags;
import org.hrnode.dicom.data.VR;
import org.hrnode.dicom.dict.ElementDictionary;

/**
 * A QIDO-RS search as its URL asks it (PS3.18 §8.3.4, §10.6.1.2), checked but not yet run: the target resource and
 * the UIDs its path names, the matching keys, {@code includefield}, {@code limit}, {@code offset} and
 * {@code fuzzymatching}. Everything a client can get wrong is refused here, before the index is asked, with a message
 * naming the parameter: unknown parameters and attributes, sequence paths, malformed UIDs, control characters,
 * overlong values, and limits or offsets that are not non-negative 32-bit integers.
 *
 * <p>Values are split into DICOM value lists on '\' (PS3.18 §8.3.4.1), and for UIDs and code strings also on ',',
 * which neither can contain ({@code SOPInstanceUID=1.2,1.3}, {@code ModalitiesInStudy=CT,MR}). A matching key given
 * twice adds its values to the list.
 *
 * @param target        the resource searched
 * @param studyUid      the study its path names, or null
 * @param seriesUid     the series its path names, or null
 * @param matches       matching keys by tag, each with its values, in the order given
 * @param includeFields attributes to return beyond the defaults, in the order given
 * @param includeAll    {@code includefield=all}: every attribute the index can return
 * @param limit         matches asked for at most, 0 when not given
 * @param offset        matches to skip
 * @param fuzzy         {@code fuzzymatching=true}
 */
public record QidoRequest(QidoTarget target, String studyUid, String seriesUid, Map<Integer, List<String>> matches,
                          Set<Integer> includeFields, boolean includeAll, int limit, int offset, boolean fuzzy) {

    public static final String INCLUDE_FIELD = "includefield";
    public static final String LIMIT = "limit";
    public static final String OFFSET = "offset";
    public static final String FUZZY_MATCHING = "fuzzymatching";
    private static final String ALL = "all";

    /** PS3.5 §9.1: digits and dots, no leading zero in a component, at most 64 characters. */
    private static final Pattern UID = Pattern.compile("(0|[1-9][0-9]*)(\\.(0|[1-9][0-9]*))*");
    private static final int MAX_UID_LENGTH = 64;
    private static final Pattern HEX_TAG = Pattern.compile("[0-9A-Fa-f]{8}");
    /** Far above any DICOM value a search needs (LO is 64 characters, PN 64 per group); stops abuse early. */
    private static final int MAX_VALUE_LENGTH = 1024;
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    public QidoRequest {
        Objects.requireNonNull(target, "target");
        matches = Collections.unmodifiableMap(new LinkedHashMap<>(matches));
        includeFields = Collections.unmodifiableSet(new LinkedHashSet<>(includeFields));
    }

    /**
     * Reads a search from its path UIDs and its decoded query parameters.
     *
     * @throws InvalidQidoRequestException naming what is wrong
     */
    public static QidoRequest parse(QidoTarget target, String studyUid, String seriesUid,
                                    Map<String, List<String>> parameters) {
        if (target.studyInPath()) {
            checkUid("study in the path", studyUid);
        }
        if (target.seriesInPath()) {
            checkUid("series in the path", seriesUid);
        }
        Map<Integer, List<String>> matches = new LinkedHashMap<>();
        Set<Integer> includeFields = new LinkedHashSet<>();
        boolean includeAll = false;
        int limit = 0;
        int offset = 0;
        boolean fuzzy = false;
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            List<String> values = parameter.getValue();
            switch (name) {
                case INCLUDE_FIELD -> {
                    for (String value : values) {
                        for (String field : value.split(",", -1)) {
                            String trimmed = field.trim();
                            if (trimmed.equals(ALL)) {
                                includeAll = true;
                            } else {
                                includeFields.add(attribute(INCLUDE_FIELD + " '" + trimmed + "'", trimmed));
                            }
                        }
                    }
                }
                case LIMIT -> {
                    limit = nonNegativeInt(LIMIT, single(LIMIT, values));
                    if (limit == 0) {
                        throw new InvalidQidoRequestException("limit must be at least 1 (leave it out for the"
                                + " server's maximum)");
                    }
                }
                case OFFSET -> offset = nonNegativeInt(OFFSET, single(OFFSET, values));
                case FUZZY_MATCHING -> fuzzy = bool(FUZZY_MATCHING, single(FUZZY_MATCHING, values));
                default -> {
                    if (name.isEmpty()) {
                        continue;
                    }
                    int tag = attribute("query parameter '" + name + "'", name);
                    List<String> list = matches.computeIfAbsent(tag, t -> new ArrayList<>());
                    for (String value : values) {
                        list.addAll(valueList(tag, value));
                    }
                }
            }
        }
        return new QidoRequest(target, target.studyInPath() ? studyUid : null,
                target.seriesInPath() ? seriesUid : null, matches, includeFields, includeAll, limit, offset, fuzzy);
    }

    /** The tag an attribute ID names: a PS3.6 keyword or eight hexadecimal digits. */
    static int attribute(String where, String id) {
        if (id.indexOf('.') >= 0) {
            throw new InvalidQidoRequestException(where + ": attributes inside sequences cannot be searched or"
                    + " included; name a top-level attribute");
        }
        if (HEX_TAG.matcher(id).matches()) {
            int tag = Integer.parseUnsignedInt(id, 16);
            if (ElementDictionary.lookup(tag) == null) {
                throw new InvalidQidoRequestException(where + ": " + Tags.toString(tag)
                        + " is not an attribute of the DICOM dictionary");
            }
            return tag;
        }
        OptionalInt tag = ElementDictionary.tagOf(id);
        if (tag.isEmpty()) {
            throw new InvalidQidoRequestException(where + " is neither a DICOM attribute keyword (PatientName) nor"
                    + " a tag (00100010), nor one of includefield, limit, offset, fuzzymatching");
        }
        return tag.getAsInt();
    }

    private static List<String> valueList(int tag, String value) {
        String keyword = ElementDictionary.keywordOf(tag);
        if (value.length() > MAX_VALUE_LENGTH) {
            throw new InvalidQidoRequestException(keyword + ": value longer than " + MAX_VALUE_LENGTH
                    + " characters");
        }
        if (CONTROL.matcher(value).find()) {
            throw new InvalidQidoRequestException(keyword + ": value contains control characters");
        }
        VR vr = ElementDictionary.vrOf(tag);
        String separators = vr == VR.UI || vr == VR.CS ? "[\\\\,]" : "\\\\";
        List<String> values = new ArrayList<>();
        for (String v : value.split(separators, -1)) {
            String trimmed = vr == VR.PN ? v : v.trim();
            if (vr == VR.UI && !trimmed.isEmpty()) {
                checkUid(keyword, trimmed);
            }
            values.add(trimmed);
        }
        return values;
    }

    private static void checkUid(String what, String uid) {
        if (uid == null || uid.length() > MAX_UID_LENGTH || !UID.matcher(uid).matches()) {
            throw new InvalidQidoRequestException(what + ": '" + abbreviate(uid) + "' is not a UID (digits and"
                    + " dots, at most 64 characters; wild cards are not allowed in UIDs)");
        }
    }

    private static String single(String name, List<String> values) {
        if (values.size() != 1) {
            throw new InvalidQidoRequestException(name + " given " + values.size() + " times; give it once");
        }
        return values.getFirst().trim();
    }

    private static int nonNegativeInt(String name, String value) {
        try {
            int n = Integer.parseInt(value);
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidQidoRequestException(name + " '" + abbreviate(value) + "' must be a whole number from 0 to "
                + Integer.MAX_VALUE);
    }

    private static boolean bool(String name, String value) {
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidQidoRequestException(name + " '" + abbreviate(value)
                    + "' must be true or false");
        };
    }

    private static String abbreviate(String value) {
        if (value == null) {
            return "";
        }
        return value.length() <= MAX_UID_LENGTH ? value : value.substring(0, MAX_UID_LENGTH) + "...";
    }
}
