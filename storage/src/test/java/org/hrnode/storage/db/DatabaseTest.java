package org.hrnode.storage.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.hrnode.storage.index.IndexUnavailableException;
import org.hrnode.storage.testing.TestDatabase;
import org.junit.jupiter.api.Test;

class DatabaseTest {

    private static final String MIGRATIONS = "db/migration";
    private static final Pattern MIGRATION_FILE = Pattern.compile("V(\\d+)__.+\\.sql");

    @Test
    void migrationsAreAppliedOnceAndRerunHarmlessly() throws Exception {
        Database.migrate(TestDatabase.dataSource());

        assertThat(org.hrnode.storage.index.postgres.SchemaHistory.appliedVersions())
                .containsExactlyElementsOf(shippedMigrationVersions());
    }

    /** The versions of the migration scripts on the classpath, in order: every one must be applied, once. */
    private static List<String> shippedMigrationVersions() throws Exception {
        Path dir = Path.of(DatabaseTest.class.getClassLoader().getResource(MIGRATIONS).toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString())
                    .map(MIGRATION_FILE::matcher)
                    .filter(Matcher::matches)
                    .map(m -> m.group(1))
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
