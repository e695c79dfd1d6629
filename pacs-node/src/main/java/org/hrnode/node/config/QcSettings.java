package org.hrnode.node.config;

import java.time.Duration;
import java.util.Objects;
import org.hrnode.aiqc.pipeline.HrRules;

/**
 * The AI QC pipeline's settings.
 *
 * @param stable  a study is judged once no instance of it arrived for this long
 * @param workers studies judged at once on this node
 * @param poll    how often the node looks for due jobs it was not told about (stored through other nodes)
 * @param hr      the HR eligibility rule
 */
public record QcSettings(Duration stable, int workers, Duration poll, HrRules hr) {

    public QcSettings {
        Objects.requireNonNull(stable, "stable");
        Objects.requireNonNull(poll, "poll");
        Objects.requireNonNull(hr, "hr");
        if (workers < 1) {
            throw new IllegalArgumentException("at least one QC worker is needed, got " + workers);
        }
    }
}
