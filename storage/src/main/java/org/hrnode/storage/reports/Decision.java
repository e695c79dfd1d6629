package org.hrnode.storage.reports;

import java.time.LocalDateTime;

/**
 * A clinician's record about one item of a prior report (SubmitAccept, or SubmitQuote when {@code accepted} is
 * null): which visit, department and doctor, and for a rejection the reason code (spec §3.13, 1-10).
 *
 * @param accepted true accepted, false rejected, null a quotation into the medical record
 */
public record Decision(long reportPk, String itemCode, Boolean accepted, Integer reason, String newEventNo,
                       String newEventType, String orgCode, String deptCode, String deptName, String docCode,
                       String docName, LocalDateTime recordTime, String principal, String consentId) {
}
