package org.hrnode.storage.qc;

/**
 * A stored study's QC state.
 *
 * @param result     the latest stored result, or null before the first
 * @param generation instances recorded for the study so far (the job's generation)
 * @param pending    a newer run is due or running: instances arrived after the stored result's generation
 * @param attempts   failed runs since the last new instance
 * @param lastError  the last failure, or null
 */
public record QcStatus(QcResultRecord result, long generation, boolean pending, int attempts, String lastError) {
}
