package org.hrnode.aiqc.pipeline;

import java.util.Objects;

/**
 * Why a study is not eligible for the "川渝 HR" mark (or, as a data-quality defect, what is wrong with it without
 * barring it).
 *
 * @param code      our machine code ({@link HrEligibility} lists them); a veto's reason is {@code VETO:<veto code>}
 * @param xinjiang  the entry of the Xinjiang non-recognition dictionary this maps to, or null where none applies
 * @param zh        the reason in Chinese
 * @param en        the reason in English
 */
public record IneligibilityReason(String code, NonRecognitionReason xinjiang, String zh, String en) {

    public IneligibilityReason {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(zh, "zh");
        Objects.requireNonNull(en, "en");
    }

    /** The Xinjiang dictionary code (1-10), or null. */
    public Integer xinjiangCode() {
        return xinjiang == null ? null : xinjiang.code();
    }
}
