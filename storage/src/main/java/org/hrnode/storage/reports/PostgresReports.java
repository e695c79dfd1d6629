package org.hrnode.storage.reports;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.hrnode.storage.db.Transactor;

/**
 * Reports in the {@code reports} and {@code report_items} tables (V14). Thread-safe.
 *
 * <p>Reports and images arrive in either order, so a report is linked to its study when it is stored and, for
 * reports stored before their images, again whenever reports are read ({@link #linkWaitingReports}).
 */
public final class PostgresReports {

    private static final String COLUMNS = "org_code, report_form_no, state, id_type_code, id_no, patient_id,"
            + " patient_name, event_type, event_no, apply_form_no, study_instance_uid, pacs_id, accession_number,"
            + " class_code, class_name, report_title, performed_at, image_findings, conclusion, abnormal, author_id,"
            + " author_name, authored_at, authenticator_id, authenticator_name, authenticated_at, order_priority,"
            + " performer_dept_code, performer_dept_name, participant_dept_code, participant_dept_name, pacs_url,"
            + " pdf, source, study_fk";
    private static final int COLUMN_COUNT = 35;
    private static final String UPSERT = "INSERT INTO reports (" + COLUMNS + ") VALUES ("
            + "?, ".repeat(COLUMN_COUNT - 1) + "?) ON CONFLICT (org_code, report_form_no) DO UPDATE SET "
            + updateAll() + ", cancelled_at = NULL, updated_at = now() RETURNING pk, (xmax = 0) AS created";
    // a study by its UID, else by accession number (the report's own, else its pacs id)
    private static final String FIND_STUDY = "SELECT pk, study_instance_uid FROM studies WHERE study_instance_uid = ?"
            + " UNION ALL (SELECT pk, study_instance_uid FROM studies WHERE accession_number IN (?, ?)"
            + " ORDER BY pk LIMIT 1) LIMIT 1";
    private static final String LINK_WAITING = "UPDATE reports r SET study_fk = s.pk FROM studies s"
            + " WHERE r.study_fk IS NULL AND r.cancelled_at IS NULL AND (s.study_instance_uid = r.study_instance_uid"
            + " OR (r.study_instance_uid IS NULL AND s.accession_number IN (r.accession_number, r.pacs_id)))";
    private static final String CANCEL = "UPDATE reports SET cancelled_at = now(), updated_at = now()"
            + " WHERE org_code = ? AND report_form_no = ? AND id_type_code = ? AND id_no = ? AND cancelled_at IS NULL";
    private static final String RECENT = "SELECT r.pk, r.org_code, s.institution_name, r.report_form_no, r.state,"
            + " r.class_name, r.report_title, r.performed_at, r.authenticated_at, r.conclusion, r.abnormal,"
            + " r.pacs_url, r.pdf IS NOT NULL, s.study_instance_uid, q.hr_eligible, q.hr_window_end, q.items"
            + " FROM reports r LEFT JOIN studies s ON s.pk = r.study_fk LEFT JOIN qc_results q ON q.study_fk = s.pk"
            + " WHERE r.id_type_code = ? AND r.id_no = ? AND r.cancelled_at IS NULL AND r.performed_at >= ?"
            + " ORDER BY r.performed_at DESC, r.pk";
    private static final String ITEMS = "SELECT report_fk, exam_item_code, exam_item_name, exam_site_code,"
            + " body_part_name, recognition FROM report_items WHERE report_fk = ANY (?) ORDER BY exam_item_code";
    private static final String REPORT_KEY = "SELECT pk, id_type_code, id_no FROM reports"
            + " WHERE org_code = ? AND report_form_no = ? AND cancelled_at IS NULL";
    private static final String HAS_ITEM = "SELECT 1 FROM report_items WHERE report_fk = ? AND exam_item_code = ?";
    private static final String PDF = "SELECT pdf FROM reports WHERE org_code = ? AND report_form_no = ?"
            + " AND cancelled_at IS NULL";

