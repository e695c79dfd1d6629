package org.hrnode.node.reports;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.hrnode.aiqc.pipeline.NonRecognitionReason;
import org.hrnode.storage.reports.Consent;
import org.hrnode.storage.reports.Decision;
import org.hrnode.storage.reports.PostgresReports;

/**
 * Reads and checks SubmitAccept ({@code sehr_accept_record}) and SubmitQuote ({@code sehr_quote_record}) items
 * (spec §1.3.2.5-6): the prior report and its item must be stored, the patient must be the consent's, a rejection
 * needs a reason from the non-recognition dictionary (§3.13, 1-10) and an acceptance must not carry one.
 */
public final class DecisionRecords {

    private static final String EXAM = "1";

    private final PostgresReports reports;

    public DecisionRecords(PostgresReports reports) {
        this.reports = Objects.requireNonNull(reports, "reports");
    }

    /**
     * @param quotes true for SubmitQuote records, false for SubmitAccept
     */
    public List<Decision> read(List<SpecRecord> items, boolean quotes, Consent consent, String principal) {
        if (items.isEmpty()) {
            throw new InvalidField(quotes ? "sehr_quote_record" : "sehr_accept_record", "holds no item");
        }
        List<Decision> out = new ArrayList<>();
        for (SpecRecord r : items) {
            String org = r.required("hr_org_code");
            String no = r.required("hr_report_form_no");
            String code = r.required("code");
            String type = r.optional("type");
            if (type != null && !type.equals(EXAM)) {
                throw new InvalidField(r.name() + ".type", "'" + type + "': this node records exams (1) only;"
                        + " laboratory results (2) are not kept here");
            }
            IdTypes.check(r.name() + ".", "id_type_code", r.optional("id_type_code"), "id_no", r.optional("id_no"));
            if (!consent.idTypeCode().equals(r.optional("id_type_code")) || !consent.idNo().equals(r.optional("id_no"))) {
                throw new ConsentRequired(r.name() + " is about another patient than consent "
                        + consent.consentId() + " was given by");
            }
            PostgresReports.ReportRef ref = reports.reportRef(org, no, code).orElseThrow(() -> new InvalidField(
                    r.name() + ".hr_report_form_no", "no report " + org + "/" + no + " is stored"));
            if (!ref.idTypeCode().equals(consent.idTypeCode()) || !ref.idNo().equals(consent.idNo())) {
                throw new InvalidField(r.name() + ".hr_report_form_no", "report " + org + "/" + no
                        + " is another patient's");
            }
            if (!ref.hasItem()) {
                throw new InvalidField(r.name() + ".code", "report " + org + "/" + no + " has no item " + code);
            }
            Boolean accepted = null;
            Integer reason = null;
            if (!quotes) {
                accepted = r.flag("is_accept", "1", "2");
                if (accepted == null) {
                    throw new InvalidField(r.name() + ".is_accept", "is required (1 accepted, 2 rejected)");
                }
                reason = r.integer("reason", 1, NonRecognitionReason.values().length);
                if (!accepted && reason == null) {
                    throw new InvalidField(r.name() + ".reason", "is required when is_accept is 2: a code of the"
                            + " non-recognition reason dictionary (1-10)");
                }
                if (accepted && reason != null) {
                    throw new InvalidField(r.name() + ".reason", "must be empty when the item is accepted");
                }
            }
            LocalDateTime recordTime = r.requiredTime("record_time");
            out.add(new Decision(ref.pk(), code, accepted, reason, r.required("new_event_no"),
                    r.required("new_event_type"), consent.orgCode(), r.required("dept_code"), r.optional("dept_name"),
                    r.required("doc_code"), r.optional("doc_name"), recordTime, principal, consent.consentId()));
        }
        return out;
    }

    /** The dictionary entry of a reason code. */
    public static NonRecognitionReason reason(int code) {
        for (NonRecognitionReason r : NonRecognitionReason.values()) {
            if (r.code() == code) {
                return r;
            }
        }
        throw new IllegalArgumentException("no non-recognition reason " + code);
    }
}
