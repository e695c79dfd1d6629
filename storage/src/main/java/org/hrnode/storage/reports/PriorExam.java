package org.hrnode.storage.reports;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A patient's earlier exam as a clinician's recognition query sees it: the report, its items, and the AI QC verdict of
 * the linked study.
 *
 * @param qcHrEligible    the study's QC result says HR eligible (null: no linked study, or not judged yet)
 * @param qcWindowEnd     the last day the QC result is recognised, or null
 * @param qcItemsJson     the 川渝 catalogue items QC found in the study (qc_results.items), or null without a result
 */
public record PriorExam(long reportPk, String orgCode, String orgName, String reportFormNo, int state,
                        String className, String reportTitle, LocalDateTime performedAt,
                        LocalDateTime authenticatedAt, String conclusion, Boolean abnormal, String pacsUrl,
                        boolean hasPdf, String studyInstanceUid, Boolean qcHrEligible, LocalDate qcWindowEnd,
                        String qcItemsJson, List<Report.Item> items) {
}
