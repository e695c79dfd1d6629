package org.hrnode.storage.qc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.hrnode.storage.db.Transactor;

/**
 * Reviewers' decisions on AI verdicts ({@code qc_decisions}, V11): stored, never changed or removed (the audit
 * trail); the latest per study is the study's effective verdict ({@code qc_effective}). Thread-safe.
 */
public final class QcDecisions {

    private static final String COLUMNS = """
            d.pk, s.study_instance_uid, d.decided_by, d.decided_at, d.action, d.grade, d.hr_eligible, d.reason_code,
            d.comment, d.reexamine, d.ai_grade, d.ai_hr_eligible, d.ai_generation""";

    private static final String INSERT = """
            INSERT INTO qc_decisions (study_fk, decided_by, action, grade, hr_eligible, reason_code, comment,
                reexamine, ai_grade, ai_hr_eligible, ai_generation)
            SELECT s.pk, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM studies s WHERE s.study_instance_uid = ?
            RETURNING pk""";

    private static final String HISTORY = "SELECT " + COLUMNS + """
             FROM qc_decisions d JOIN studies s ON s.pk = d.study_fk
            WHERE s.study_instance_uid = ? ORDER BY d.pk DESC""";

    /** The latest decision of each decided study with its AI result's checks, oldest study first: labelled data. */
    private static final String LABELLED = "SELECT " + COLUMNS + """
            , r.checks, r.items, r.score, r.model_version
            FROM qc_decisions d JOIN studies s ON s.pk = d.study_fk JOIN qc_results r ON r.study_fk = d.study_fk
            WHERE d.pk = (SELECT max(x.pk) FROM qc_decisions x WHERE x.study_fk = d.study_fk)
            ORDER BY d.study_fk""";

    /** One row of labelled data: the latest human decision beside the AI result it judged. */
    public record Labelled(QcDecision decision, String checksJson, String itemsJson, double aiScore,
                           String modelVersion) {
    }

    private final Transactor transactor;

    public QcDecisions(Transactor transactor) {
        this.transactor = Objects.requireNonNull(transactor, "transactor");
    }

    /** Stores a decision; its pk, or empty when the study is not stored here. */
    public Optional<Long> record(QcDecision d) {
        return transactor.inTransaction("record a QC decision", connection -> {
            try (PreparedStatement s = connection.prepareStatement(INSERT)) {
                s.setString(1, d.decidedBy());
                s.setString(2, d.action());
                s.setString(3, d.grade());
                s.setBoolean(4, d.hrEligible());
                if (d.reasonCode() == null) {
                    s.setNull(5, Types.INTEGER);
                } else {
                    s.setInt(5, d.reasonCode());
                }
                s.setString(6, d.comment());
                s.setBoolean(7, d.reexamine());
                s.setString(8, d.aiGrade());
                s.setBoolean(9, d.aiHrEligible());
                s.setLong(10, d.aiGeneration());
                s.setString(11, d.studyInstanceUid());
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getLong(1)) : Optional.<Long>empty();
                }
            }
        });
    }

    /** The study's decisions, latest first (empty when none, or when the study is unknown). */
    public List<QcDecision> history(String studyInstanceUid) {
        return transactor.inTransaction("read the QC decisions of a study", connection -> {
            List<QcDecision> out = new ArrayList<>();
            try (PreparedStatement s = connection.prepareStatement(HISTORY)) {
                s.setString(1, studyInstanceUid);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(decision(rs));
                    }
                }
            }
            return out;
        });
    }

    /** The study's effective human verdict: its latest decision, if any. */
    public Optional<QcDecision> latest(String studyInstanceUid) {
        return history(studyInstanceUid).stream().findFirst();
    }

    /**
     * Hands each decided study's labelled row to {@code sink}, streamed from the database a page at a time (the
     * whole export is never held in memory).
     */
    public void labelled(Consumer<Labelled> sink) {
        transactor.inTransaction("export labelled QC decisions", connection -> {
            try (PreparedStatement s = connection.prepareStatement(LABELLED)) {
                // PostgreSQL streams with a cursor inside a transaction (the Transactor's) given a fetch size
                s.setFetchSize(200);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        sink.accept(new Labelled(decision(rs), rs.getString(14), rs.getString(15), rs.getDouble(16),
                                rs.getString(17)));
                    }
                }
            }
            return null;
        });
    }

    private static QcDecision decision(ResultSet rs) throws SQLException {
        int reason = rs.getInt(8);
        return new QcDecision(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant(),
                rs.getString(5), rs.getString(6), rs.getBoolean(7), rs.wasNull() ? null : reason, rs.getString(9),
                rs.getBoolean(10), rs.getString(11), rs.getBoolean(12), rs.getLong(13));
    }
}
