package org.hrnode.node.reports;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One record of the Xinjiang interface spec (an {@code <item>}'s attributes, or a JSON object) with the spec's field
 * names, read field by field with errors that name the field. Names match case-insensitively: the spec's own sample
 * writes {@code Id_Type_Code} where its table says {@code id_type_code}. Blank values count as absent.
 */
public final class SpecRecord {

    // the spec's "YYYY-MM-DD hh24:mi:ss"; ISO 'T' accepted too, seconds optional
    private static final DateTimeFormatter SPEC_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd[ ]['T']HH:mm[:ss]");
    private static final int MAX_TEXT = 4000;

    private final String name;
    private final Map<String, String> values = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

    /** @param name how errors name the record, e.g. {@code exammaster} or {@code exam_subitem[2]} */
    public SpecRecord(String name, Map<String, String> fields) {
        this.name = Objects.requireNonNull(name, "name");
        fields.forEach((k, v) -> {
            if (v != null && !v.isBlank()) {
                values.put(k, v.strip());
            }
        });
    }

    public String name() {
        return name;
    }

    private String field(String field) {
        return name + "." + field;
    }

    /** The value, or null when absent; longer than the spec's largest column is refused. */
    public String optional(String field) {
        String v = values.get(field);
        if (v != null && v.length() > MAX_TEXT) {
            throw new InvalidField(field(field), "longer than " + MAX_TEXT + " characters");
        }
        return v;
    }

    /** The value without the length limit, for bulk fields such as the Base64 PDF; null when absent. */
    public String optionalUnbounded(String field) {
        return values.get(field);
    }

    public String required(String field) {
        String v = optional(field);
        if (v == null) {
            throw new InvalidField(field(field), "is required");
        }
        return v;
    }

    /** A time in the spec's form {@code YYYY-MM-DD hh24:mi:ss}, or null when absent. */
    public LocalDateTime time(String field) {
        String v = optional(field);
        if (v == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(v, SPEC_TIME);
        } catch (DateTimeParseException e) {
            throw new InvalidField(field(field), "'" + v + "' is not a time in the form YYYY-MM-DD hh:mm:ss");
        }
    }

    public LocalDateTime requiredTime(String field) {
        required(field);
        return time(field);
    }

    /** A flag coded with two digits, e.g. 1/0; null when absent. */
    public Boolean flag(String field, String trueCode, String falseCode) {
        String v = optional(field);
        if (v == null) {
            return null;
        }
        if (v.equals(trueCode)) {
            return true;
        }
        if (v.equals(falseCode)) {
            return false;
        }
        throw new InvalidField(field(field), "'" + v + "' is neither " + trueCode + " nor " + falseCode);
    }

    /** An integer in {@code [min, max]}, or null when absent. */
    public Integer integer(String field, int min, int max) {
        String v = optional(field);
        if (v == null) {
            return null;
        }
        try {
            int n = Integer.parseInt(v);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidField(field(field), "'" + v + "' is not a whole number from " + min + " to " + max);
    }

    /** The value upper-cased for dictionary codes. */
    public String code(String field) {
        String v = optional(field);
        return v == null ? null : v.toUpperCase(Locale.ROOT);
    }

    /** Field names only: values may be patient identifiers. */
    @Override
    public String toString() {
        return name + values.keySet();
    }
}
