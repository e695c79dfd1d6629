package org.hrnode.aiqc.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CheckTableTest {

    @Test
    void everyShippedCheckExplainsItselfInChineseAndEnglish() {
        CheckTable table = CheckTable.defaults();
        assertThat(table.all()).extracting(CheckDefinition::id).contains("P0", "G1", "G2", "G3", "X1", "X4", "X5",
                "X6", "X7", "X8", "X10", "X11", "E1", "C1", "C1-ORDER", "C3", "C5", "C6", "C7", "C8", "C9", "C10",
                "C11", "M1", "M2", "M3", "M3-DISPLAY", "M4", "M5", "M6", "M7");
        for (CheckDefinition c : table.all()) {
            assertThat(c.zh()).as(c.id()).matches(".*\\p{IsHan}.*");
            assertThat(c.en()).as(c.id()).matches("[A-Z].*");
            assertThat(c.modalities()).as(c.id()).isNotEmpty();
        }
    }

    @Test
    void theSpecsVetoesAreVetoes() {
        CheckTable table = CheckTable.defaults();
        for (String veto : new String[] {"P0", "X1", "C1", "M1", "M3"}) {
            assertThat(table.require(veto).severity()).as(veto).isEqualTo(Severity.VETO);
        }
        assertThat(table.require("X8").severity()).isEqualTo(Severity.DEDUCTION);
    }

    @Test
    void overridesChangeThresholdsAndPointsAndLeaveTheDefaultsAlone() {
        CheckTable table = CheckTable.defaults().withOverrides(Map.of("X4.di.fail", "2.5", "C5.points", "0"));
        assertThat(table.require("X4").param("di.fail")).isEqualTo(2.5);
        assertThat(table.require("C5").points()).isZero();
        assertThat(CheckTable.defaults().require("X4").param("di.fail")).isEqualTo(3);
    }

    @Test
    void badOverridesFailWithWhatTheCheckHas() {
        CheckTable table = CheckTable.defaults();
        assertThatThrownBy(() -> table.withOverrides(Map.of("X4.di.failz", "2"))).hasMessageContaining("di.fail");
        assertThatThrownBy(() -> table.withOverrides(Map.of("Z9.x", "2"))).hasMessageContaining("unknown QC check");
        assertThatThrownBy(() -> table.withOverrides(Map.of("X4.di.fail", "lots"))).hasMessageContaining("number");
    }

    @Test
    void aMalformedTableSaysWhichLine() {
        String tsv = "# comment\nX4\tDR\timage\tdeduction\t10\tdi.warn=1\tzh\ten\nX5\tDR\timage\n";
        assertThatThrownBy(() -> CheckTable.parse(new ByteArrayInputStream(tsv.getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("line 3");
    }

    @Test
    void outcomesOfAValueAgainstWarnAndFailLimits() {
        assertThat(CheckResult.grade(0.5, 1, 3, true)).isEqualTo(Outcome.PASS);
        assertThat(CheckResult.grade(2, 1, 3, true)).isEqualTo(Outcome.WARN);
        assertThat(CheckResult.grade(4, 1, 3, true)).isEqualTo(Outcome.FAIL);
        assertThat(CheckResult.grade(5, 4, 2.5, false)).isEqualTo(Outcome.PASS);
        assertThat(CheckResult.grade(2, 4, 2.5, false)).isEqualTo(Outcome.FAIL);
        assertThat(CheckResult.grade(Double.NaN, 4, 2.5, false)).isEqualTo(Outcome.NOT_APPLICABLE);
    }
}
