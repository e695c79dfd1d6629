package org.hrnode.node.quality;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * The report time limits of QCspec §7.1.1 (急诊 DR&lt;0.5 小时、CT/MRI&lt;2 小时，常规 CT/MRI&lt;24 小时，特殊检查项目及疑难病例
 * &lt;48 小时), from the exam to the authenticated report. Emergency means the order's STD_PRIORITY S (急诊); the
 * spec sets no limit for routine radiographs or other modalities, which are held to the widest one, 48 hours.
 */
public enum ReportTurnaround {
    EMERGENCY_RADIOGRAPHY("急诊 DR", Duration.ofMinutes(30)),
    EMERGENCY_CT_MR("急诊 CT/MRI", Duration.ofHours(2)),
    ROUTINE_CT_MR("常规 CT/MRI", Duration.ofHours(24)),
    SPECIAL_AND_OTHER("特殊检查及其他", Duration.ofHours(48));

    private static final Set<String> RADIOGRAPHY = Set.of("DR", "DX", "CR");
    private static final Set<String> CT_MR = Set.of("CT", "MR", "MRI");
    private static final String EMERGENCY = "S";

    private final String label;
    private final Duration limit;

    ReportTurnaround(String label, Duration limit) {
        this.label = label;
        this.limit = limit;
    }

    public String label() {
        return label;
    }

    public Duration limit() {
        return limit;
    }

    /** The class of a report by the exam's modality (the spec's class_code) and the order's priority. */
    public static ReportTurnaround of(String modality, String orderPriority) {
        String m = modality == null ? "" : modality.strip().toUpperCase(Locale.ROOT);
        boolean emergency = EMERGENCY.equalsIgnoreCase(orderPriority == null ? "" : orderPriority.strip());
        if (emergency && RADIOGRAPHY.contains(m)) {
            return EMERGENCY_RADIOGRAPHY;
        }
        if (CT_MR.contains(m)) {
            return emergency ? EMERGENCY_CT_MR : ROUTINE_CT_MR;
        }
        return SPECIAL_AND_OTHER;
    }
}
