package org.hrnode.aiqc.catalog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The words of the catalogue matcher, loaded from {@code catalog-vocabulary.tsv} (the file documents its rows): body
 * regions, sides, views, posture, contrast, population, modality words, exclusions, character variants and how
 * near regions are to each other.
 *
 * <p>{@link #scan} finds the terms in a text: after {@link #normalise} it takes, at each position, the longest term
 * that starts there (so 颈胸段 wins over 颈 and 胸, and WITHOUT CONTRAST over CONTRAST); a term made of ASCII letters
 * or digits must stand as a whole word there, so CT does not match inside CTA. English words of five letters or
 * more that match nothing get one chance at a term one edit away (SHOULDR, LUMBER). Hand-written rather than a
 * full-text library because the rules are few, must be deterministic, and must be explained term by term.
 *
 * <p>Immutable and thread-safe.
 */
public final class Vocabulary {

    /** What a term says. */
    public enum Kind {
        REGION, SIDE, VIEW, POSTURE, CONTRAST, POPULATION, MODALITY, EXCLUDE, NEUTRAL
    }

    /** A term of the vocabulary: its normalised text and the keys it stands for (one, or several for 正侧位). */
    public record Term(String text, Kind kind, List<String> keys) {
    }

    /**
     * A term found in a text.
     *
     * @param fuzzy whether the text held the term with one typing slip
     * @param found the text as it appeared (normalised)
     */
    public record Hit(Kind kind, List<String> keys, String found, boolean fuzzy) {

        public String key() {
            return keys.getFirst();
        }
    }

    public static final String RESOURCE = "catalog-vocabulary.tsv";
    private static final int FUZZY_MIN_LENGTH = 5;

    private final Map<String, Region> regions = new LinkedHashMap<>();
    private final Map<String, Double> related = new HashMap<>();
    private final List<String[]> charVariants = new ArrayList<>();
    private final Map<Character, List<Term>> termsByFirstChar = new HashMap<>();
    private final List<Term> fuzzyCandidates = new ArrayList<>();

    private Vocabulary() {
    }

    /** The vocabulary shipped with the matcher. */
    public static Vocabulary standard() {
        try (InputStream in = Vocabulary.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing from the class path");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    static Vocabulary parse(BufferedReader reader) throws IOException {
        Vocabulary v = new Vocabulary();
        List<String[]> termRows = new ArrayList<>();
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            String where = RESOURCE + " line " + number + ": ";
            switch (f[0]) {
                case "char" -> {
                    require(f.length == 3, where + "char FROM TO");
                    v.charVariants.add(new String[] {f[1], f[2]});
                }
                case "region" -> {
                    require(f.length == 6, where + "region KEY paired zh en terms");
                    v.regions.put(f[1], new Region(f[1], f[3], f[4], "yes".equals(f[2])));
                    termRows.add(new String[] {"REGION", f[1], f[5]});
                }
                case "related" -> {
                    require(f.length == 4, where + "related A B weight");
                    v.related.put(f[1] + "~" + f[2], Double.parseDouble(f[3]));
                    v.related.put(f[2] + "~" + f[1], Double.parseDouble(f[3]));
                }
                default -> {
                    require(f.length == 3, where + "KIND KEYS terms");
                    termRows.add(new String[] {f[0].toUpperCase(Locale.ROOT), f[1], f[2]});
                }
            }
        }
        // longest variants first, so 膝关结 is replaced before a single character inside it
        v.charVariants.sort(Comparator.comparingInt((String[] c) -> -c[0].length()));
        for (String[] row : termRows) {
            Kind kind = Kind.valueOf(row[0]);
            List<String> keys = List.of(row[1].split("\\+"));
            for (String raw : row[2].split("\\|")) {
                String text = v.normalise(raw);
                if (text.isEmpty()) {
                    continue;
                }
                Term term = new Term(text, kind, keys);
                v.termsByFirstChar.computeIfAbsent(text.charAt(0), c -> new ArrayList<>()).add(term);
                if (kind != Kind.NEUTRAL && kind != Kind.SIDE && kind != Kind.EXCLUDE
                        && text.length() >= FUZZY_MIN_LENGTH && text.chars().allMatch(Vocabulary::isAsciiLetter)) {
                    v.fuzzyCandidates.add(term);
                }
            }
        }
        for (List<Term> terms : v.termsByFirstChar.values()) {
            terms.sort(Comparator.comparingInt((Term t) -> -t.text().length()));
        }
        return v;
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException("malformed vocabulary, expected " + message);
        }
    }

    /**
     * The form texts are matched in: Unicode NFKC (full-width letters and brackets become ASCII), the character
     * variants of the vocabulary replaced, upper case, every character that is not a letter or digit turned into a
     * space except '+', which stays a word of its own (T1+C, 平扫+增强), and runs of spaces collapsed.
     */
    public String normalise(String text) {
        if (text == null) {
            return "";
        }
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC);
        for (String[] c : charVariants) {
            s = s.replace(c[0], c[1]);
        }
        s = s.toUpperCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '+') {
                out.append(" + ");
            } else if (Character.isLetterOrDigit(c)) {
                out.append(c);
            } else {
                out.append(' ');
            }
        }
        return out.toString().replaceAll(" {2,}", " ").strip();
    }

    /** The terms in {@code text}, in order; see the class description. */
    public List<Hit> scan(String text) {
        String s = normalise(text);
        List<Hit> hits = new ArrayList<>();
        boolean[] covered = new boolean[s.length()];
        int i = 0;
        while (i < s.length()) {
            List<Term> terms = longestAt(s, i);
            if (terms.isEmpty()) {
                i++;
                continue;
            }
            int end = i + terms.getFirst().text().length();
            Arrays.fill(covered, i, end, true);
            for (Term term : terms) {
                if (term.kind() != Kind.NEUTRAL) {
                    hits.add(new Hit(term.kind(), term.keys(), term.text(), false));
                }
            }
            i = end;
        }
        addFuzzyHits(s, covered, hits);
        return hits;
    }

    /** The longest term at {@code i}, with every other term of the same text (KUB is a region and a posture). */
    private List<Term> longestAt(String s, int i) {
        List<Term> candidates = termsByFirstChar.get(s.charAt(i));
        if (candidates == null) {
            return List.of();
        }
        List<Term> found = new ArrayList<>();
        for (Term t : candidates) {
            String text = t.text();
            if (!found.isEmpty()) {
                if (text.length() < found.getFirst().text().length()) {
                    break;
                }
                if (text.equals(found.getFirst().text())) {
                    found.add(t);
                }
            } else if (s.startsWith(text, i) && wordBoundaries(s, i, i + text.length())) {
                found.add(t);
            }
        }
        return found;
    }

    /** A term that starts (ends) with an ASCII letter or digit must not continue a word before (after) it. */
    private static boolean wordBoundaries(String s, int start, int end) {
        if (isAsciiAlnum(s.charAt(start)) && start > 0 && isAsciiAlnum(s.charAt(start - 1))) {
            return false;
        }
        return !(isAsciiAlnum(s.charAt(end - 1)) && end < s.length() && isAsciiAlnum(s.charAt(end)));
    }

    private void addFuzzyHits(String s, boolean[] covered, List<Hit> hits) {
        int i = 0;
        while (i < s.length()) {
            if (!isAsciiLetter(s.charAt(i))) {
                i++;
                continue;
            }
            int end = i;
            boolean untouched = true;
            while (end < s.length() && isAsciiAlnum(s.charAt(end))) {
                untouched &= !covered[end];
                end++;
            }
            String word = s.substring(i, end);
            if (untouched && word.length() >= FUZZY_MIN_LENGTH) {
                for (Term t : fuzzyCandidates) {
                    if (withinOneEdit(word, t.text())) {
                        hits.add(new Hit(t.kind(), t.keys(), word, true));
                        break;
                    }
                }
            }
            i = end;
        }
    }

    /** Optimal string alignment distance of at most one: one substitution, insertion, deletion or transposition. */
    static boolean withinOneEdit(String a, String b) {
        if (a.equals(b) || Math.abs(a.length() - b.length()) > 1) {
            return false;
        }
        int p = 0;
        while (p < a.length() && p < b.length() && a.charAt(p) == b.charAt(p)) {
            p++;
        }
        if (a.length() == b.length()) {
            if (a.substring(p + 1).equals(b.substring(p + 1))) {
                return true;
            }
            return p + 1 < a.length() && a.charAt(p) == b.charAt(p + 1) && a.charAt(p + 1) == b.charAt(p)
                    && a.substring(p + 2).equals(b.substring(p + 2));
        }
        return a.length() > b.length() ? a.substring(p + 1).equals(b.substring(p))
                : b.substring(p + 1).equals(a.substring(p));
    }

    private static boolean isAsciiAlnum(char c) {
        return c < 128 && Character.isLetterOrDigit(c);
    }

    private static boolean isAsciiLetter(int c) {
        return c < 128 && Character.isLetter(c);
    }

    public Region region(String key) {
        Region r = regions.get(key);
        if (r == null) {
            throw new IllegalArgumentException("no region " + key + " in the vocabulary");
        }
        return r;
    }

    /** 1 for the same region, the {@code related} weight for neighbours, else 0. */
    public double similarity(Region study, Region item) {
        Objects.requireNonNull(study, "study");
        if (study.equals(item)) {
            return 1;
        }
        return related.getOrDefault(study.key() + "~" + item.key(), 0.0);
    }
}
