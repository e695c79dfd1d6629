package org.hrnode.aiqc.pipeline;

import java.util.Objects;

/**
 * A finding that fails a study whatever its score (wrong or missing laterality, missing slices, single-plane MR,
 * undecodable pixels…).
 *
 * @param code a stable machine code, e.g. {@code MISSING_SLICES}
 * @param zh   what is wrong, in Chinese
 * @param en   what is wrong, in English
 */
public record Veto(String code, String zh, String en) {

    public Veto {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(zh, "zh");
        Objects.requireNonNull(en, "en");
    }
}
