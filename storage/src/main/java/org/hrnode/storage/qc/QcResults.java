package org.hrnode.storage.qc;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.hrnode.storage.db.Transactor;

/** Reads the stored QC results ({@code qc_results}, V10) with their jobs' state. Thread-safe. */
public final class QcResults {

    private static final String STATUS = """
            SELECT r.generation, r.items, r.explanation, r.score, r.grade, r.hr_eligible, r.vetoes, r.reasons,
                   r.defects, r.checks, r.model_version, r.evaluated_at,
                   j.generation, j.evaluated_generation, j.attempts, j.last_error, r.exam_date, r.hr_window_end
            FROM studies s LEFT JOIN qc_jobs j ON j.study_fk = s.pk LEFT JOIN qc_results r ON r.study_fk = s.pk
            WHERE s.study_instance_uid = ?""";

    private static final String ELIGIBLE = """
            SELECT e.hr_eligible AND e.hr_window_end >= ? FROM qc_effective e JOIN studies s ON s.pk = e.study_fk
            WHERE s.study_instance_uid = ?""";

    private final Transactor transactor;

    public QcResults(Transactor transactor) {
        this.transactor = Objects.requireNonNull(transactor, "transactor");
    }

    /** The study's QC state; empty when the study is not stored here. */
    public Optional<QcStatus> statusOf(String studyInstanceUid) {
        return transactor.inTransaction("read the QC result of a study", connection -> {
            try (PreparedStatement s = connection.prepareStatement(STATUS)) {
                s.setString(1, studyInstanceUid);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<QcStatus>empty();
                    }
                    QcResultRecord result = rs.getObject(1) == null ? null : result(rs);
                    long generation = rs.getLong(13);
                    long evaluated = rs.getLong(14);
                    return Optional.of(new QcStatus(result, generation, generation > evaluated, rs.getInt(15),
                            rs.getString(16)));
                }
            }
        });
    }

    /**
     * Whether the study's effective verdict (the latest reviewer's decision, else the latest result; V11) made it HR
     * eligible and {@code day} is within its recognition window; false
     * when unknown or not yet judged.
     */
    public boolean hrEligibleOn(String studyInstanceUid, LocalDate day) {
        return transactor.inTransaction("read the HR eligibility of a study", connection -> {
            try (PreparedStatement s = connection.prepareStatement(ELIGIBLE)) {
                s.setDate(1, Date.valueOf(day));
                s.setString(2, studyInstanceUid);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() && rs.getBoolean(1);
                }
            }
        });
    }

    private static QcResultRecord result(ResultSet rs) throws SQLException {
        Timestamp evaluatedAt = rs.getTimestamp(12);
        return new QcResultRecord(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getDouble(4), rs.getString(5),
                rs.getBoolean(6), day(rs.getDate(17)), day(rs.getDate(18)), rs.getString(7), rs.getString(8),
                rs.getString(9), rs.getString(10), rs.getString(11), evaluatedAt.toInstant());
    }

    private static LocalDate day(Date date) {
        return date == null ? null : date.toLocalDate();
    }
}
