package org.hrnode.storage.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.hrnode.storage.ae.ApplicationEntity;
import org.hrnode.storage.ae.PostgresAeRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starts its own servers (it must restart one): the only test that does not use the shared TestDatabase. */
class EmbeddedDatabaseTest {

    private static final Duration CHILD_START_WAIT = Duration.ofSeconds(120);
    private static final Duration CHILD_EXIT_WAIT = Duration.ofSeconds(30);

    @TempDir
    Path directory;

    @Test
    void dataSurvivesARestartOnTheSameDirectory() throws IOException {
        Path data = directory.resolve("pg");
        ApplicationEntity ct = new ApplicationEntity("CT01", "10.0.0.5", 104, "SCH001", "四川省人民医院", "三级甲等",
                true);
        try (EmbeddedDatabase server = EmbeddedDatabase.start(data); Database db = Database.open(server.config())) {
            new PostgresAeRegistry(new Transactor(db.dataSource())).put(ct);
        }

        try (EmbeddedDatabase server = EmbeddedDatabase.start(data); Database db = Database.open(server.config())) {
            assertThat(new PostgresAeRegistry(new Transactor(db.dataSource())).find("CT01")).contains(ct);
        }
    }

    @Test
    void listensOnLoopbackOnlyWithDurableCommitsAndRefusesASecondServer() throws Exception {
        Path data = directory.resolve("pg");
        try (EmbeddedDatabase server = EmbeddedDatabase.start(data); Database db = Database.open(server.config())) {
            assertThat(server.config().jdbcUrl()).startsWith("jdbc:postgresql://127.0.0.1:" + server.port() + "/");
            assertThat(setting(db, "listen_addresses")).isEqualTo("127.0.0.1");
            assertThat(setting(db, "synchronous_commit")).isEqualTo("on");
            assertThat(setting(db, "fsync")).isEqualTo("on");
            assertThat(setting(db, "server_version")).startsWith("17.");

            assertThatThrownBy(() -> EmbeddedDatabase.start(data)).isInstanceOf(IOException.class)
                    .hasMessageContaining(server.dataDirectory().toString());
        }
    }

    /**
     * Regression: a node killed with SIGKILL left its PostgreSQL running (zonky starts it detached), and the next
     * start on the directory failed after waiting a minute. Now the orphan is stopped and its committed data kept.
     */
    @Test
    void serverLeftRunningByAKilledJvmIsStoppedAndItsCommittedDataKept() throws Exception {
        Path data = directory.resolve("pg");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), EmbeddedDatabaseHolder.class.getName(), data.toString())
                .redirectErrorStream(true).start();
        long orphanPid;
        try {
            awaitLine(child, EmbeddedDatabaseHolder.READY);
            orphanPid = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
        } finally {
            child.destroyForcibly();
            child.waitFor(CHILD_EXIT_WAIT.toSeconds(), TimeUnit.SECONDS);
        }
        assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive)).as("server outlives its JVM")
                .contains(true);

        try (EmbeddedDatabase server = EmbeddedDatabase.start(data); Database db = Database.open(server.config())) {
            assertThat(new PostgresAeRegistry(new Transactor(db.dataSource())).find("KILLED01"))
                    .contains(EmbeddedDatabaseHolder.COMMITTED);
            assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive)).isNotEqualTo(Optional.of(true));
        }
    }

    /** Reads the child's output until {@code expected}, failing with what it said if it exits or stays silent. */
    private static void awaitLine(Process child, String expected) throws Exception {
        ExecutorService reader = Executors.newSingleThreadExecutor();
        StringBuffer said = new StringBuffer();
        Future<Boolean> found = reader.submit(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    said.append(line).append('\n');
                    if (line.equals(expected)) {
                        return true;
                    }
                }
                return false;
            }
        });
        try {
            assertThat(found.get(CHILD_START_WAIT.toSeconds(), TimeUnit.SECONDS)).as("child said:%n%s", said)
                    .isTrue();
        } finally {
            reader.shutdownNow();
        }
    }

    private static String setting(Database db, String name) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