    private static final String TURNAROUND = "SELECT class_code, order_priority, performed_at, authenticated_at"
            + " FROM reports WHERE org_code = ? AND cancelled_at IS NULL AND authenticated_at IS NOT NULL"
            + " AND performed_at >= ? AND performed_at < ? ORDER BY performed_at";
    private static final String REPORTS_LINKED = "SELECT count(*), count(study_fk) FROM reports WHERE org_code = ?"
            + " AND cancelled_at IS NULL AND performed_at >= ? AND performed_at < ?";
    private static final String STUDIES_REPORTED = "SELECT count(*), count(*) FILTER (WHERE EXISTS (SELECT 1 FROM"
            + " reports r WHERE r.study_fk = s.pk AND r.cancelled_at IS NULL)) FROM studies s"
            + " WHERE s.institution_code = ? AND EXISTS (SELECT 1 FROM series se JOIN instances i"
            + " ON i.series_fk = se.pk WHERE se.study_fk = s.pk AND i.arrived_at >= ? AND i.arrived_at < ?)";
    private static final String DAILY = "SELECT authenticated_at::date, coalesce(participant_dept_code, ''),"
            + " max(participant_dept_name), count(*) FROM reports WHERE org_code = ? AND cancelled_at IS NULL"
            + " AND authenticated_at >= ? AND authenticated_at < ? GROUP BY 1, 2 ORDER BY 1, 2";

    private final Transactor transactor;

    public PostgresReports(Transactor transactor) {
        this.transactor = Objects.requireNonNull(transactor, "transactor");
    }

    private static String updateAll() {
        StringBuilder s = new StringBuilder();
        for (String column : COLUMNS.split(",\\s*")) {
            if (column.equals("org_code") || column.equals("report_form_no")) {
                continue;
            }
            if (!s.isEmpty()) {
                s.append(", ");
            }
            s.append(column).append(" = EXCLUDED.").append(column);
        }
        return s.toString();
    }

