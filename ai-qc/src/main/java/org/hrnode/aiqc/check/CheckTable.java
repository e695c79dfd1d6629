package org.hrnode.aiqc.check;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every check with its thresholds, as data. The defaults ship as {@code checks.tsv} beside this class (one line a
 * check: id, modalities, level, severity, points, parameters, zh, en); a site changes a threshold or a check's
 * points with {@link #withOverrides} ({@code X4.di.fail=2.5}, {@code C5.points=0}) rather than by editing code.
 * Tables are immutable; bad overrides fail fast with what the check does have.
 */
public final class CheckTable {

    private static final String DEFAULTS = "checks.tsv";
    private static final int COLUMNS = 8;

    private final Map<String, CheckDefinition> checks;

    private CheckTable(Map<String, CheckDefinition> checks) {
        this.checks = checks;
    }

    /** The shipped table. */
    public static CheckTable defaults() {
        try (InputStream in = CheckTable.class.getResourceAsStream(DEFAULTS)) {
            if (in == null) {
                throw new IllegalStateException(DEFAULTS + " is missing from the ai-qc jar");
            }
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A table in the {@code checks.tsv} format: tab-separated, {@code #} starts a comment line. */
    public static CheckTable parse(InputStream tsv) throws IOException {
        Map<String, CheckDefinition> checks = new LinkedHashMap<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(tsv, StandardCharsets.UTF_8));
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length != COLUMNS) {
                throw new IllegalArgumentException("check table line " + number + ": " + COLUMNS
                        + " tab-separated columns expected, got " + f.length);
            }
            try {
                CheckDefinition def = new CheckDefinition(f[0].strip(), modalities(f[1]),
                        Level.valueOf(f[2].strip().toUpperCase(Locale.ROOT)),
                        Severity.valueOf(f[3].strip().toUpperCase(Locale.ROOT)), Double.parseDouble(f[4].strip()),
                        params(f[5]), f[6].strip(), f[7].strip());
                if (checks.putIfAbsent(def.id(), def) != null) {
                    throw new IllegalArgumentException("duplicate check id " + def.id());
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("check table line " + number + ": " + e.getMessage(), e);
            }
        }
        return new CheckTable(checks);
    }

    /**
     * This table with some values changed. Keys are {@code ID.param} or {@code ID.points}; values are numbers.
     */
    public CheckTable withOverrides(Map<String, String> overrides) {
        Map<String, CheckDefinition> copy = new LinkedHashMap<>(checks);
        for (Map.Entry<String, String> e : new TreeMap<>(overrides).entrySet()) {
            String key = e.getKey().strip();
            int dot = key.indexOf('.');
            if (dot < 0) {
                throw new IllegalArgumentException("QC override " + key + " must be ID.parameter, e.g. X4.di.fail");
            }
            CheckDefinition def = require(key.substring(0, dot));
            double value;
            try {
                value = Double.parseDouble(e.getValue().strip());
            } catch (NumberFormatException nfe) {
                throw new IllegalArgumentException("QC override " + key + " must be a number, got " + e.getValue());
            }
            copy.put(def.id(), def.with(key.substring(dot + 1), value));
        }
        return new CheckTable(copy);
    }

    /** The check with this id; throws for an unknown one (code and table out of step). */
    public CheckDefinition require(String id) {
        CheckDefinition def = checks.get(id);
        if (def == null) {
            throw new IllegalArgumentException("unknown QC check " + id + "; known: " + checks.keySet());
        }
        return def;
    }

    public Collection<CheckDefinition> all() {
        return checks.values();
    }

    private static Set<ModalityFamily> modalities(String field) {
        Set<ModalityFamily> out = EnumSet.noneOf(ModalityFamily.class);
        for (String m : field.split(",")) {
            out.add(ModalityFamily.valueOf(m.strip().toUpperCase(Locale.ROOT)));
        }
        return out;
    }

    private static Map<String, Double> params(String field) {
        Map<String, Double> out = new TreeMap<>();
        if (field.isBlank() || field.strip().equals("-")) {
            return out;
        }
        for (String kv : Arrays.stream(field.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList()) {
            int eq = kv.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("parameter " + kv + " must be name=number");
            }
            out.put(kv.substring(0, eq).strip(), Double.parseDouble(kv.substring(eq + 1).strip()));
        }
        return out;
    }
}
