package org.hrnode.aiqc.rules;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hrnode.aiqc.check.CheckDefinition;
import org.hrnode.aiqc.check.CheckResult;
import org.hrnode.aiqc.check.CheckTable;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.dict.Tag;

/**
 * G2 — the examination date and time make sense (spec §7.3.2.1 "检查时间一致"): Study Date is present and valid,
 * not in the future of the moment of judging, and every image was acquired inside the study (no earlier than the
 * study start minus a tolerance, no later than a number of hours after it). Acquisition time is Acquisition
 * DateTime, else Acquisition Date/Time, else Content Date/Time; images with none are not held against the study.
 */
public final class ExamDateRule implements HeaderRule {

    static final String ID = "G2";

    @Override
    public List<CheckResult> evaluate(StudyHeaders study, CheckTable table) {
        CheckDefinition check = table.require(ID);
        String threshold = check.describe("futureToleranceMinutes", "acquisitionBeforeStudyMinutes",
                "acquisitionAfterStudyHours");
        Dataset first = study.instances().getFirst();
        LocalDateTime studyStart = Headers.dateTime(first, Tag.StudyDate, Tag.StudyTime);
        Map<String, Double> values = new LinkedHashMap<>();
        if (studyStart == null) {
            return List.of(CheckResult.fail(check, "study", values, threshold,
                    "StudyDate is missing or not a valid date (" + quoted(Headers.string(first, Tag.StudyDate))
                            + ")"));
        }
        LocalDateTime now = study.judgedAt().toLocalDateTime();
        double minutesAhead = Duration.between(now, studyStart).toSeconds() / 60.0;
        values.put("studyStartMinutesAfterNow", round(minutesAhead));
        if (minutesAhead > check.param("futureToleranceMinutes")) {
            return List.of(CheckResult.fail(check, "study", values, threshold,
                    "the study date/time lies in the future"));
        }
        LocalDateTime earliest = studyStart.minusMinutes((long) check.param("acquisitionBeforeStudyMinutes"));
        LocalDateTime latest = studyStart.plusMinutes((long) (check.param("acquisitionAfterStudyHours") * 60));
        int outside = 0;
        int dated = 0;
        for (Dataset d : study.instances()) {
            LocalDateTime acquired = acquired(d);
            if (acquired == null) {
                continue;
            }
            dated++;
            if (acquired.isBefore(earliest) || acquired.isAfter(latest) || acquired.isAfter(now.plusMinutes(
                    (long) check.param("futureToleranceMinutes")))) {
                outside++;
            }
        }
        values.put("instancesWithAcquisitionTime", (double) dated);
        values.put("instancesAcquiredOutsideStudy", (double) outside);
        if (outside > 0) {
            return List.of(CheckResult.fail(check, "study", values, threshold, outside
                    + " image(s) acquired outside the study's date/time window"));
        }
        return List.of(CheckResult.pass(check, "study", values, threshold, "study and acquisition times agree"));
    }

    static LocalDateTime acquired(Dataset d) {
        LocalDateTime t = Headers.dateTime(d, Tag.AcquisitionDateTime);
        if (t == null) {
            t = Headers.dateTime(d, Tag.AcquisitionDate, Tag.AcquisitionTime);
        }
        if (t == null) {
            t = Headers.dateTime(d, Tag.ContentDate, Tag.ContentTime);
        }
        return t;
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static String quoted(String v) {
        return v == null ? "absent" : "'" + v + "'";
    }
}
