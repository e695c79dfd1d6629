package org.hrnode.node.reports;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hrnode.storage.reports.Report;

/**
 * Turns the spec's {@code exammaster} and {@code exam_subitem} records into {@link Report}s, checking each field
 * (§1.2.2.3): keys, state, patient identity, times, flags, items; an authenticated report (state 3 or 4) also needs
 * its conclusion and authentication time.
 */
public final class ReportRecords {

    /**
     * The largest PDF accepted in a submitted record (Base64-decoded): the HTTP server caps request bodies at 2 MiB
     * (the resources read them whole), and Base64 grows the bytes by a third. A report PDF is a few hundred
     * kilobytes; larger ones can arrive as DICOM Encapsulated PDF.
     */
    public static final int MAX_PDF_BYTES = 1536 * 1024;
    private static final int AUTHENTICATED = 3;
    private static final int MAX_UID = 64;

    private ReportRecords() {
    }

    /** One {@code exammaster} record with its {@code exam_subitem} records. */
    public record Submitted(SpecRecord master, List<SpecRecord> items) {
    }

    /** Reports of the JSON form: each master object carries its items in its {@code exam_subitem} array. */
    public static List<Report> reports(List<Submitted> submitted, String source) {
        if (submitted.isEmpty()) {
            throw new InvalidField("exammaster", "no report in the request");
        }
        List<Report> reports = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        for (Submitted s : submitted) {
            SpecRecord m = s.master();
            String org = m.required("org_code");
            String no = m.required("report_form_no");
            if (!keys.add(org + "\u0000" + no)) {
                throw new InvalidField(m.name() + ".report_form_no", "report " + org + "/" + no
                        + " appears twice in one request");
            }
            List<Report.Item> items = new ArrayList<>();
            Set<String> codes = new HashSet<>();
            for (SpecRecord i : s.items()) {
                mustMatch(i, "org_code", org);
                mustMatch(i, "report_form_no", no);
                Report.Item item = item(i);
                if (!codes.add(item.examItemCode())) {
                    throw new InvalidField(i.name() + ".exam_item_code", "item " + item.examItemCode()
                            + " appears twice in report " + org + "/" + no);
                }
                items.add(item);
            }
            reports.add(report(m, org, no, items, source));
        }
        return reports;
    }

    /**
     * Reports of the XML form: {@code exam_subitem} items stand beside the masters and name theirs by org_code and
     * report_form_no.
     */
    public static List<Report> fromSections(List<SpecRecord> masters, List<SpecRecord> subitems, String source) {
        List<Submitted> submitted = new ArrayList<>();
        Set<SpecRecord> used = new HashSet<>();
        for (SpecRecord m : masters) {
            String org = m.required("org_code");
            String no = m.required("report_form_no");
            List<SpecRecord> items = new ArrayList<>();
            for (SpecRecord i : subitems) {
                if (org.equals(i.required("org_code")) && no.equals(i.required("report_form_no"))) {
                    items.add(i);
                    used.add(i);
                }
            }
            submitted.add(new Submitted(m, items));
        }
        for (SpecRecord i : subitems) {
            if (!used.contains(i)) {
                throw new InvalidField(i.name() + ".report_form_no", "belongs to no exammaster item of the request"
                        + " (org_code " + i.optional("org_code") + ", report_form_no " + i.optional("report_form_no")
                        + ")");
            }
        }
        return reports(submitted, source);
    }

    private static void mustMatch(SpecRecord item, String field, String masterValue) {
        String v = item.optional(field);
        if (v != null && !v.equals(masterValue)) {
            throw new InvalidField(item.name() + "." + field, "'" + v + "' differs from its exammaster's '"
                    + masterValue + "'");
        }
    }

    private static Report.Item item(SpecRecord s) {
        Boolean recognition = s.flag("recognition", "1", "0");
        if (recognition == null) {
            throw new InvalidField(s.name() + ".recognition", "is required (1 recognisable, 0 not)");
        }
        return new Report.Item(s.required("exam_item_code"), s.required("exam_item_name"),
                s.optional("exam_site_code"), s.optional("body_part_name"), recognition);
    }

    private static Report report(SpecRecord m, String org, String no, List<Report.Item> items, String source) {
        Integer state = m.integer("state", 0, 4);
        if (state == null) {
            throw new InvalidField(m.name() + ".state", "is required (0 registered … 3 authenticated, 4 revised)");
        }
        String idType = m.optional("id_type_code");
        String idNo = m.optional("id_no");
        IdTypes.check(m.name() + ".", "id_type_code", idType, "id_no", idNo);
        String studyUid = m.optional("study_instance_uid");
        String pacsId = m.optional("pacs_id");
        String accession = m.optional("accession_number");
        if (studyUid == null && pacsId == null && accession == null) {
            throw new InvalidField(m.name() + ".study_instance_uid", "is required (or pacs_id / accession_number)"
                    + " to link the report to its images");
        }
        if (studyUid != null && (studyUid.length() > MAX_UID || !studyUid.matches("[0-9]+(\\.[0-9]+)*"))) {
            throw new InvalidField(m.name() + ".study_instance_uid", "'" + studyUid + "' is not a DICOM UID");
        }
        LocalDateTime performed = m.requiredTime("performer_dtime");
        LocalDateTime authenticated = m.time("authenticator_dtime");
        String conclusion = m.optional("conclusion");
        if (state >= AUTHENTICATED) {
            if (authenticated == null) {
                throw new InvalidField(m.name() + ".authenticator_dtime", "is required for an authenticated"
                        + " report (state " + state + ")");
            }
            if (conclusion == null) {
                throw new InvalidField(m.name() + ".conclusion", "is required for an authenticated report (state "
                        + state + ")");
            }
        }
        if (items.isEmpty()) {
            throw new InvalidField("exam_subitem", "report " + org + "/" + no + " has no exam_subitem item");
        }
        // the spec codes is_abnormal as 1 normal, 0 abnormal
        Boolean normal = m.flag("is_abnormal", "1", "0");
        return new Report(org, no, state, idType, idNo, m.optional("patient_id"), m.optional("name"),
                m.optional("event_type"), m.optional("event_no"), m.optional("apply_form_no"), studyUid, pacsId,
                accession, m.code("class_code"), m.optional("class_name"), m.optional("report_title"), performed,
                m.optional("image_descr"), conclusion, normal == null ? null : !normal, m.optional("author_id"),
                m.optional("author_name"), m.time("author_dtime"), m.optional("authenticator_id"),
                m.optional("authenticator_name"), authenticated, m.code("order_priority"),
                m.optional("performer_dept_code"), m.optional("performer_dept_name"),
                m.optional("participant_dept_code"), m.optional("participant_dept_name"), m.optional("pacs_url"),
                pdf(m), source, items);
    }

    private static byte[] pdf(SpecRecord m) {
        String base64 = m.optionalUnbounded("pdf");
        if (base64 == null) {
            return null;
        }
        byte[] pdf;
        try {
            pdf = Base64.getMimeDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new InvalidField(m.name() + ".pdf", "is not Base64: " + e.getMessage());
        }
        if (pdf.length > MAX_PDF_BYTES) {
            throw new InvalidField(m.name() + ".pdf", "larger than " + MAX_PDF_BYTES + " bytes");
        }
        if (pdf.length < 5 || !new String(pdf, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1).equals("%PDF-")) {
            throw new InvalidField(m.name() + ".pdf", "is not a PDF (it does not start with %PDF-)");
        }
        return pdf;
    }
}
