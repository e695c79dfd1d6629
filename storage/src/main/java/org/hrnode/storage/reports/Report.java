package org.hrnode.storage.reports;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

/**
 * One diagnostic imaging report as the Xinjiang interface spec models it (§1.2.2.3 {@code exammaster} with its
 * {@code exam_subitem} items), as stored. Keyed by {@code orgCode} + {@code reportFormNo}. Times are local wall-clock
 * times of the reporting institution, as the spec writes them. Optional fields are null when absent.
 *
 * @param state    0 registered, 1 examined, 2 written, 3 authenticated, 4 revised
 * @param idTypeCode STD_ID_TYPE (01 resident identity card …); with {@code idNo} the patient's identity
 * @param abnormal whether the conclusion is abnormal (the spec's {@code is_abnormal}: 1 normal, 0 abnormal)
 * @param orderPriority STD_PRIORITY: S emergency, R routine, A as soon as possible, P pre-operative, 9 time-critical
 * @param pdf      the report as PDF, or null
 * @param source   json, xml or dicom: how it arrived
 */
public record Report(String orgCode, String reportFormNo, int state, String idTypeCode, String idNo,
                     String patientId, String patientName, String eventType, String eventNo, String applyFormNo,
                     String studyInstanceUid, String pacsId, String accessionNumber, String classCode,
                     String className, String reportTitle, LocalDateTime performedAt, String imageFindings,
                     String conclusion, Boolean abnormal, String authorId, String authorName,
                     LocalDateTime authoredAt, String authenticatorId, String authenticatorName,
                     LocalDateTime authenticatedAt, String orderPriority, String performerDeptCode,
                     String performerDeptName, String participantDeptCode, String participantDeptName,
                     String pacsUrl, byte[] pdf, String source, List<Item> items) {

    /** One {@code exam_subitem}: a standard exam item the report covers. */
    public record Item(String examItemCode, String examItemName, String examSiteCode, String bodyPartName,
                       boolean recognition) {
        public Item {
            Objects.requireNonNull(examItemCode, "examItemCode");
            Objects.requireNonNull(examItemName, "examItemName");
        }
    }

    public Report {
        Objects.requireNonNull(orgCode, "orgCode");
        Objects.requireNonNull(reportFormNo, "reportFormNo");
        Objects.requireNonNull(idTypeCode, "idTypeCode");
        Objects.requireNonNull(idNo, "idNo");
        Objects.requireNonNull(source, "source");
        items = List.copyOf(items);
    }

    /** The report without its patient identity, for log lines and messages. */
    @Override
    public String toString() {
        return "Report[" + orgCode + "/" + reportFormNo + ", state " + state + ", " + items.size() + " items]";
    }
}
