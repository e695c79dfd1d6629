package org.hrnode.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hrnode.node.app.NodeStorage;
import org.hrnode.node.config.ConfigLoader;
import org.hrnode.node.config.NodeConfig;
import org.hrnode.storage.audit.AuditEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./hrnode audit verify|export} on a node's data directory, before and after tampering through SQL. */
class AuditCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int audit(String... args) {
        out.reset();
        List<String> all = new java.util.ArrayList<>(List.of(args));
        all.addAll(List.of("--data-dir", dir.resolve("data").toString()));
        return new AuditCommand(Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(all);
    }

    @Test
    void verifyPassesThenReportsTheTamperedRowAndExportWritesJsonLines() throws Exception {
        NodeConfig config = new ConfigLoader(Map.of()).load(List.of("--data-dir", dir.resolve("data").toString()));
        try (NodeStorage storage = NodeStorage.openAsOwner(config)) {
            for (int i = 1; i <= 3; i++) {
                storage.auditLog().append(List.of(new AuditEvent(Instant.parse("2026-05-0" + i + "T02:00:00Z"),
                        "dr.li", "viewer", "510000-RM", "ip:10.0.0." + i, "retrieve", "ok", "1.2.3." + i, "GET")));
            }
        }

        assertThat(audit("verify")).as(err.toString()).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("intact: 3 records verified");

        assertThat(audit("export", "--from", "2026-05-02", "--to", "2026-05-04")).isZero();
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(2);
        JsonNode first = new ObjectMapper().readTree(lines.get(0));
        assertThat(first.get("seq").asLong()).isEqualTo(2);
        assertThat(first.get("studyUid").asText()).isEqualTo("1.2.3.2");
        assertThat(first.get("sm3").asText()).hasSize(64);

        try (NodeStorage storage = NodeStorage.openAsOwner(config);
                Connection c = storage.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE audit_log DISABLE TRIGGER USER");
            s.execute("UPDATE audit_log SET actor = 'someone-else' WHERE seq = 2");
            s.execute("ALTER TABLE audit_log ENABLE TRIGGER USER");
        }

        assertThat(audit("verify")).isEqualTo(AuditCommand.EXIT_TAMPERED);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("AUDIT TRAIL TAMPERED: row 2");
    }
}
