package org.hrnode.node.config;

import java.util.Optional;

/**
 * The QC-centre console's settings.
 *
 * @param viewerUrlTemplate the viewer a study opens in, {@code {study}} standing for its Study Instance UID
 *                          (e.g. {@code http://host/viewer?StudyInstanceUIDs={study}}); empty: no viewer link
 * @param minConfidence     a best catalogue match below this confidence (0-1) puts a study on the worklist
 */
public record ConsoleSettings(Optional<String> viewerUrlTemplate, double minConfidence) {

    /** Where the template names the study. */
    public static final String STUDY_PLACEHOLDER = "{study}";

    public ConsoleSettings {
        if (minConfidence < 0 || minConfidence > 1) {
            throw new IllegalArgumentException("minConfidence must be 0-1, not " + minConfidence);
        }
    }
}
