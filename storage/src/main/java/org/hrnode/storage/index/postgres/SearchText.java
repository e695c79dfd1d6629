package org.hrnode.storage.index.postgres;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Text as the index compares it case- and accent-insensitively, and DICOM wild cards as SQL {@code LIKE} patterns.
 *
 * <p>Folding is done here, in Java, for both the stored value and the query, so matching does not depend on the
 * database's collation or on extensions such as {@code unaccent}: compatibility decomposition (NFKD, which also maps
 * full-width Latin letters, common in Chinese input, to ASCII), combining marks removed, lower case by Unicode rules.
 * Chinese characters are unchanged by it.
 */
final class SearchText {

    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
    private static final char ESCAPE = '\\';

    private SearchText() {
    }

    /** The folded form of {@code text}; null stays null. */
    static String fold(String text) {
        if (text == null) {
            return null;
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
        return COMBINING_MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
    }

    /** A {@code LIKE ... ESCAPE '\'} pattern matching {@code text} literally. */
    static String likeLiteral(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            appendLiteral(out, text.charAt(i));
        }
        return out.toString();
    }

    /**
     * A {@code LIKE ... ESCAPE '\'} pattern for a DICOM wild card value: '*' becomes '%', '?' becomes '_', and the
     * characters {@code LIKE} treats specially ('%', '_', '\') are escaped so they match only themselves.
     */
    static String likeFromWildcard(String pattern) {
        StringBuilder out = new StringBuilder(pattern.length() + 8);
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            switch (c) {
                case '*' -> out.append('%');
                case '?' -> out.append('_');
                default -> appendLiteral(out, c);
            }
        }
        return out.toString();
    }

    private static void appendLiteral(StringBuilder out, char c) {
        if (c == '%' || c == '_' || c == ESCAPE) {
            out.append(ESCAPE);
        }
        out.append(c);
    }
}
