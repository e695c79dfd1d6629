package org.hrnode.storage.qc;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.hrnode.storage.db.Transactor;

/**
 * The QC console's reads over judged studies ({@code qc_results} with the effective verdict {@code qc_effective}):
 * the worklist, blind samples, one study's exam facts and series, and the dashboards' counts. Thread-safe.
 */
public final class QcWorklist {

    /** One judged study as the worklist lists it; {@code grade} and {@code hrEligible} are the effective ones. */
    public record Row(String studyInstanceUid, LocalDate studyDate, String institutionCode, String institutionName,
                      String modalities, String studyDescription, String itemsJson, double score, String aiGrade,
                      boolean aiHrEligible, String grade, boolean hrEligible, int vetoes, boolean decided,
                      Instant evaluatedAt) {
    }

    /** A page of rows and how many match in all. */
    public record Page(long total, List<Row> rows) {
    }

    /**
     * Exam facts of one study; patient identifiers are for the caller to mask.
     *
     * @param timeliness instances per timeliness judgement, as {@code ON_TIME:27}
     */
    public record Exam(String studyInstanceUid, String patientId, String patientName, LocalDate studyDate,
                       String studyTime, String accessionNumber, String studyDescription, String institutionCode,
                       String institutionName, List<Series> series, List<String> timeliness) {
    }

    /** One series of a study with its first instance (for a rendered preview). */
    public record Series(String seriesInstanceUid, String modality, Integer seriesNumber, String description,
                         String bodyPart, int instances, String firstSopInstanceUid) {
    }

    /** A count under a key pair (institution and grade, or item and eligibility). */
    public record Count(String key, String subKey, long count) {
    }

    private static final String FROM = """
             FROM qc_results r JOIN qc_effective e ON e.study_fk = r.study_fk JOIN studies s ON s.pk = r.study_fk""";

    private static final String ROW = """
            SELECT s.study_instance_uid, s.study_date, s.institution_code, s.institution_name,
                   (SELECT string_agg(DISTINCT se.modality, '\\') FROM series se WHERE se.study_fk = s.pk),
                   s.study_description, r.items, r.score, r.grade, r.hr_eligible, e.grade, e.hr_eligible,
                   jsonb_array_length(r.vetoes::jsonb), e.decided, r.evaluated_at, count(*) OVER ()""" + FROM;

    private static final String BEST_CONFIDENCE = """
            COALESCE((SELECT max((x->>'confidence')::float) FROM jsonb_array_elements(r.items::jsonb) x), 0)""";

    private static final String EXAM = """
            SELECT s.study_instance_uid, p.patient_id, p.patient_name, s.study_date, s.study_time::text,
                   s.accession_number, s.study_description, s.institution_code, s.institution_name
            FROM studies s JOIN patients p ON p.pk = s.patient_fk WHERE s.study_instance_uid = ?""";

    private static final String SERIES = """
            SELECT se.series_instance_uid, se.modality, se.series_number, se.series_description,
                   se.body_part_examined, count(i.pk),
                   (SELECT i2.sop_instance_uid FROM instances i2 WHERE i2.series_fk = se.pk
                    ORDER BY i2.instance_number NULLS LAST, i2.pk LIMIT 1)
            FROM series se JOIN studies s ON s.pk = se.study_fk LEFT JOIN instances i ON i.series_fk = se.pk
            WHERE s.study_instance_uid = ? GROUP BY se.pk ORDER BY se.series_number NULLS LAST, se.pk""";

    private static final String TIMELINESS = """
            SELECT COALESCE(i.timeliness, 'UNKNOWN') AS judged, count(*) FROM instances i
            JOIN series se ON se.pk = i.series_fk JOIN studies s ON s.pk = se.study_fk
            WHERE s.study_instance_uid = ? GROUP BY judged ORDER BY judged""";

    private final Transactor transactor;

    public QcWorklist(Transactor transactor) {
        this.transactor = Objects.requireNonNull(transactor, "transactor");
    }

