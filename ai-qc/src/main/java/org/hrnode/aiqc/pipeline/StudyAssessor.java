package org.hrnode.aiqc.pipeline;

/**
 * The port through which the QC pipeline has a study judged: catalogue matching, checks and grading, behind one
 * method. The pipeline owns when a study is judged (stable, durable queue, re-runs) and what follows from the
 * judgement (HR eligibility, the stored result, the mark); an assessor owns only the judgement.
 *
 * <p>Implementations must be thread-safe (the node judges several studies at once), must not keep the
 * {@link StudyInput} beyond the call, and should open each instance's pixels only when a check needs them.
 * A failure (an unreadable object, an engine error) is thrown; the pipeline records it and retries the study later.
 * A study the assessor can judge but finds bad (undecodable pixels, missing slices) is not a failure: it is an
 * assessment with vetoes.
 */
@FunctionalInterface
public interface StudyAssessor {

    /**
     * Judges one study as it is stored now.
     *
     * @throws AssessmentException when the study could not be judged at all
     */
    StudyAssessment assess(StudyInput study) throws AssessmentException;
}
