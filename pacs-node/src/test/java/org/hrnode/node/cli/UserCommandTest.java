package org.hrnode.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.hrnode.node.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./hrnode user} against a real (embedded) database, the node stopped. */
class UserCommandTest {

    @TempDir
    Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Deque<String> stdin = new ArrayDeque<>();

    private int user(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--data-dir", dir.resolve("data").toString()));
        return new UserCommand(Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), stdin::poll).run(all);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void addListTotpPasswdRemove() {
        stdin.add("a-long-enough-password");
        assertThat(user("add", "rmyy-ct", "--roles", "uploader", "--institution", "510000-RM")).isZero();
        stdin.add("another-long-password");
        assertThat(user("add", "qc.wang", "--roles", "reviewer,viewer")).isZero();

        assertThat(user("totp", "qc.wang")).isZero();
        assertThat(out()).contains("otpauth://totp/HR%20Node%20HRNODE:qc.wang?secret=");
        assertThat(user("list")).isZero();
        assertThat(out()).containsPattern("qc\\.wang\\s+reviewer,viewer\\s+-\\s+enrolled")
                .containsPattern("rmyy-ct\\s+uploader\\s+510000-RM\\s+none").contains("2 accounts")
                .doesNotContain("argon2");

        stdin.add("a-new-long-password");
        assertThat(user("passwd", "rmyy-ct")).isZero();
        assertThat(user("remove", "rmyy-ct")).isZero();
        assertThat(user("remove", "rmyy-ct")).isEqualTo(1);
    }

    @Test
    void refusesWeakPasswordsUnknownRolesAndUploadersWithoutInstitution() {
        stdin.add("short");
        assertThat(user("add", "a", "--roles", "viewer")).isEqualTo(Main.EXIT_USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("at least 12");
        assertThat(user("add", "b", "--roles", "superuser")).isEqualTo(Main.EXIT_USAGE);
        assertThat(user("add", "c", "--roles", "uploader")).isEqualTo(Main.EXIT_USAGE);
        assertThat(user("add", "bad name!", "--roles", "viewer")).isEqualTo(Main.EXIT_USAGE);
        stdin.add("a-long-enough-password");
        assertThat(user("add", "d", "--roles", "viewer")).isZero();
        stdin.add("a-long-enough-password");
        assertThat(user("add", "d", "--roles", "viewer")).isNotZero();
    }
}
