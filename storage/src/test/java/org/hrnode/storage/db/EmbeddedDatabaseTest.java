package org.hrnode.storage.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.hrnode.storage.ae.ApplicationEntity;
import org.hrnode.storage.ae.PostgresAeRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starts its own servers (it must restart one): the only test that does not use the shared TestDatabase. */
class EmbeddedDatabaseTest {

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
            assertThat(setting(db, "server_version")).startsWith("17.");

            assertThatThrownBy(() -> EmbeddedDatabase.start(data)).isInstanceOf(IOException.class)
                    .hasMessageContaining(server.dataDirectory().toString());
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
