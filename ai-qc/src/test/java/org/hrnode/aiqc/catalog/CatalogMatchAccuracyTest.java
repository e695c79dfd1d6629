package org.hrnode.aiqc.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the whole hand-written test set ({@code catalog-match-cases.tsv}) and holds the matcher to its measured
 * accuracy: every one of the 141 items is covered, and each is matched exactly in most of its cases. The report it
 * prints is what docs/QC.md quotes.
 */
class CatalogMatchAccuracyTest {

    private static final CatalogMatcher MATCHER = new CatalogMatcher(Catalog.standard());
    private static List<MatchCase> cases;
    private static final List<String> failures = new ArrayList<>();
    private static int top1;
    private static int exact;
    private static int negatives;
    private static int negativesRight;
    private static final Map<Integer, int[]> perItem = new TreeMap<>();

    @BeforeAll
    static void runAll() throws IOException {
        cases = MatchCase.all();
        for (MatchCase c : cases) {
            CatalogMatch m = MATCHER.match(c.instances());
            Set<Integer> got = new TreeSet<>(m.numbers());
            boolean first = c.expected().isEmpty() ? got.isEmpty()
                    : !m.numbers().isEmpty() && c.expected().contains(m.numbers().getFirst());
            boolean same = got.equals(c.expected());
            top1 += first ? 1 : 0;
            exact += same ? 1 : 0;
            if (c.expected().isEmpty()) {
                negatives++;
                negativesRight += same ? 1 : 0;
            }
            for (int no : c.expected()) {
                int[] counts = perItem.computeIfAbsent(no, k -> new int[2]);
                counts[0]++;
                counts[1] += got.contains(no) && same ? 1 : 0;
            }
            if (!same) {
                failures.add(c.describe() + "\n    expected " + c.expected() + ", got " + m.numbers() + ": "
                        + m.explanation());
            }
        }
        System.out.printf("catalogue matching: %d cases (%d negative), top-1 %.1f%%, exact set %.1f%%, negatives"
                        + " %d/%d%n", cases.size(), negatives, 100.0 * top1 / cases.size(),
                100.0 * exact / cases.size(), negativesRight, negatives);
        failures.forEach(f -> System.out.println("  MISS " + f));
    }

    @Test
    void theSetCoversEveryItemInChineseAndEnglishWithNegatives() {
        assertThat(cases.size()).isGreaterThanOrEqualTo(150);
        assertThat(perItem.keySet()).containsAll(range(1, 141));
        assertThat(negatives).isGreaterThanOrEqualTo(15);
        long english = cases.stream().filter(c -> c.cells()[3].matches(".*[A-Za-z]{4,}.*")).count();
        long chinese = cases.stream().filter(c -> c.cells()[3].codePoints().anyMatch(cp -> cp >= 0x4E00)).count();
        assertThat(english).isGreaterThanOrEqualTo(120);
        assertThat(chinese).isGreaterThanOrEqualTo(150);
    }

    @Test
    void topOneAccuracyHoldsOverTheWholeSet() {
        assertThat(100.0 * top1 / cases.size()).as("top-1 accuracy, misses:\n%s", String.join("\n", failures))
                .isGreaterThanOrEqualTo(97.0);
        assertThat(100.0 * exact / cases.size()).as("exact-set accuracy").isGreaterThanOrEqualTo(95.0);
    }

    @Test
    void everyItemIsMatchedInMostOfItsCases() {
        List<String> weak = new ArrayList<>();
        perItem.forEach((no, counts) -> {
            if (counts[1] * 2 < counts[0] + 1) {
                weak.add("#" + no + " " + counts[1] + "/" + counts[0]);
            }
        });
        assertThat(weak).as("items matched in fewer than half their cases").isEmpty();
    }

    @Test
    void examsOutsideTheCatalogueMatchNothing() {
        assertThat(negativesRight).as("negatives right of %d", negatives).isGreaterThanOrEqualTo(negatives - 1);
    }

    private static Set<Integer> range(int from, int to) {
        Set<Integer> s = new TreeSet<>();
        for (int i = from; i <= to; i++) {
            s.add(i);
        }
        return s;
    }
}