    /** Stores {@code report}, replacing an earlier one with the same keys (and its items), and links its study. */
    public ReportSaved save(Report report) {
        return transactor.inTransaction("store report " + report.orgCode() + "/" + report.reportFormNo(), c -> {
            Long studyPk = null;
            String studyUid = null;
            try (PreparedStatement s = c.prepareStatement(FIND_STUDY)) {
                s.setString(1, report.studyInstanceUid());
                s.setString(2, report.accessionNumber());
                s.setString(3, report.pacsId());
                try (ResultSet rs = s.executeQuery()) {
                    if (rs.next()) {
                        studyPk = rs.getLong(1);
                        studyUid = rs.getString(2);
                    }
                }
            }
            long pk;
            boolean created;
            try (PreparedStatement s = c.prepareStatement(UPSERT)) {
                bind(s, report, studyPk);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    pk = rs.getLong(1);
                    created = rs.getBoolean(2);
                }
            }
            try (PreparedStatement s = c.prepareStatement("DELETE FROM report_items WHERE report_fk = ?")) {
                s.setLong(1, pk);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO report_items (report_fk, exam_item_code,"
                    + " exam_item_name, exam_site_code, body_part_name, recognition) VALUES (?, ?, ?, ?, ?, ?)")) {
                for (Report.Item item : report.items()) {
                    s.setLong(1, pk);
                    s.setString(2, item.examItemCode());
                    s.setString(3, item.examItemName());
                    s.setString(4, item.examSiteCode());
                    s.setString(5, item.bodyPartName());
                    s.setBoolean(6, item.recognition());
                    s.addBatch();
                }
                s.executeBatch();
            }
            return new ReportSaved(pk, created, studyUid);
        });
    }

    private static void bind(PreparedStatement s, Report r, Long studyPk) throws SQLException {
        int i = 1;
        s.setString(i++, r.orgCode());
        s.setString(i++, r.reportFormNo());
        s.setInt(i++, r.state());
        s.setString(i++, r.idTypeCode());
        s.setString(i++, r.idNo());
        s.setString(i++, r.patientId());
        s.setString(i++, r.patientName());
        s.setString(i++, r.eventType());
        s.setString(i++, r.eventNo());
        s.setString(i++, r.applyFormNo());
        s.setString(i++, r.studyInstanceUid());
        s.setString(i++, r.pacsId());
        s.setString(i++, r.accessionNumber());
        s.setString(i++, r.classCode());
        s.setString(i++, r.className());
        s.setString(i++, r.reportTitle());
        s.setTimestamp(i++, timestamp(r.performedAt()));
        s.setString(i++, r.imageFindings());
        s.setString(i++, r.conclusion());
        s.setObject(i++, r.abnormal(), Types.BOOLEAN);
        s.setString(i++, r.authorId());
        s.setString(i++, r.authorName());
        s.setTimestamp(i++, timestamp(r.authoredAt()));
        s.setString(i++, r.authenticatorId());
        s.setString(i++, r.authenticatorName());
        s.setTimestamp(i++, timestamp(r.authenticatedAt()));
        s.setString(i++, r.orderPriority());
        s.setString(i++, r.performerDeptCode());
        s.setString(i++, r.performerDeptName());
        s.setString(i++, r.participantDeptCode());
        s.setString(i++, r.participantDeptName());
        s.setString(i++, r.pacsUrl());
        s.setBytes(i++, r.pdf());
        s.setString(i++, r.source());
        s.setObject(i, studyPk, Types.BIGINT);
    }

    private static Timestamp timestamp(LocalDateTime t) {
        return t == null ? null : Timestamp.valueOf(t);
    }

    private static LocalDateTime localDateTime(Timestamp t) {
        return t == null ? null : t.toLocalDateTime();
    }

    /**
     * DeleteExamInfo: cancels the report, which the caller identifies with its keys and the patient's identity (so a
     * wrong report number cannot cancel another patient's report).
     *
     * @return false when no such report is stored (or it was cancelled already)
     */
    public boolean cancel(String orgCode, String reportFormNo, String idTypeCode, String idNo) {
        return transactor.inTransaction("cancel report " + orgCode + "/" + reportFormNo, c -> {
            try (PreparedStatement s = c.prepareStatement(CANCEL)) {
                s.setString(1, orgCode);
                s.setString(2, reportFormNo);
                s.setString(3, idTypeCode);
                s.setString(4, idNo);
                return s.executeUpdate() > 0;
            }
        });
    }

    /** Links reports stored before their study arrived; returns how many it linked. */
    public int linkWaitingReports() {
        return transactor.inTransaction("link reports to studies that arrived", PostgresReports::linkWaiting);
    }

    private static int linkWaiting(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(LINK_WAITING)) {
            return s.executeUpdate();
        }
    }

    /** The patient's reports (not cancelled) of exams performed on or after {@code since}, newest first. */
    public List<PriorExam> recentExams(String idTypeCode, String idNo, LocalDate since) {
        return transactor.inTransaction("list a patient's recent exams", c -> {
            linkWaiting(c);
            List<PriorExam> rows = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(RECENT)) {
                s.setString(1, idTypeCode);
                s.setString(2, idNo);
                s.setTimestamp(3, Timestamp.valueOf(since.atStartOfDay()));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        java.sql.Date windowEnd = rs.getDate(16);
                        rows.add(new PriorExam(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getInt(5), rs.getString(6), rs.getString(7), localDateTime(rs.getTimestamp(8)),
                                localDateTime(rs.getTimestamp(9)), rs.getString(10), (Boolean) rs.getObject(11),
                                rs.getString(12), rs.getBoolean(13), rs.getString(14), (Boolean) rs.getObject(15),
                                windowEnd == null ? null : windowEnd.toLocalDate(), rs.getString(17), List.of()));
                    }
                }
            }
            Map<Long, List<Report.Item>> items = items(c, rows.stream().map(PriorExam::reportPk).toList());
            List<PriorExam> exams = new ArrayList<>();
            for (PriorExam e : rows) {
                exams.add(new PriorExam(e.reportPk(), e.orgCode(), e.orgName(), e.reportFormNo(), e.state(),
                        e.className(), e.reportTitle(), e.performedAt(), e.authenticatedAt(), e.conclusion(),
                        e.abnormal(), e.pacsUrl(), e.hasPdf(), e.studyInstanceUid(), e.qcHrEligible(),
                        e.qcWindowEnd(), e.qcItemsJson(), items.getOrDefault(e.reportPk(), List.of())));
            }
            return exams;
        });
    }

    private static Map<Long, List<Report.Item>> items(Connection c, java.util.Collection<Long> reportPks)
            throws SQLException {
        Map<Long, List<Report.Item>> items = new LinkedHashMap<>();
        if (reportPks.isEmpty()) {
            return items;
        }
        try (PreparedStatement s = c.prepareStatement(ITEMS)) {
            s.setArray(1, c.createArrayOf("bigint", reportPks.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    items.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Report.Item(
                            rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getBoolean(6)));
                }
            }
        }
        return items;
    }

    /**
     * The stored report's key and whether it holds {@code itemCode}, for a decision or quotation to refer to.
     *
     * @return empty when no such (uncancelled) report is stored
     */
    public Optional<ReportRef> reportRef(String orgCode, String reportFormNo, String itemCode) {
        return transactor.inTransaction("find report " + orgCode + "/" + reportFormNo, c -> {
            long pk;
            String idType;
            String idNo;
            try (PreparedStatement s = c.prepareStatement(REPORT_KEY)) {
                s.setString(1, orgCode);
                s.setString(2, reportFormNo);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    pk = rs.getLong(1);
                    idType = rs.getString(2);
                    idNo = rs.getString(3);
                }
            }
            try (PreparedStatement s = c.prepareStatement(HAS_ITEM)) {
                s.setLong(1, pk);
                s.setString(2, itemCode);
                try (ResultSet rs = s.executeQuery()) {
                    return Optional.of(new ReportRef(pk, idType, idNo, rs.next()));
                }
            }
        });
    }

    /** A stored report as decisions refer to it: its key, its patient, whether it has the item asked about. */
    public record ReportRef(long pk, String idTypeCode, String idNo, boolean hasItem) {
        @Override
        public String toString() {
            return "ReportRef[" + pk + "]";
        }
    }

    /**
     * The counts of {@code orgCode}'s reports for the data-quality report: exams performed (reports) or arrived
     * (studies) from {@code from} until before {@code to}, as local times of the node's zone and as instants.
     */
    public ReportCounts counts(String orgCode, LocalDateTime from, LocalDateTime to, java.time.Instant fromInstant,
            java.time.Instant toInstant) {
        return transactor.inTransaction("count the reports of " + orgCode, c -> {
            linkWaiting(c);
            List<ReportCounts.Turnaround> turnaround = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(TURNAROUND)) {
                bindPeriod(s, orgCode, timestamp(from), timestamp(to));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        turnaround.add(new ReportCounts.Turnaround(rs.getString(1), rs.getString(2),
                                localDateTime(rs.getTimestamp(3)), localDateTime(rs.getTimestamp(4))));
                    }
                }
            }
            long[] reportsLinked = pair(c, REPORTS_LINKED, orgCode, timestamp(from), timestamp(to));
            long[] studiesReported = pair(c, STUDIES_REPORTED, orgCode, Timestamp.from(fromInstant),
                    Timestamp.from(toInstant));
            List<ReportCounts.DailyCount> daily = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(DAILY)) {
                bindPeriod(s, orgCode, timestamp(from), timestamp(to));
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        daily.add(new ReportCounts.DailyCount(rs.getDate(1).toLocalDate(), rs.getString(2),
                                rs.getString(3), rs.getLong(4)));
                    }
                }
            }
            return new ReportCounts(turnaround, reportsLinked[0], reportsLinked[1], studiesReported[0],
                    studiesReported[1], daily);
        });
    }

    private static void bindPeriod(PreparedStatement s, String orgCode, Timestamp from, Timestamp to)
            throws SQLException {
        s.setString(1, orgCode);
        s.setTimestamp(2, from);
        s.setTimestamp(3, to);
    }

    private static long[] pair(Connection c, String sql, String orgCode, Timestamp from, Timestamp to)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            bindPeriod(s, orgCode, from, to);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return new long[] {rs.getLong(1), rs.getLong(2)};
            }
        }
    }

    /**
     * Attaches a report document that arrived as a DICOM object (Encapsulated PDF, Structured Report) to the reports
     * of its study: the PDF where they have none, the text as findings where they have none.
     *
     * @return how many reports it was attached to; 0 when the study has none yet
     */
    public int attachDocument(String studyInstanceUid, byte[] pdf, String findings) {
        return transactor.inTransaction("attach a report document to study " + studyInstanceUid, c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE reports SET pdf = coalesce(pdf, ?),"
                    + " image_findings = coalesce(image_findings, ?), updated_at = now()"
                    + " WHERE study_instance_uid = ? AND cancelled_at IS NULL")) {
                s.setBytes(1, pdf);
                s.setString(2, findings);
                s.setString(3, studyInstanceUid);
                return s.executeUpdate();
            }
        });
    }

    /** The report's PDF, if it has one and is not cancelled. */
    public Optional<byte[]> pdf(String orgCode, String reportFormNo) {
        return transactor.inTransaction("read the PDF of report " + orgCode + "/" + reportFormNo, c -> {
            try (PreparedStatement s = c.prepareStatement(PDF)) {
                s.setString(1, orgCode);
                s.setString(2, reportFormNo);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.ofNullable(rs.getBytes(1)) : Optional.<byte[]>empty();
                }
            }
        });
    }
}
