package org.hrnode.storage.index.postgres;

import java.text.Normalizer;
import java.util.Locale;
import java.util.TreeSet;
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
    private static final Pattern NOT_IN_TERMS = Pattern.compile("[\\^\\s\u00b7\u30fb]+");

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

    /**
     * The fuzzy search terms of a person name's component groups (see V7__query_counters_and_fuzzy_names.sql): for
     * each non-empty group, the group {@link #compact compacted} and each of its components compacted; distinct,
     * sorted; null when there is none.
     */
    static String[] fuzzyTerms(String... groups) {
        TreeSet<String> terms = new TreeSet<>();
        for (String group : groups) {
            if (group == null || group.isEmpty()) {
                continue;
            }
            String folded = fold(group);
            terms.add(compact(folded));
            for (String component : folded.split("\\^", -1)) {
                terms.add(compact(component));
            }
        }
        terms.remove("");
        return terms.isEmpty() ? null : terms.toArray(String[]::new);
    }

    /**
     * {@code text} without component delimiters, white space and the middle dots that separate transliterated
     * foreign names in Chinese (U+00B7) and Japanese (U+30FB): how people type a name into a search box.
     */
    static String compact(String text) {
        return NOT_IN_TERMS.matcher(text).replaceAll("");
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