    /** The page of judged studies matching {@code q}, with the total count. */
    public Page page(WorklistQuery q) {
        Sql sql = filtered(q);
        sql.text.append(" ORDER BY ").append(switch (q.sort()) {
            case "date" -> "s.study_date";
            case "score" -> "r.score";
            case "grade" -> "e.grade";
            case "institution" -> "s.institution_code";
            default -> "r.evaluated_at";
        }).append(q.descending() ? " DESC NULLS LAST" : " ASC NULLS LAST").append(", s.pk LIMIT ? OFFSET ?");
        sql.args.add(q.limit());
        sql.args.add(q.offset());
        Page page = run(sql, "read the QC worklist");
        if (page.rows().isEmpty() && q.offset() > 0) {
            // past the last row the window count has no row to ride on: count from the first page
            Sql first = filtered(q);
            first.text.append(" LIMIT 1");
            return new Page(run(first, "count the QC worklist").total(), List.of());
        }
        return page;
    }

    /** Up to {@code q.limit()} studies matching {@code q}, drawn at random (spec §9.2 online sampling). */
    public List<Row> sample(WorklistQuery q) {
        Sql sql = filtered(q);
        sql.text.append(" ORDER BY random() LIMIT ?");
        sql.args.add(q.limit());
        return run(sql, "draw a blind QC sample").rows();
    }

