package org.hrnode.storage.index.postgres;

import java.sql.SQLException;
import java.util.Collections;
import org.hrnode.dicom.data.PersonName;

/**
 * The six columns a Person Name occupies: {@code <base>} (whole value), {@code <base>_alphabetic},
 * {@code <base>_ideographic}, {@code <base>_phonetic} (component groups, trailing empty components removed),
 * {@code <base>_search} (alphabetic group folded by {@link SearchText}) and {@code <base>_fuzzy} (the text[] of
 * {@link SearchText#fuzzyTerms}).
 */
final class PersonNameColumns {

    private static final String[] SUFFIXES = {"", "_alphabetic", "_ideographic", "_phonetic", "_search", "_fuzzy"};

    private PersonNameColumns() {
    }

    /** {@code base, base_alphabetic, ...} for an INSERT column list. */
    static String list(String base) {
        StringBuilder out = new StringBuilder();
        for (String suffix : SUFFIXES) {
            out.append(out.isEmpty() ? "" : ", ").append(base).append(suffix);
        }
        return out.toString();
    }

    /** One "?" per column, for the VALUES clause. */
    static String placeholders() {
        return String.join(", ", Collections.nCopies(SUFFIXES.length, "?"));
    }

    /**
     * ON CONFLICT assignments that replace the whole name when the arriving instance has one and keep the stored
     * name otherwise: the groups never mix two names.
     */
    static String keepUnlessGiven(String table, String base) {
        StringBuilder out = new StringBuilder();
        for (String suffix : SUFFIXES) {
            String column = base + suffix;
            out.append(out.isEmpty() ? "" : ",\n    ").append(column).append(" = CASE WHEN EXCLUDED.").append(base)
                    .append(" IS NULL THEN ").append(table).append('.').append(column).append(" ELSE EXCLUDED.")
                    .append(column).append(" END");
        }
        return out.toString();
    }

    static void bind(Binder binder, PersonName name) throws SQLException {
        if (name == null || name.isEmpty()) {
            for (int i = 0; i < SUFFIXES.length - 1; i++) {
                binder.text(null);
            }
            binder.textArray(null);
            return;
        }
        binder.text(name.toString())
                .text(emptyToNull(name.alphabetic()))
                .text(emptyToNull(name.ideographic()))
                .text(emptyToNull(name.phonetic()))
                .text(SearchText.fold(emptyToNull(name.alphabetic())))
                .textArray(SearchText.fuzzyTerms(name.alphabetic(), name.ideographic(), name.phonetic()));
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
