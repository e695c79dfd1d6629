package org.hrnode.wado.retrieve;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One entry of an HTTP Accept header (RFC 9110 §12.5.1) with its parameters, as DICOMweb uses them: {@code type}
 * (the part type of multipart/related) and {@code transfer-syntax}. Parsed here rather than with Jakarta REST's
 * {@code MediaType} because that parser drops the order of entries of equal quality and rejects some spellings
 * real DICOMweb clients send (unquoted {@code type=application/dicom} inside a list).
 *
 * @param params parameter names in lower case, values unquoted, {@code q} excluded
 */
record MediaRange(String type, String subtype, Map<String, String> params, double quality) {

    static final String TRANSFER_SYNTAX = "transfer-syntax";
    static final String TYPE = "type";
    private static final String WILDCARD = "*";

    /** The entries of {@code header}, most preferred first (by quality; header order among equals). */
    static List<MediaRange> parseAccept(String header) {
        List<MediaRange> ranges = new ArrayList<>();
        if (header == null || header.isBlank()) {
            ranges.add(new MediaRange(WILDCARD, WILDCARD, Map.of(), 1.0));
            return ranges;
        }
        for (String entry : split(header, ',')) {
            if (!entry.isBlank()) {
                ranges.add(parse(entry));
            }
        }
        ranges.removeIf(r -> r.quality() <= 0);
        ranges.sort(Comparator.comparingDouble(MediaRange::quality).reversed());
        return ranges;
    }

    private static MediaRange parse(String entry) {
        List<String> pieces = split(entry, ';');
        String full = pieces.getFirst().trim().toLowerCase(Locale.ROOT);
        int slash = full.indexOf('/');
        if (slash <= 0 || slash == full.length() - 1) {
            throw WadoErrors.badRequest("Accept entry '" + shorten(entry) + "' is not a media type (type/subtype)");
        }
        Map<String, String> params = new LinkedHashMap<>();
        double q = 1.0;
        for (String piece : pieces.subList(1, pieces.size())) {
            int eq = piece.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String name = piece.substring(0, eq).trim().toLowerCase(Locale.ROOT);
            String value = unquote(piece.substring(eq + 1).trim());
            if (name.equals("q")) {
                q = parseQuality(value, entry);
            } else {
                params.put(name, value);
            }
        }
        return new MediaRange(full.substring(0, slash), full.substring(slash + 1), Map.copyOf(params), q);
    }

    /** Whether this range admits {@code type/subtype} (wildcards in the range count). */
    boolean admits(String wantedType, String wantedSubtype) {
        return (type.equals(WILDCARD) || type.equals(wantedType))
                && (subtype.equals(WILDCARD) || subtype.equals(wantedSubtype));
    }

    boolean isWildcard() {
        return type.equals(WILDCARD) || subtype.equals(WILDCARD);
    }

    /** The parameter, or null. */
    String param(String name) {
        return params.get(name);
    }

    private static double parseQuality(String value, String entry) {
        try {
            double q = Double.parseDouble(value);
            if (q < 0 || q > 1 || Double.isNaN(q)) {
                throw new NumberFormatException();
            }
            return q;
        } catch (NumberFormatException e) {
            throw WadoErrors.badRequest("Accept entry '" + shorten(entry) + "' has q=" + shorten(value)
                    + ", which is not a number from 0 to 1");
        }
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            return value.substring(1, value.length() - 1).replace("\\\"", "\"");
        }
        return value;
    }

    /** Splits at {@code separator} outside double quotes. */
    private static List<String> split(String text, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == separator && !quoted) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString());
        return parts;
    }

    private static String shorten(String text) {
        String t = text.strip();
        return t.length() <= 80 ? t : t.substring(0, 80) + "…";
    }
}
