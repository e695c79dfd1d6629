package org.hrnode.storage.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.hrnode.storage.index.IndexUnavailableException;
import org.hrnode.storage.testing.TestDatabase;
import org.junit.jupiter.api.Test;

class DatabaseTest {

    @Test
    void migrationsAreAppliedOnceAndRerunHarmlessly() throws IOException, URISyntaxException {
        Database.migrate(TestDatabase.dataSource());

        assertThat(org.hrnode.storage.index.postgres.SchemaHistory.appliedVersions())
                .containsExactlyElementsOf(migrationVersions());
    }

    /** The versions of the migration scripts shipped (V1__…, V2__…), in order: every one must be applied. */
    private static List<String> migrationVersions() throws IOException, URISyntaxException {
        try (Stream<Path> scripts = Files.list(Path.of(Database.class.getResource("/db/migration").toURI()))) {
            return scripts.map(p -> p.getFileName().toString())
                    .filter(name -> name.startsWith("V") && name.contains("__"))
                    .map(name -> name.substring(1, name.indexOf("__")))
                    .sorted(Comparator.comparingInt(Integer::parseInt))
                    .toList();
        }
    }

    @Test
    void unreachableDatabaseFailsToOpenSayingWhere() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        DatabaseConfig config = new DatabaseConfig("jdbc:postgresql://127.0.0.1:" + closedPort + "/hrnode", "hrnode",
                "s3cret-password", 2);

        assertThatThrownBy(() -> Database.open(config)).isInstanceOf(IndexUnavailableException.class)
                .hasMessageContaining("127.0.0.1:" + closedPort).hasMessageNotContaining("s3cret-password");
    }

    @Test
    void environmentNamesTheExternalDatabase() {
        assertThat(DatabaseConfig.fromEnvironment(Map.of())).isEmpty();
        DatabaseConfig config = DatabaseConfig.fromEnvironment(Map.of(
                "HRNODE_DB_URL", "jdbc:postgresql://db.example:5432/hrnode",
                "HRNODE_DB_USER", "hrnode",
                "HRNODE_DB_PASSWORD", "s3cret",
                "HRNODE_DB_POOL_SIZE", "20")).orElseThrow();

        assertThat(config).isEqualTo(new DatabaseConfig("jdbc:postgresql://db.example:5432/hrnode", "hrnode",
                "s3cret", 20));
        assertThat(config.toString()).doesNotContain("s3cret").contains("****");
    }

    @Test
    void badEnvironmentNamesTheVariable() {
        assertThatThrownBy(() -> DatabaseConfig.fromEnvironment(Map.of("HRNODE_DB_URL", "jdbc:mysql://x/y",
                "HRNODE_DB_USER", "u"))).hasMessageContaining("HRNODE_DB_URL").hasMessageContaining("jdbc:mysql");
        assertThatThrownBy(() -> DatabaseConfig.fromEnvironment(Map.of("HRNODE_DB_URL", "jdbc:postgresql://x/y")))
                .hasMessageContaining("HRNODE_DB_USER");
        assertThatThrownBy(() -> DatabaseConfig.fromEnvironment(Map.of("HRNODE_DB_URL", "jdbc:postgresql://x/y",
                "HRNODE_DB_USER", "u", "HRNODE_DB_POOL_SIZE", "lots"))).hasMessageContaining("HRNODE_DB_POOL_SIZE");
        assertThatThrownBy(() -> DatabaseConfig.fromEnvironment(Map.of("HRNODE_DB_URL", "jdbc:postgresql://x/y",
                "HRNODE_DB_USER", "u", "HRNODE_DB_POOL_SIZE", "0"))).hasMessageContaining("pool size");
    }
}
