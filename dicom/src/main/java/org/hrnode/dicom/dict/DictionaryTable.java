package org.hrnode.dicom.dict;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one of the tab-separated tables that {@code generate_dictionary.py} writes next to this class.
 * The tables ship inside the jar, so a missing or malformed one is a build defect and fails loudly.
 */
final class DictionaryTable {

    private static final String COMMENT = "#";
    private static final String SEPARATOR = "\t";

    private DictionaryTable() {
    }

    /** The rows of {@code resource}, each split into exactly {@code columns} fields; comment lines skipped. */
    static List<String[]> read(String resource, int columns) {
        try (InputStream in = DictionaryTable.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("dictionary table " + resource + " is missing from the class path");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String[]> rows = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isEmpty() || line.startsWith(COMMENT)) {
                    continue;
                }
                String[] fields = line.split(SEPARATOR, -1);
                if (fields.length != columns) {
                    throw new IllegalStateException(resource + ": expected " + columns + " columns in '" + line + "'");
                }
                rows.add(fields);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read dictionary table " + resource, e);
        }
    }

    /** The retired column: "true" or "false", nothing else. */
    static boolean flag(String field) {
        return switch (field) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalStateException("not a retired flag: '" + field + "'");
        };
    }

    /** Empty fields (elements without keyword, UIDs without name) become null. */
    static String orNull(String field) {
        return field.isEmpty() ? null : field;
    }
}
