package org.hrnode.aiqc.pipeline;

/** A study could not be judged (an object unreadable from storage, an engine failure); the pipeline retries later. */
public class AssessmentException extends Exception {

    public AssessmentException(String message) {
        super(message);
    }

    public AssessmentException(String message, Throwable cause) {
        super(message, cause);
    }
}
