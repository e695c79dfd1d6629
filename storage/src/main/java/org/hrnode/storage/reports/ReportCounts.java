package org.hrnode.storage.reports;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * What the data-quality report needs of one institution's reports over a period (QCspec §7.1.1-7.1.2 and the
 * Xinjiang daily report upload, §1.2.2.5).
 *
 * @param turnaround        authenticated reports of exams performed in the period
 * @param reports           reports (not cancelled) of exams performed in the period
 * @param reportsWithImages those linked to a stored study
 * @param studies           the institution's studies with an instance that arrived in the period
 * @param studiesWithReport those with a report (not cancelled)
 * @param daily             authenticated reports per day and ordering department
 */
public record ReportCounts(List<Turnaround> turnaround, long reports, long reportsWithImages, long studies,
                           long studiesWithReport, List<DailyCount> daily) {

    /** One report's exam time and authentication time, with what decides its time limit. */
    public record Turnaround(String modality, String orderPriority, LocalDateTime performedAt,
                             LocalDateTime authenticatedAt) {
    }

    /** Reports authenticated on {@code day} for the ordering department. */
    public record DailyCount(LocalDate day, String deptCode, String deptName, long exams) {
    }
}
