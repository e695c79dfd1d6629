package org.hrnode.aiqc.pipeline;

import java.util.Objects;

/**
 * One check's outcome, carried through the pipeline as it is and shown by the API; the pipeline judges nothing from
 * it (the grade and the vetoes say what counts).
 *
 * @param id     the check's stable id, e.g. {@code ct.slice_continuity}
 * @param scope  what was checked: {@code study}, or a Series or SOP Instance UID
 * @param passed whether it passed; null when it did not apply
 * @param value  the measured value (a number, text, or null), as JSON will show it
 * @param zh     the explanation, in Chinese
 * @param en     the explanation, in English
 */
public record CheckResult(String id, String scope, Boolean passed, Object value, String zh, String en) {

    public CheckResult {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(scope, "scope");
    }
}
