package org.hrnode.storage.qc;

/**
 * A study's QC job as one worker holds it under a lease.
 *
 * @param generation the generation being judged; instances recorded after the claim raise the job's generation, so
 *                   the study is judged again once this run is done
 * @param claimId    fences the result: only the holder of this claim can complete or fail the job
 * @param attempts   earlier failed runs since the last new instance
 */
public record ClaimedJob(long studyPk, String studyInstanceUid, long generation, String claimId, int attempts) {
}
