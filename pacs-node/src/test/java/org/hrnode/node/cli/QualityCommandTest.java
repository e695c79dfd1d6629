package org.hrnode.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hrnode.node.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a person sees from {@code ./hrnode quality} on a stopped node's data directory. */
class QualityCommandTest {

    private static final Clock MARCH_2025 = Clock.fixed(Instant.parse("2025-03-15T04:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String command, String... args) {
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--data-dir", dir.resolve("data").toString()));
        return "ae".equals(command) ? new AeCommand(Map.of(), o, e).run(all)
                : new QualityCommand(Map.of(), o, e, MARCH_2025).run(all);
    }

    @Test
    void printsTheReportOfARegisteredInstitutionAsATable() {
        assertThat(run("ae", "add", "CT01", "127.0.0.1", "104", "--institution-code", "510001",
                "--institution-name", "四川大学华西医院")).isZero();

        int status = run("quality", "--institution", "510001", "--from", "2025-03-01", "--to", "2025-03-15");

        String table = out.toString(StandardCharsets.UTF_8);
        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(table).contains("四川大学华西医院 (510001), 2025-03-01 to 2025-03-15 (Asia/Shanghai)")
                .contains("timeliness").contains("completeness").contains(">= 95%").contains("accuracy")
                .contains(">= 90%").contains("continuity").contains("lossless")
                .contains("0 of 0 reports with images").contains("report emergency-radiography");
    }

    @Test
    void theDefaultPeriodIsTheLastThirtyDays() {
        run("ae", "add", "CT01", "127.0.0.1", "104", "--institution-code", "510001", "--institution-name", "华西");

        run("quality", "--institution", "510001");

        // 2025-03-15 12:00 Beijing time: 30 days back is 2025-02-14
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("2025-02-14 to 2025-03-15");
    }

    @Test
    void wrongUsageExits64AndAnUnknownInstitution1() {
        assertThat(run("quality")).isEqualTo(Main.EXIT_USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--institution is required").contains("usage:");
        assertThat(run("quality", "--institution", "510001", "--from", "1.3.2025")).isEqualTo(Main.EXIT_USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("is not a date in the form YYYY-MM-DD");

        assertThat(run("quality", "--institution", "999999")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no institution with code '999999'");
    }
}
