package org.hrnode.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.hrnode.node.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./hrnode run --production} and {@code HRNODE_MODE=production} refuse to start insecurely. */
class RunCommandSecurityTest {

    @TempDir
    Path dir;

    private String run(Map<String, String> env, String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> all = new java.util.ArrayList<>(List.of(args));
        all.addAll(List.of("--data-dir", dir.resolve("data").toString()));
        int status = new RunCommand(env, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(all);
        assertThat(status).isEqualTo(Main.EXIT_USAGE);
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void productionFlagWithoutTlsRefusesToStart() {
        assertThat(run(Map.of(), "--production")).contains("needs HTTPS");
    }

    @Test
    void productionFromTheEnvironmentWithoutTlsRefusesToStart() {
        assertThat(run(Map.of("HRNODE_MODE", "production"))).contains("needs HTTPS");
    }

    @Test
    void devModeOnANetworkAddressRefusesToStart() {
        assertThat(run(Map.of(), "--bind-address", "0.0.0.0")).contains("loopback");
    }
}
