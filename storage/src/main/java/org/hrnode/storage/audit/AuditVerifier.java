package org.hrnode.storage.audit;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Recomputes the SM3 chain from the newest anchor (or the start) through the newest row. A modified row fails its
 * own hash; a deleted row leaves a gap in the sequence and breaks the next hash; an inserted row breaks the chain
 * where it sits. Removal of the newest rows is seen only against a head noted earlier ({@link Result#headHash}), which
 * is why verification prints it.
 */
public final class AuditVerifier {

    /**
     * @param rowsChecked rows whose hash was recomputed
     * @param problem the first break found, empty when the chain is intact
     * @param headSeq the newest row's sequence number (the anchor's when no rows remain)
     * @param headHash its hash, hex
     */
    public record Result(long rowsChecked, Optional<String> problem, long headSeq, String headHash) {
        public boolean intact() {
            return problem.isEmpty();
        }
    }

    private final PostgresAuditLog log;

    public AuditVerifier(PostgresAuditLog log) {
        this.log = log;
    }

    public Result verify() throws Exception {
        PostgresAuditLog.Anchor anchor = log.latestAnchor();
        long[] expectedSeq = {anchor.throughSeq() + 1};
        byte[][] previous = {anchor.hash()};
        long[] checked = {0};
        String[] problem = {null};
        log.forEach(anchor.throughSeq(), r -> {
            if (problem[0] != null) {
                return;
            }
            if (r.seq() != expectedSeq[0]) {
                problem[0] = "row " + expectedSeq[0] + (r.seq() > expectedSeq[0]
                        ? " is missing (next row is " + r.seq() + "): rows were deleted"
                        : " appears twice");
                return;
            }
            byte[] expected = AuditChain.hash(previous[0], r.seq(), r.event());
            if (!Arrays.equals(expected, r.hash())) {
                problem[0] = "row " + r.seq() + " does not match its hash: it, or a row before it, was changed"
                        + " or inserted";
                return;
            }
            checked[0]++;
            previous[0] = r.hash();
            expectedSeq[0]++;
        });
        return new Result(checked[0], Optional.ofNullable(problem[0]), expectedSeq[0] - 1,
                HexFormat.of().formatHex(previous[0]));
    }
}
