package org.hrnode.aiqc.pipeline;

/**
 * The non-recognition reason dictionary (不予互认理由字典) of the Xinjiang mutual-recognition interface spec §3.13,
 * code for code, so a verdict can be reported to a platform that speaks it. Most entries are a clinician's decision
 * at the point of care; the archive can only ever give {@link #IMAGE_QUALITY} and, for an old study,
 * {@link #CONDITION_CHANGED}.
 */
public enum NonRecognitionReason {
    CONDITION_CHANGED(1, "因病情变化, 已有的检验、检查结果难以反映病人当前实际病情的项目"),
    FAST_CHANGING(2, "检查、检验结果与疾病发展关联程度高、变化幅度大的项目"),
    MAJOR_INTERVENTION(3, "检验、检查项目意义重大的, 如手术、输血等重大医疗措施前的检验检查等"),
    INCONSISTENT_WITH_CONDITION(4, "原检查、检验结果与目前病情明显不符的"),
    RESULT_DOUBTED(5, "认为原检查诊断结果有疑的"),
    IMAGE_QUALITY(6, "图像质量和方法不能满足诊断要求的医学影像学检查"),
    EMERGENCY(7, "急诊、急救等抢救生命的紧急状态下"),
    PATIENT_REQUEST(8, "患者或其家属要求进一步复查的"),
    FORENSIC(9, "司法、伤残及病退等鉴定所需的"),
    OTHER(10, "其他符合诊疗需要，确需进行复查的情形");

    private final int code;
    private final String name;

    NonRecognitionReason(int code, String name) {
        this.code = code;
        this.name = name;
    }

    /** The code as the dictionary numbers it (1-10). */
    public int code() {
        return code;
    }

    /** The entry's name as the dictionary writes it. */
    public String dictionaryName() {
        return name;
    }
}
