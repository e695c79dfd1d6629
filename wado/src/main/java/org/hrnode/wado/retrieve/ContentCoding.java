package org.hrnode.wado.retrieve;

import java.util.Locale;

/** Reads Accept-Encoding (RFC 9110 §12.5.3) for the one coding WADO-RS metadata offers: gzip. */
final class ContentCoding {

    static final String GZIP = "gzip";

    private ContentCoding() {
    }

    /** Whether the client takes gzip: listed (or {@code *}) with a quality above zero. */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        boolean wildcard = false;
        for (String entry : acceptEncoding.split(",")) {
            String[] pieces = entry.split(";");
            String coding = pieces[0].trim().toLowerCase(Locale.ROOT);
            boolean refused = false;
            for (int i = 1; i < pieces.length; i++) {
                String p = pieces[i].trim().toLowerCase(Locale.ROOT);
                refused |= p.startsWith("q=") && isZero(p.substring(2).trim());
            }
            if (coding.equals(GZIP) || coding.equals("x-gzip")) {
                return !refused;
            }
            if (coding.equals("*")) {
                wildcard = !refused;
            }
        }
        return wildcard;
    }

    private static boolean isZero(String q) {
        try {
            return Double.parseDouble(q) == 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