    /** Exam facts and series of a stored study; empty when it is not stored here. */
    public Optional<Exam> exam(String studyInstanceUid) {
        return transactor.inTransaction("read a study for review", connection -> {
            List<Series> series = new ArrayList<>();
            try (PreparedStatement s = connection.prepareStatement(SERIES)) {
                s.setString(1, studyInstanceUid);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        int number = rs.getInt(3);
                        series.add(new Series(rs.getString(1), rs.getString(2), rs.wasNull() ? null : number,
                                rs.getString(4), rs.getString(5), rs.getInt(6), rs.getString(7)));
                    }
                }
            }
            List<String> timeliness = new ArrayList<>();
            try (PreparedStatement s = connection.prepareStatement(TIMELINESS)) {
                s.setString(1, studyInstanceUid);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        timeliness.add(rs.getString(1) + ":" + rs.getLong(2));
                    }
                }
            }
            try (PreparedStatement s = connection.prepareStatement(EXAM)) {
                s.setString(1, studyInstanceUid);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<Exam>empty();
                    }
                    return Optional.of(new Exam(rs.getString(1), rs.getString(2), rs.getString(3),
                            day(rs.getDate(4)), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                            rs.getString(9), series, timeliness));
                }
            }
        });
    }

    /** Judged studies per institution and effective grade, study dates in [from, to] (nulls: unbounded). */
    public List<Count> gradesByInstitution(String region, LocalDate from, LocalDate to) {
        return counts("SELECT COALESCE(s.institution_code, ''), e.grade, count(*)" + FROM + " WHERE true"
                + bounds(region, from, to) + " GROUP BY 1, 2 ORDER BY 1, 2", region, from, to);
    }

    /** Judged studies per matched catalogue item, split by effective HR eligibility ("true"/"false"). */
    public List<Count> eligibilityByItem(String region, LocalDate from, LocalDate to) {
        return counts("SELECT (x->>'no'), e.hr_eligible::text, count(*)" + FROM
                + " CROSS JOIN jsonb_array_elements(r.items::jsonb) x WHERE true" + bounds(region, from, to)
                + " GROUP BY 1, 2 ORDER BY (x->>'no')::int, 2", region, from, to);
    }

    /** Decisions per institution and action (confirm/overrule): how often reviewers disagree with the AI. */
    public List<Count> decisionsByInstitution(String region, LocalDate from, LocalDate to) {
        return counts("SELECT COALESCE(s.institution_code, ''), d.action, count(*) FROM qc_decisions d"
                + " JOIN studies s ON s.pk = d.study_fk WHERE true" + bounds(region, from, to)
                + " GROUP BY 1, 2 ORDER BY 1, 2", region, from, to);
    }

    private List<Count> counts(String query, String region, LocalDate from, LocalDate to) {
        return transactor.inTransaction("count judged studies", connection -> {
            List<Count> out = new ArrayList<>();
            try (PreparedStatement s = connection.prepareStatement(query)) {
                int i = 1;
                if (region != null) {
                    s.setString(i++, region + "%");
                }
                if (from != null) {
                    s.setDate(i++, Date.valueOf(from));
                }
                if (to != null) {
                    s.setDate(i, Date.valueOf(to));
                }
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Count(rs.getString(1), rs.getString(2), rs.getLong(3)));
                    }
                }
            }
            return out;
        });
    }

    /**
     * A region is a prefix of the institution codes (the administrative division: 51 Sichuan, 50 Chongqing).
     */
    private static String bounds(String region, LocalDate from, LocalDate to) {
        return (region == null ? "" : " AND s.institution_code LIKE ?") + (from == null ? "" : " AND s.study_date >= ?")
                + (to == null ? "" : " AND s.study_date <= ?");
    }

    private static final class Sql {
        final StringBuilder text = new StringBuilder(ROW).append(" WHERE true");
        final List<Object> args = new ArrayList<>();

        void and(String condition, Object arg) {
            text.append(" AND ").append(condition);
            if (arg != null) {
                args.add(arg);
            }
        }
    }

    private static Sql filtered(WorklistQuery q) {
        Sql sql = new Sql();
        if (q.flaggedOnly()) {
            sql.and("(e.grade IN ('C', 'D') OR r.vetoes <> '[]' OR r.items = '[]' OR " + BEST_CONFIDENCE + " < ?)",
                    q.minConfidence());
        }
        if (q.institution() != null) {
            sql.and("s.institution_code = ?", q.institution());
        }
        if (q.region() != null) {
            sql.and("s.institution_code LIKE ?", q.region() + "%");
        }
        if (q.modality() != null) {
            sql.and("EXISTS (SELECT 1 FROM series se WHERE se.study_fk = s.pk AND se.modality = ?)", q.modality());
        }
        if (q.itemNo() != null) {
            sql.and("r.items::jsonb @> jsonb_build_array(jsonb_build_object('no', ?::int))", q.itemNo());
        }
        if (q.grade() != null) {
            sql.and("e.grade = ?", q.grade());
        }
        if (q.failedCheck() != null) {
            sql.and("r.checks::jsonb @> jsonb_build_array(jsonb_build_object('id', ?::text, 'passed', false))",
                    q.failedCheck());
        }
        if (q.decided() != null) {
            sql.and("e.decided = ?", q.decided());
        }
        if (q.from() != null) {
            sql.and("s.study_date >= ?", Date.valueOf(q.from()));
        }
        if (q.to() != null) {
            sql.and("s.study_date <= ?", Date.valueOf(q.to()));
        }
        return sql;
    }

    private Page run(Sql sql, String operation) {
        return transactor.inTransaction(operation, connection -> {
            List<Row> rows = new ArrayList<>();
            long total = 0;
            try (PreparedStatement s = connection.prepareStatement(sql.text.toString())) {
                for (int i = 0; i < sql.args.size(); i++) {
                    s.setObject(i + 1, sql.args.get(i));
                }
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        rows.add(row(rs));
                        total = rs.getLong(16);
                    }
                }
            }
            return new Page(total, rows);
        });
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getString(1), day(rs.getDate(2)), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getDouble(8), rs.getString(9), rs.getBoolean(10),
                rs.getString(11), rs.getBoolean(12), rs.getInt(13), rs.getBoolean(14),
                rs.getTimestamp(15).toInstant());
    }

    private static LocalDate day(Date date) {
        return date == null ? null : date.toLocalDate();
    }
}
