package org.hrnode.wado.stow;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The Content-Type of a STOW-RS request, checked: {@code multipart/related}, a {@code type} parameter of
 * {@code application/dicom} (assumed when absent, as most servers do) and a boundary, quoted or not.
 *
 * <p>Parsed here rather than by the Jakarta REST {@code MediaType} so that each defect gets its own reason and the
 * right status: another media type is 415, a missing or unusable boundary is 400.
 *
 * @param boundary the boundary parameter, unquoted
 */
public record StowContentType(String boundary) {

    static final String MULTIPART_RELATED = "multipart/related";
    static final String APPLICATION_DICOM = "application/dicom";

    /** Why a Content-Type cannot be used, and the HTTP status that says so. */
    public static final class Rejected extends Exception {
        private final int status;

        Rejected(int status, String message) {
            super(message);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    public static StowContentType parse(String header) throws Rejected {
        if (header == null || header.isBlank()) {
            throw new Rejected(415, "no Content-Type: STOW-RS takes multipart/related; type=\"application/dicom\"");
        }
        String[] typeAndParams = splitFirst(header, ';');
        String mediaType = typeAndParams[0].strip().toLowerCase(Locale.ROOT);
        if (!mediaType.equals(MULTIPART_RELATED)) {
            throw new Rejected(415, "Content-Type " + mediaType + " is not supported: STOW-RS takes "
                    + "multipart/related; type=\"application/dicom\"");
        }
        Map<String, String> params = parameters(typeAndParams[1]);
        String type = params.get("type");
        if (type != null && !type.strip().toLowerCase(Locale.ROOT).equals(APPLICATION_DICOM)) {
            throw new Rejected(415, "multipart/related type \"" + type + "\" is not supported: only "
                    + "application/dicom parts (Part 10 objects) are; metadata with bulk data is not");
        }
        String boundary = params.get("boundary");
        if (boundary == null || boundary.isEmpty()) {
            throw new Rejected(400, "the Content-Type has no boundary parameter");
        }
        if (boundary.length() > MultipartRelatedReader.MAX_BOUNDARY_LENGTH || boundary.endsWith(" ")
                || !boundary.chars().allMatch(c -> c >= 0x20 && c < 0x7F)) {
            throw new Rejected(400, "the boundary must be 1-" + MultipartRelatedReader.MAX_BOUNDARY_LENGTH
                    + " printable ASCII characters not ending in a space (RFC 2046 says at most 70)");
        }
        return new StowContentType(boundary);
    }

    /** {@code name=value} pairs after the media type; values may be quoted strings with backslash escapes. */
    private static Map<String, String> parameters(String s) throws Rejected {
        Map<String, String> params = new HashMap<>();
        int i = 0;
        while (i < s.length()) {
            while (i < s.length() && (s.charAt(i) == ';' || Character.isWhitespace(s.charAt(i)))) {
                i++;
            }
            int eq = s.indexOf('=', i);
            if (i >= s.length()) {
                break;
            }
            if (eq < 0) {
                throw new Rejected(400, "Content-Type parameter '" + s.substring(i).strip() + "' has no value");
            }
            String name = s.substring(i, eq).strip().toLowerCase(Locale.ROOT);
            i = eq + 1;
            StringBuilder value = new StringBuilder();
            boolean quoted = i < s.length() && s.charAt(i) == '"';
            if (quoted) {
                i++;
                while (i < s.length() && s.charAt(i) != '"') {
                    if (s.charAt(i) == '\\' && i + 1 < s.length()) {
                        i++;
                    }
                    value.append(s.charAt(i++));
                }
                if (i >= s.length()) {
                    throw new Rejected(400, "Content-Type parameter " + name + " has an unterminated quoted value");
                }
                i++;
            } else {
                while (i < s.length() && s.charAt(i) != ';') {
                    value.append(s.charAt(i++));
                }
            }
            // a quoted value is taken verbatim: a quoted boundary may hold spaces
            params.put(name, quoted ? value.toString() : value.toString().strip());
        }
        return params;
    }

    private static String[] splitFirst(String s, char c) {
        int at = s.indexOf(c);
        return at < 0 ? new String[] {s, ""} : new String[] {s.substring(0, at), s.substring(at + 1)};
    }
}
