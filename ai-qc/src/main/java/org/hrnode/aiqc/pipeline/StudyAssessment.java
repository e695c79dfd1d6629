package org.hrnode.aiqc.pipeline;

import java.util.List;
import java.util.Objects;

/**
 * What an assessor concluded about one study.
 *
 * @param items        the catalogue items the study matched, best first; empty when it matched none
 * @param explanation  why these items (or none) were matched, for people
 * @param score        0-100
 * @param grade        the grade the score and findings give
 * @param vetoes       findings that fail the study whatever its score; empty when none
 * @param checks       every check's outcome, for display
 * @param modelVersion identifies the engines and model weights that judged, so results can be traced and re-run
 */
public record StudyAssessment(List<CatalogueMatch> items, String explanation, double score, Grade grade,
                              List<Veto> vetoes, List<CheckResult> checks, String modelVersion) {

    public StudyAssessment {
        items = List.copyOf(items);
        vetoes = List.copyOf(vetoes);
        checks = List.copyOf(checks);
        Objects.requireNonNull(explanation, "explanation");
        Objects.requireNonNull(grade, "grade");
        Objects.requireNonNull(modelVersion, "modelVersion");
        if (!(score >= 0 && score <= 100)) {
            throw new IllegalArgumentException("score must be within 0-100, got " + score);
        }
    }
}
