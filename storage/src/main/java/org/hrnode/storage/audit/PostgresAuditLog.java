package org.hrnode.storage.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.hrnode.storage.db.Transactor;

/**
 * The audit trail in PostgreSQL ({@code audit_log}, migration V13): appends chained batches, reads rows in order
 * for export and verification, and prunes old rows behind an anchor.
 *
 * <p>Appends from several nodes sharing one database stay one gapless chain: each batch takes a transaction-scoped
 * advisory lock, reads the chain's head and continues from it.
 */
public final class PostgresAuditLog {

    /** Arbitrary, fixed: the advisory lock that serialises appends and pruning ("AUDIT" in ASCII). */
    private static final long CHAIN_LOCK = 0x4155444954L;
    private static final int FETCH_SIZE = 1000;

    /** What a callback does with each row read. */
    @FunctionalInterface
    public interface RowConsumer {
        void accept(AuditRecord record) throws Exception;
    }

    /** Where the verifiable chain starts: after {@code throughSeq}, continuing from {@code hash}. */
    public record Anchor(long throughSeq, byte[] hash) {
        static final Anchor START = new Anchor(0, AuditChain.GENESIS);
    }

    private final DataSource dataSource;
    private final Transactor transactor;

    public PostgresAuditLog(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.transactor = new Transactor(dataSource);
    }

    /** Appends {@code events} in order, continuing the chain; all or none. */
    public void append(List<AuditEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        transactor.inTransaction("append audit records", c -> {
            lockChain(c);
            long seq;
            byte[] previous;
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1")) {
                if (rs.next()) {
                    seq = rs.getLong(1);
                    previous = rs.getBytes(2);
                } else {
                    Anchor anchor = latestAnchor(c);
                    seq = anchor.throughSeq();
                    previous = anchor.hash();
                }
            }
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO audit_log (seq, at, actor, role,"
                    + " institution, source, action, outcome, study_uid, detail, hash)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (AuditEvent e : events) {
                    seq++;
                    previous = AuditChain.hash(previous, seq, e);
                    insert.setLong(1, seq);
                    insert.setTimestamp(2, Timestamp.from(e.at()));
                    insert.setString(3, e.actor());
                    insert.setString(4, e.role());
                    insert.setString(5, e.institution());
                    insert.setString(6, e.source());
                    insert.setString(7, e.action());
                    insert.setString(8, e.outcome());
                    insert.setString(9, e.studyUid());
                    insert.setString(10, e.detail());
                    insert.setBytes(11, previous);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return null;
        });
    }

    /** The newest anchor, or the chain's start when nothing was ever pruned. */
    public Anchor latestAnchor() {
        return transactor.inTransaction("read audit anchor", PostgresAuditLog::latestAnchor);
    }

    private static Anchor latestAnchor(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT through_seq, hash FROM audit_anchor ORDER BY through_seq DESC LIMIT 1")) {
            return rs.next() ? new Anchor(rs.getLong(1), rs.getBytes(2)) : Anchor.START;
        }
    }

    /** Every row after {@code afterSeq}, in chain order, streamed from a cursor. */
    public void forEach(long afterSeq, RowConsumer consumer) throws Exception {
        read("SELECT seq, at, actor, role, institution, source, action, outcome, study_uid, detail, hash"
                + " FROM audit_log WHERE seq > ? ORDER BY seq", ps -> ps.setLong(1, afterSeq), consumer);
    }

    /** The rows recorded in {@code [from, to)}, in chain order. */
    public void forEachBetween(Instant from, Instant to, RowConsumer consumer) throws Exception {
        read("SELECT seq, at, actor, role, institution, source, action, outcome, study_uid, detail, hash"
                + " FROM audit_log WHERE at >= ? AND at < ? ORDER BY seq", ps -> {
                    ps.setTimestamp(1, Timestamp.from(from));
                    ps.setTimestamp(2, Timestamp.from(to));
                }, consumer);
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private void read(String sql, Binder binder, RowConsumer consumer) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false); // PostgreSQL streams with a fetch size only inside a transaction
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setFetchSize(FETCH_SIZE);
                binder.bind(ps);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        consumer.accept(new AuditRecord(rs.getLong(1), new AuditEvent(rs.getTimestamp(2).toInstant(),
                                rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                                rs.getString(8), rs.getString(9), rs.getString(10)), rs.getBytes(11)));
                    }
                }
            } finally {
                c.rollback();
                c.setAutoCommit(autoCommit);
            }
        }
    }

    /**
     * Removes rows recorded before {@code before}, first anchoring the chain at the last removed row so what remains
     * still verifies. The caller enforces the retention minimum ({@link AuditRetention}).
     *
     * @return the number of rows removed
     */
    public long pruneBefore(Instant before) {
        return transactor.inTransaction("prune audit records", c -> {
            lockChain(c);
            long through;
            byte[] hash;
            try (PreparedStatement ps = c.prepareStatement("SELECT seq, hash FROM audit_log WHERE seq ="
                    + " (SELECT max(seq) FROM audit_log WHERE at < ?)")) {
                ps.setTimestamp(1, Timestamp.from(before));
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return 0L;
                    }
                    through = rs.getLong(1);
                    hash = rs.getBytes(2);
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO audit_anchor (through_seq, hash, pruned_at) VALUES (?, ?, now())")) {
                ps.setLong(1, through);
                ps.setBytes(2, hash);
                ps.executeUpdate();
            }
            try (Statement s = c.createStatement()) {
                s.execute("SET LOCAL hrnode.audit_prune = 'on'");
            }
            // By sequence, not time: the chain is cut at one point, and rows with clock skew around it stay.
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM audit_log WHERE seq <= ?")) {
                ps.setLong(1, through);
                return (long) ps.executeUpdate();
            }
        });
    }

    /** The newest row's sequence number and hash: what an operator notes to detect removal of the newest rows. */
    public Optional<AuditRecord> head() throws Exception {
        AuditRecord[] last = new AuditRecord[1];
        read("SELECT seq, at, actor, role, institution, source, action, outcome, study_uid, detail, hash"
                + " FROM audit_log ORDER BY seq DESC LIMIT 1", ps -> { }, r -> last[0] = r);
        return Optional.ofNullable(last[0]);
    }

    private static void lockChain(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            ps.setLong(1, CHAIN_LOCK);
            ps.execute();
        }
    }
}
