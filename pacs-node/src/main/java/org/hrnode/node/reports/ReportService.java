package org.hrnode.node.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.hrnode.storage.reports.PostgresReports;
import org.hrnode.storage.reports.Report;
import org.hrnode.storage.reports.ReportSaved;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Report ingest (ArchiveAutoReport) and cancellation (DeleteExamInfo). Log lines name reports by institution and
 * report number only, never by patient.
 */
public final class ReportService {

    private static final Logger LOG = LoggerFactory.getLogger(ReportService.class);

    private final PostgresReports reports;

    public ReportService(PostgresReports reports) {
        this.reports = Objects.requireNonNull(reports, "reports");
    }

    /** What happened to one submitted report. */
    public record Stored(String orgCode, String reportFormNo, boolean created, String linkedStudyUid) {
    }

    /** Stores each report (one transaction each: a valid request has been checked whole before). */
    public List<Stored> store(List<Report> submitted, String by) {
        List<Stored> stored = new ArrayList<>();
        for (Report r : submitted) {
            ReportSaved saved = reports.save(r);
            LOG.info("event=report_stored org={} report_form_no={} state={} items={} created={} linked_study={}"
                    + " source={} by={}", r.orgCode(), r.reportFormNo(), r.state(), r.items().size(),
                    saved.created(), saved.linkedStudyUid(), r.source(), by);
            stored.add(new Stored(r.orgCode(), r.reportFormNo(), saved.created(), saved.linkedStudyUid()));
        }
        return stored;
    }

    /**
     * DeleteExamInfo with the spec's filter fields (org_code, report_form_no, id_no, id_type).
     *
     * @return false when no such report is stored for that patient
     */
    public boolean cancel(SpecRecord filter, String by) {
        String org = filter.required("org_code");
        String no = filter.required("report_form_no");
        String idType = filter.optional("id_type") != null ? filter.optional("id_type")
                : filter.optional("id_type_code");
        String idNo = filter.optional("id_no");
        IdTypes.check(filter.name() + ".", "id_type", idType, "id_no", idNo);
        boolean cancelled = reports.cancel(org, no, idType, idNo);
        LOG.info("event=report_cancel org={} report_form_no={} cancelled={} by={}", org, no, cancelled, by);
        return cancelled;
    }
}
