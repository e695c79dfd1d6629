package org.hrnode.aiqc.pipeline;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The "川渝 HR" eligibility rule (issue 6, 川渝 spec §6.4-§6.5, §7.1) as a pure function of a study's assessment, what
 * the archive knows of it, and today's date. Eligible when all hold:
 * <ol>
 *   <li>a catalogue item matched ({@value #NOT_IN_CATALOGUE} otherwise);</li>
 *   <li>the institution is known ({@value #INSTITUTION_UNKNOWN}) and was recognised for a matched item on the exam
 *       day ({@value #INSTITUTION_NOT_RECOGNISED});</li>
 *   <li>every instance is stored lossless ({@value #NOT_STORED_LOSSLESS}, Xinjiang code 6);</li>
 *   <li>the grade is the configured minimum or better ({@value #GRADE_BELOW_MINIMUM}, code 6);</li>
 *   <li>no veto ({@value #VETO_PREFIX}{@code <code>} per veto, code 6);</li>
 *   <li>the exam date is known ({@value #EXAM_DATE_UNKNOWN}) and today is within the window after it
 *       ({@value #OUTSIDE_WINDOW}, code 1: an older result no longer reflects the patient's condition).</li>
 * </ol>
 * A late upload is {@value #LATE_UPLOAD}: a defect, or a reason when {@link HrRules#lateUploadVeto()}. Every failing
 * condition is reported, not only the first, so an institution sees all it has to fix.
 */
public final class HrEligibility {

    public static final String NOT_IN_CATALOGUE = "NOT_IN_CATALOGUE";
    public static final String INSTITUTION_UNKNOWN = "INSTITUTION_UNKNOWN";
    public static final String INSTITUTION_NOT_RECOGNISED = "INSTITUTION_NOT_RECOGNISED";
    public static final String NOT_STORED_LOSSLESS = "NOT_STORED_LOSSLESS";
    public static final String GRADE_BELOW_MINIMUM = "GRADE_BELOW_MINIMUM";
    public static final String VETO_PREFIX = "VETO:";
    public static final String EXAM_DATE_UNKNOWN = "EXAM_DATE_UNKNOWN";
    public static final String OUTSIDE_WINDOW = "OUTSIDE_RECOGNITION_WINDOW";
    public static final String LATE_UPLOAD = "LATE_UPLOAD";

    private final HrRules rules;

    public HrEligibility(HrRules rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    public HrRules rules() {
        return rules;
    }

    /**
     * @param today the current day in the node's time zone
     */
    public HrVerdict judge(StudyAssessment assessment, StudyFacts facts, LocalDate today) {
        List<IneligibilityReason> reasons = new ArrayList<>();
        List<IneligibilityReason> defects = new ArrayList<>();
        List<Integer> recognised = new ArrayList<>();
        if (assessment.items().isEmpty()) {
            reasons.add(new IneligibilityReason(NOT_IN_CATALOGUE, null, "检查不属于川渝互认项目目录",
                    "the examination matches no item of the mutual-recognition catalogue"));
        } else if (facts.institutionCode() == null) {
            reasons.add(new IneligibilityReason(INSTITUTION_UNKNOWN, null, "无法确定检查机构（发送方不在AE登记中）",
                    "the examining institution is unknown (the sending AE is not in the AE registry)"));
        } else {
            LocalDate day = facts.examDate() != null ? facts.examDate() : today;
            for (CatalogueMatch item : assessment.items()) {
                if (facts.recognitions().stream().anyMatch(r -> r.itemNo() == item.no() && r.coversDay(day))) {
                    recognised.add(item.no());
                }
            }
            if (recognised.isEmpty()) {
                String items = assessment.items().stream().map(i -> i.no() + " " + i.name()).toList().toString();
                reasons.add(new IneligibilityReason(INSTITUTION_NOT_RECOGNISED, null,
                        "机构 " + facts.institutionCode() + " 未获该项目互认资格：" + items,
                        "institution " + facts.institutionCode() + " is not recognised for " + items));
            }
        }
        if (!facts.storedLossless()) {
            reasons.add(new IneligibilityReason(NOT_STORED_LOSSLESS, NonRecognitionReason.IMAGE_QUALITY,
                    "影像未以无损方式存储（有损压缩）", "images are not stored lossless (lossy compression)"));
        }
        if (!assessment.grade().isAtLeast(rules.minimumGrade())) {
            reasons.add(new IneligibilityReason(GRADE_BELOW_MINIMUM, NonRecognitionReason.IMAGE_QUALITY,
                    "质控等级" + assessment.grade().label() + "低于要求的" + rules.minimumGrade().label(),
                    "QC grade " + assessment.grade().label() + " (" + assessment.grade() + ") is below the required "
                            + rules.minimumGrade().label() + " (" + rules.minimumGrade() + ")"));
        }
        for (Veto veto : assessment.vetoes()) {
            reasons.add(new IneligibilityReason(VETO_PREFIX + veto.code(), NonRecognitionReason.IMAGE_QUALITY,
                    veto.zh(), veto.en()));
        }
        LocalDate lastDay = null;
        if (facts.examDate() == null) {
            reasons.add(new IneligibilityReason(EXAM_DATE_UNKNOWN, null, "无法确定检查日期",
                    "the examination date is unknown (no Study Date or acquisition time)"));
        } else {
            lastDay = facts.examDate().plus(rules.window());
            if (today.isAfter(lastDay)) {
                reasons.add(outsideWindow(facts.examDate(), lastDay));
            }
        }
        if (facts.lateUpload()) {
            IneligibilityReason late = new IneligibilityReason(LATE_UPLOAD, null, "影像上传不及时（数据质量缺陷）",
                    "images were uploaded late (a data-quality defect)");
            (rules.lateUploadVeto() ? reasons : defects).add(late);
        }
        return new HrVerdict(reasons.isEmpty(), recognised, reasons, defects, facts.examDate(), lastDay);
    }

    /**
     * The reason given when the window has passed: at judging time, or later, when a stored eligible result is read
     * after its window's last day.
     */
    public static IneligibilityReason outsideWindow(LocalDate examDate, LocalDate lastDay) {
        return new IneligibilityReason(OUTSIDE_WINDOW, NonRecognitionReason.CONDITION_CHANGED,
                "检查日期" + examDate + "已超出互认时限（至" + lastDay + "）",
                "examined on " + examDate + ", past the recognition window (until " + lastDay + ")");
    }
}
