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

/** What a person does with {@code ./hrnode recognition}: set an institution's items, list them, remove them. */
class RecognitionCommandTest {

    /** 2025-03-01 in Beijing (the node's default zone) though still February in UTC. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-02-28T17:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int recognition(String... args) {
        out.reset();
        err.reset();
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--data-dir", dir.resolve("data").toString()));
        return new RecognitionCommand(Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), CLOCK).run(all);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void setListAndRemoveAnInstitutionsItems() {
        assertThat(recognition("set", "510000-A", "1", "2", "30")).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out()).contains("510000-A: recognised for 3 items from 2025-03-01");
        assertThat(recognition("set", "500000-B", "14", "--from", "2024-01-01", "--until", "2025-12-31")).isZero();

        assertThat(recognition("list")).isZero();
        List<String> lines = out().lines().toList();
        assertThat(lines.getFirst()).contains("INSTITUTION").contains("ITEM");
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("500000-B").contains("14")
                .contains("2024-01-01").contains("2025-12-31"));
        assertThat(lines).filteredOn(l -> l.startsWith("510000-A")).hasSize(3);
        assertThat(lines.getLast()).isEqualTo("4 entries");

        assertThat(recognition("set", "510000-A", "2")).isZero();
        assertThat(recognition("list", "510000-A")).isZero();
        assertThat(out()).contains("1 entry");

        assertThat(recognition("remove", "510000-A")).isZero();
        assertThat(recognition("remove", "510000-A")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("recognised for no item");
    }

    @Test
    void badItemsAndDatesAreRefusedSayingWhy() {
        assertThat(recognition("set", "510000-A", "142")).isEqualTo(Main.EXIT_USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("'142' is not a catalogue item number 1-141");
        assertThat(recognition("set", "510000-A", "1", "--from", "1 March")).isEqualTo(Main.EXIT_USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--from '1 March' is not a date");
        assertThat(recognition("set", "510000-A", "1", "--from", "2025-03-01", "--until", "2025-01-01"))
                .isEqualTo(Main.EXIT_USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("ends (2025-01-01) before it starts");
    }
}
