package org.hrnode.storage.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.hrnode.storage.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The audit trail: append-only in the database, and every kind of tampering seen by the SM3 chain verifier. */
class AuditLogTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private DataSource db;
    private PostgresAuditLog log;

    @BeforeEach
    void emptyTrail() throws SQLException {
        db = TestDatabase.dataSource();
        asTamperer("TRUNCATE audit_log, audit_anchor");
        log = new PostgresAuditLog(db);
    }

    private static AuditEvent event(int i) {
        return new AuditEvent(T0.plus(Duration.ofDays(i)), "dr.wang", "clinician", "川医附院", "ip:127.0.0.1",
                AuditAction.RETRIEVE.code(), "ok", "1.2.3." + i, "GET /dicomweb/studies/1.2.3." + i);
    }

    private void appendFive() {
        List<AuditEvent> events = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            events.add(event(i));
        }
        log.append(events.subList(0, 2));
        log.append(events.subList(2, 5));
    }

    /** Runs SQL with the append-only triggers off, as someone with database superuser rights could. */
    private void asTamperer(String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE audit_log DISABLE TRIGGER USER");
            s.execute("ALTER TABLE audit_anchor DISABLE TRIGGER USER");
            try {
                s.execute(sql);
            } finally {
                s.execute("ALTER TABLE audit_log ENABLE TRIGGER USER");
                s.execute("ALTER TABLE audit_anchor ENABLE TRIGGER USER");
            }
        }
    }

    private AuditVerifier.Result verify() throws Exception {
        return new AuditVerifier(log).verify();
    }

    @Test
    void anUntouchedTrailVerifiesAcrossBatches() throws Exception {
        appendFive();

        AuditVerifier.Result result = verify();

        assertThat(result.intact()).isTrue();
        assertThat(result.rowsChecked()).isEqualTo(5);
        assertThat(result.headSeq()).isEqualTo(5);
        List<AuditRecord> read = new ArrayList<>();
        log.forEach(0, read::add);
        assertThat(read).extracting(r -> r.event().studyUid())
                .containsExactly("1.2.3.1", "1.2.3.2", "1.2.3.3", "1.2.3.4", "1.2.3.5");
        assertThat(read.get(0).event()).isEqualTo(event(1));
    }

    @Test
    void updateDeleteAndTruncateAreRefusedByTheDatabase() throws Exception {
        appendFive();

        for (String sql : List.of("UPDATE audit_log SET actor = 'someone' WHERE seq = 2",
                "DELETE FROM audit_log WHERE seq = 2", "TRUNCATE audit_log")) {
            assertThatThrownBy(() -> {
                try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
                    s.execute(sql);
                }
            }).as(sql).isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        }
        assertThat(verify().intact()).isTrue();
    }

    @Test
    void aModifiedRowIsDetected() throws Exception {
        appendFive();
        asTamperer("UPDATE audit_log SET study_uid = '9.9.9' WHERE seq = 3");

        AuditVerifier.Result result = verify();

        assertThat(result.intact()).isFalse();
        assertThat(result.problem()).hasValueSatisfying(p -> assertThat(p).startsWith("row 3 "));
    }

    @Test
    void aDeletedRowIsDetected() throws Exception {
        appendFive();
        asTamperer("DELETE FROM audit_log WHERE seq = 2");

        assertThat(verify().problem()).hasValueSatisfying(p -> assertThat(p).contains("row 2 is missing"));
    }

    @Test
    void anInsertedRowIsDetectedEvenWithRenumbering() throws Exception {
        appendFive();
        // A careful forger shifts the later rows up and copies a plausible hash into the gap.
        asTamperer("UPDATE audit_log SET seq = seq + 10 WHERE seq >= 3");
        asTamperer("UPDATE audit_log SET seq = seq - 9 WHERE seq >= 13");
        asTamperer("INSERT INTO audit_log SELECT 3, at, 'forger', role, institution, source, action, outcome,"
                + " study_uid, detail, hash FROM audit_log WHERE seq = 2");

        assertThat(verify().problem()).hasValueSatisfying(p -> assertThat(p).startsWith("row 3 "));
    }

    @Test
    void pruningKeepsWhatRemainsVerifiableAndAppendsContinueTheChain() throws Exception {
        appendFive();

        long removed = log.pruneBefore(event(3).at());
        log.append(List.of(event(6)));

        assertThat(removed).isEqualTo(2);
        AuditVerifier.Result result = verify();
        assertThat(result.intact()).isTrue();
        assertThat(result.rowsChecked()).isEqualTo(4);
        assertThat(result.headSeq()).isEqualTo(6);
    }

    @Test
    void tamperingRightAfterAnAnchorIsDetected() throws Exception {
        appendFive();
        log.pruneBefore(event(3).at());
        asTamperer("UPDATE audit_log SET outcome = 'ok' , actor = 'x' WHERE seq = 3");

        assertThat(verify().problem()).hasValueSatisfying(p -> assertThat(p).startsWith("row 3 "));
    }

    @Test
    void retentionBelowSixMonthsIsRefused() {
        assertThatThrownBy(() -> new AuditRetention(179)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("minimum of 180 days");
        assertThat(new AuditRetention(180).cutoff(Clock.fixed(T0, ZoneOffset.UTC)))
                .isEqualTo(T0.minus(Duration.ofDays(180)));
    }

    @Test
    void theAsyncWriterWritesEverythingQueuedBeforeClosing() throws Exception {
        AsyncAuditWriter writer = AsyncAuditWriter.start(log, 10_000);
        for (int i = 1; i <= 1200; i++) {
            writer.record(event(i));
        }
        writer.close();

        assertThat(writer.dropped()).isZero();
        assertThat(writer.written()).isEqualTo(1200);
        assertThat(verify().rowsChecked()).isEqualTo(1200);
    }

    @Test
    void aFullQueueCountsDropsInsteadOfBlocking() {
        DataSource unreachable = new org.postgresql.ds.PGSimpleDataSource();
        ((org.postgresql.ds.PGSimpleDataSource) unreachable).setURL("jdbc:postgresql://127.0.0.1:1/none");
        AsyncAuditWriter writer = AsyncAuditWriter.start(new PostgresAuditLog(unreachable), 3);
        for (int i = 1; i <= 10; i++) {
            writer.record(event(i));
        }

        // at most 3 queued and 3 taken into the failing batch: the rest were counted at once, none blocked
        assertThat(writer.dropped()).isGreaterThanOrEqualTo(4);
        writer.close();
        assertThat(writer.dropped()).isEqualTo(10);
    }
}
