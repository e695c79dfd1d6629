package org.hrnode.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hrnode.node.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a person sees from {@code ./hrnode ae} about each AE's handling of uncompressed images. */
class AeCommandTest {

    @TempDir
    Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int ae(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--data-dir", dir.resolve("data").toString()));
        return new AeCommand(Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(all);
    }

    @Test
    void eachAeSaysWhatBecomesOfItsUncompressedImagesCompressByDefault() {
        assertThat(ae("add", "CT01", "127.0.0.1", "104", "--institution-code", "510001", "--institution-name",
                "华西")).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(ae("add", "MR02", "127.0.0.1", "105", "--institution-code", "500001", "--institution-name",
                "重医附一院", "--uncompressed", "reject")).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("uncompressed images: compress")
                .contains("uncompressed images: reject");
        out.reset();

        assertThat(ae("list")).isZero();

        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.getFirst()).contains("UNCOMPRESSED");
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("CT01").contains(" compress "))
                .anySatisfy(l -> assertThat(l).startsWith("MR02").contains(" reject "));
    }

    @Test
    void anUnknownSettingIsRefusedSayingWhatIsAllowed() {
        int status = ae("add", "CT01", "127.0.0.1", "104", "--institution-code", "510001", "--institution-name",
                "华西", "--uncompressed", "sometimes");

        assertThat(status).isEqualTo(Main.EXIT_USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--uncompressed must be compress, accept or reject");
    }
}
