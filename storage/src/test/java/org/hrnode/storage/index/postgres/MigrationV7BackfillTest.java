package org.hrnode.storage.index.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.hrnode.storage.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * V7 on an index that already holds studies: the counters and SOP classes it backfills are what InstanceWriter would
 * have kept, and the fuzzy terms it computes in SQL are the ones {@link SearchText#fuzzyTerms} gives in Java.
 * Runs in a schema of its own, migrated to V6 first.
 */
class MigrationV7BackfillTest {

    /** Spelled out in the statements below too. */
    private static final String SCHEMA = "before_v7";

    @Test
    void backfillMatchesWhatTheWriterKeeps() throws Exception {
        DataSource dataSource = TestDatabase.dataSource();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        }
        flyway(dataSource).target("6").load().migrate();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("""
                    INSERT INTO before_v7.patients (patient_id, patient_name, patient_name_alphabetic,
                        patient_name_ideographic, patient_name_phonetic, patient_name_search)
                    VALUES ('P1', 'Wang^XiaoDong=王^小东=Wáng^Xiǎodōng', 'Wang^XiaoDong', '王^小东', 'Wáng^Xiǎodōng',
                        'wang^xiaodong'),
                           ('P2', 'Ｍüller^Jürgen Karl', 'Ｍüller^Jürgen Karl', NULL, NULL, 'muller^jurgen karl')""");
            s.execute("INSERT INTO before_v7.studies (patient_fk, study_instance_uid) VALUES (1, '1.1'), (2, '1.2')");
            s.execute("INSERT INTO before_v7.series (study_fk, series_instance_uid)"
                    + " VALUES (1, '1.1.1'), (1, '1.1.2'),"
                    + " (2, '1.2.1')");
            s.execute("""
                    INSERT INTO before_v7.instances (series_fk, sop_instance_uid, sop_class_uid, transfer_syntax_uid,
                        size_bytes, sha256, blob_key, arrived_at)
                    SELECT se, uid, cls, '1.2.840.10008.1.2.1', 1, repeat('a', 64), 'k' || uid, now()
                    FROM (VALUES (1, '1.1.1.1', '1.2.4'), (1, '1.1.1.2', '1.2.4'), (2, '1.1.2.1', '1.2.3'))
                         AS v(se, uid, cls)""");
        }
        flyway(dataSource).load().migrate();

        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT number_of_series, number_of_instances, sop_classes_in_study"
                    + " FROM before_v7.studies ORDER BY pk")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(2);
                assertThat(rs.getInt(2)).isEqualTo(3);
                assertThat(strings(rs.getArray(3))).containsExactly("1.2.3", "1.2.4");
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(1);
                assertThat(rs.getInt(2)).isZero();
            }
            try (ResultSet rs = s.executeQuery("SELECT number_of_instances FROM before_v7.series ORDER BY pk")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(2);
            }
            try (ResultSet rs = s.executeQuery("SELECT patient_name_fuzzy FROM before_v7.patients ORDER BY pk")) {
                rs.next();
                assertThat(strings(rs.getArray(1))).containsExactly(
                        SearchText.fuzzyTerms("Wang^XiaoDong", "王^小东", "Wáng^Xiǎodōng"));
                rs.next();
                assertThat(strings(rs.getArray(1))).containsExactly(SearchText.fuzzyTerms("Ｍüller^Jürgen Karl"));
            }
            s.execute("DROP SCHEMA " + SCHEMA + " CASCADE");
        }
    }

    private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(DataSource dataSource) {
        return Flyway.configure().dataSource(dataSource).locations("db/migration").schemas(SCHEMA);
    }

    private static String[] strings(Array array) throws SQLException {
        return (String[]) array.getArray();
    }
}
