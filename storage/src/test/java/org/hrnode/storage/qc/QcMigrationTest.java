package org.hrnode.storage.qc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.hrnode.storage.db.DatabaseConfig;
import org.hrnode.storage.db.EmbeddedDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An archive upgraded to the QC pipeline (V10) judges the studies it already held: each gets its job. */
class QcMigrationTest {

    @TempDir
    Path dir;

    @Test
    void studiesStoredBeforeTheUpgradeGetOneDueJobEach() throws Exception {
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dir.resolve("pg"))) {
            DatabaseConfig c = db.config();
            Flyway.configure().dataSource(c.jdbcUrl(), c.user(), c.password()).locations("classpath:db/migration")
                    .target("6").load().migrate();
            try (Connection connection = DriverManager.getConnection(c.jdbcUrl(), c.user(), c.password());
                 Statement s = connection.createStatement()) {
                s.execute("INSERT INTO patients (patient_id) VALUES ('P1')");
                s.execute("INSERT INTO studies (patient_fk, study_instance_uid) VALUES (1, '1.1'), (1, '1.2')");
                s.execute("INSERT INTO series (study_fk, series_instance_uid) VALUES (1, '1.1.1'), (1, '1.1.2'),"
                        + " (2, '1.2.1')");
                String sha = "'" + "a".repeat(64) + "'";
                s.execute("INSERT INTO instances (series_fk, sop_instance_uid, sop_class_uid, transfer_syntax_uid,"
                        + " size_bytes, sha256, blob_key, arrived_at) VALUES"
                        + " (1, '1.1.1.1', '1.2.840.10008.5.1.4.1.1.2', '1.2.840.10008.1.2.1', 1, " + sha
                        + ", 'k1', '2025-03-01T01:00:00Z'),"
                        + " (2, '1.1.2.1', '1.2.840.10008.5.1.4.1.1.2', '1.2.840.10008.1.2.1', 1, " + sha
                        + ", 'k2', '2025-03-01T02:00:00Z'),"
                        + " (3, '1.2.1.1', '1.2.840.10008.5.1.4.1.1.2', '1.2.840.10008.1.2.1', 1, " + sha
                        + ", 'k3', '2025-03-02T00:00:00Z')");

                Flyway.configure().dataSource(c.jdbcUrl(), c.user(), c.password())
                        .locations("classpath:db/migration").load().migrate();

                try (ResultSet rs = s.executeQuery("SELECT study_fk, generation, evaluated_generation,"
                        + " last_instance_at = '2025-03-01T02:00:00Z'::timestamptz OR study_fk = 2"
                        + " FROM qc_jobs ORDER BY study_fk")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getLong(1)).isEqualTo(1);
                    assertThat(rs.getLong(2)).as("both instances of study 1.1").isEqualTo(2);
                    assertThat(rs.getLong(3)).isZero();
                    assertThat(rs.getBoolean(4)).as("last instance at the latest arrival").isTrue();
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getLong(2)).isEqualTo(1);
                    assertThat(rs.next()).isFalse();
                }
            }
        }
    }
}
