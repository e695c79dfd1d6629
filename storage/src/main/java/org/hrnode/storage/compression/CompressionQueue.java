package org.hrnode.storage.compression;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.hrnode.storage.db.Transactor;
import org.hrnode.storage.index.StoredObject;

/**
 * The durable queue of instances whose uncompressed pixels are to be re-encoded losslessly (table
 * {@code compression_queue}, V5 and V15). Entries are written by the index in the transaction that records an
 * instance ({@link StoredObject#awaitsCompression()}); workers on any node claim, finish and fail them here.
 *
 * <p>A claim takes due entries with {@code FOR UPDATE SKIP LOCKED}, so concurrent claimers, on one node or several,
 * never take the same entry, and marks each with a fresh claim id and a lease. Finishing, failing and renewing are
 * fenced by the claim id: a worker that overran its lease, whose entry was meanwhile claimed again, changes nothing.
 * A failed attempt is due again after a backoff ({@code retry_at}); all times are the database's {@code now()}.
 *
 * <p>{@link #complete} is the one step that changes what the archive serves: in one transaction it points the
 * instance at the compressed blob and removes the entry, and only if the claim still holds and the instance still
 * has the blob that was queued (a newer version that arrived meanwhile wins; the caller then deletes the blob it
 * wrote). It is a lossless re-encoding, not a new version: the version number stays, and the digest of the bytes as
 * received is kept so a resend of the same object is still a duplicate.
 */
public final class CompressionQueue {

    /** Due = not leased (or its lease ran out), not waiting to retry, attempts left. */
    private static final String DUE = """
            (q.lease_until IS NULL OR q.lease_until < now()) AND (q.retry_at IS NULL OR q.retry_at <= now())
            AND q.attempts < ?""";

    private static final String CLAIM = """
            WITH due AS (
                SELECT q.instance_fk FROM compression_queue q
                WHERE %s
                ORDER BY q.queued_at, q.instance_fk
                LIMIT ?
                FOR UPDATE SKIP LOCKED)
            UPDATE compression_queue q SET claim_id = ? || ':' || q.instance_fk, claimed_by = ?,
                lease_until = now() + make_interval(secs => ?)
            FROM due, instances i
            WHERE q.instance_fk = due.instance_fk AND i.pk = q.instance_fk
            RETURNING q.instance_fk, i.sop_instance_uid, q.blob_key, i.transfer_syntax_uid, i.size_bytes, q.attempts,
                q.claim_id""".formatted(DUE);

    /** Seconds until the first entry with attempts left may be claimed: lease over, retry time reached. */
    private static final String NEXT_DUE = """
            SELECT EXTRACT(EPOCH FROM (GREATEST(COALESCE(lease_until, '-infinity'), COALESCE(retry_at, '-infinity'))
                   - now()))
            FROM compression_queue WHERE attempts < ?
            ORDER BY 1 LIMIT 1""";

    private static final String ENTRY = """
            SELECT q.instance_fk, i.sop_instance_uid, q.blob_key, i.transfer_syntax_uid, i.size_bytes, q.attempts,
                q.claim_id, q.claimed_by, q.last_error
            FROM compression_queue q JOIN instances i ON i.pk = q.instance_fk
            WHERE i.sop_instance_uid = ?""";

    /** Fenced by claim and blob: a new version re-queues the instance with its own blob and no claim. */
    private static final String REMOVE_CLAIMED =
            "DELETE FROM compression_queue WHERE instance_fk = ? AND claim_id = ? AND blob_key = ?";

    private static final String POINT_AT_COMPRESSED = """
            UPDATE instances SET transfer_syntax_uid = ?, size_bytes = ?, received_sha256 = COALESCE(received_sha256,
                sha256), sha256 = ?, blob_key = ?, metadata = ?
            WHERE pk = ? AND blob_key = ?""";

    private static final String FAIL = """
            UPDATE compression_queue SET attempts = attempts + 1, last_error = ?,
                retry_at = now() + make_interval(secs => ?), claim_id = NULL, claimed_by = NULL, lease_until = NULL
            WHERE instance_fk = ? AND claim_id = ?""";

    private static final String RELEASE = """
            UPDATE compression_queue SET claim_id = NULL, claimed_by = NULL, lease_until = NULL
            WHERE instance_fk = ? AND claim_id = ?""";

    private static final String RENEW = """
            UPDATE compression_queue SET lease_until = now() + make_interval(secs => ?)
            WHERE instance_fk = ? AND claim_id = ?""";

    private static final String RETRY_NOW = """
            UPDATE compression_queue SET retry_at = NULL WHERE retry_at > now() AND attempts < ?""";

    private static final String BACKLOG = "SELECT count(*) FROM compression_queue WHERE attempts < ?";

    /** Institutions of instances without one are reported under the empty code. */
    private static final String BACKLOG_BY_INSTITUTION = """
            SELECT COALESCE(i.institution_code, ''), count(*)
            FROM compression_queue q JOIN instances i ON i.pk = q.instance_fk
            WHERE q.attempts < ?
            GROUP BY 1 ORDER BY 1""";

    private final Transactor transactor;

    public CompressionQueue(Transactor transactor) {
        this.transactor = Objects.requireNonNull(transactor, "transactor");
    }

    /**
     * One queued instance as a worker holds it: the blob it had when queued, in its uncompressed syntax.
     *
     * @param size     bytes of the instance's current blob
     * @param attempts compressions tried and failed so far
     * @param claimId  fences the outcome: only the holder of this claim can finish, fail or renew the entry
     */
    public record Entry(long instancePk, String sopInstanceUid, String blobKey, String transferSyntaxUid, long size,
                        int attempts, String claimId) {
    }

    /** How {@link #complete} ended. */
    public enum Completion {
        /** The instance now serves the compressed blob; the entry is gone. */
        DONE,
        /**
         * The queued blob is no longer awaited (a newer version replaced it, or another worker finished the entry
         * after this one's lease ran out): nothing changed, the compressed blob is unused.
         */
        SUPERSEDED,
        /** The lease ran out and another worker claimed the entry: nothing changed, the compressed blob is unused. */
        CLAIM_LOST
    }

    /** An entry as an operator sees it, claimed or not. */
    public record Status(String sopInstanceUid, int attempts, Optional<String> claimedBy, Optional<String> lastError) {
    }

    /**
     * Claims up to {@code max} due entries for {@code workerName}, oldest first.
     *
     * @param lease       how long the claim holds; another worker may take the entry over after it
     * @param maxAttempts entries that failed this many times are left alone (kept, with their error, for operators)
     */
    public List<Entry> claim(String workerName, Duration lease, int max, int maxAttempts) {
        if (max < 1) {
            return List.of();
        }
        return transactor.inTransaction("claim queued compressions", connection -> {
            try (PreparedStatement s = connection.prepareStatement(CLAIM)) {
                s.setInt(1, maxAttempts);
                s.setInt(2, max);
                // one random id per claim, made unique per entry by the instance key
                s.setString(3, UUID.randomUUID().toString());
                s.setString(4, workerName);
                s.setDouble(5, seconds(lease));
                List<Entry> entries = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        entries.add(new Entry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getLong(5), rs.getInt(6), rs.getString(7)));
                    }
                }
                return entries;
            }
        });
    }

    /** How long until the first entry may be claimed (zero when one may be now); empty when none is left. */
    public Optional<Duration> untilNextDue(int maxAttempts) {
        return transactor.inTransaction("find the next due compression", connection -> {
            try (PreparedStatement s = connection.prepareStatement(NEXT_DUE)) {
                s.setInt(1, maxAttempts);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<Duration>empty();
                    }
                    double wait = Math.max(0, rs.getDouble(1));
                    return Optional.of(Duration.ofMillis((long) Math.ceil(wait * 1000)));
                }
            }
        });
    }

    /** The queue entry of one instance, if it is queued. */
    public Optional<Status> statusOf(String sopInstanceUid) {
        return transactor.inTransaction("look up queued compression of " + sopInstanceUid, connection -> {
            try (PreparedStatement s = connection.prepareStatement(ENTRY)) {
                s.setString(1, sopInstanceUid);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<Status>empty();
                    }
                    return Optional.of(new Status(rs.getString(2), rs.getInt(6),
                            Optional.ofNullable(rs.getString(8)), Optional.ofNullable(rs.getString(9))));
                }
            }
        });
    }

    /**
     * Points the instance at {@code compressed} and removes the entry, if the claim still holds and the instance
     * still has the queued blob.
     *
     * @param metadataJson the DICOM JSON of the re-encoded header (Lossy Image Compression "00", photometric
     *     interpretation as encoded)
     */
    public Completion complete(Entry entry, StoredObject compressed, String metadataJson) {
        return transactor.inTransaction("finish compression of " + entry.sopInstanceUid(), connection -> {
            try (PreparedStatement s = connection.prepareStatement(REMOVE_CLAIMED)) {
                s.setLong(1, entry.instancePk());
                s.setString(2, entry.claimId());
                s.setString(3, entry.blobKey());
                if (s.executeUpdate() == 0) {
                    // either another worker holds it now, or a new version re-queued the instance (claim cleared)
                    return stillQueuedWithBlob(connection, entry) ? Completion.CLAIM_LOST : Completion.SUPERSEDED;
                }
            }
            try (PreparedStatement s = connection.prepareStatement(POINT_AT_COMPRESSED)) {
                s.setString(1, compressed.transferSyntaxUid());
                s.setLong(2, compressed.size());
                s.setString(3, compressed.sha256());
                s.setString(4, compressed.blobKey());
                s.setString(5, metadataJson);
                s.setLong(6, entry.instancePk());
                s.setString(7, entry.blobKey());
                return s.executeUpdate() == 1 ? Completion.DONE : Completion.SUPERSEDED;
            }
        });
    }

    /** Drops a claimed entry with nothing to compress (an image object without Pixel Data): it is kept as it is. */
    public boolean dismiss(Entry entry) {
        return transactor.inTransaction("dismiss compression of " + entry.sopInstanceUid(), connection -> {
            try (PreparedStatement s = connection.prepareStatement(REMOVE_CLAIMED)) {
                s.setLong(1, entry.instancePk());
                s.setString(2, entry.claimId());
                s.setString(3, entry.blobKey());
                return s.executeUpdate() == 1;
            }
        });
    }

    /**
     * Records a failed attempt: the entry stays, with its error and one more attempt counted, due again after
     * {@code retryAfter}; the instance keeps serving its uncompressed blob.
     *
     * @return false when the claim was lost meanwhile
     */
    public boolean fail(Entry entry, String error, Duration retryAfter) {
        return transactor.inTransaction("record failed compression of " + entry.sopInstanceUid(), connection -> {
            try (PreparedStatement s = connection.prepareStatement(FAIL)) {
                s.setString(1, error);
                s.setDouble(2, seconds(retryAfter));
                s.setLong(3, entry.instancePk());
                s.setString(4, entry.claimId());
                return s.executeUpdate() == 1;
            }
        });
    }

    /** Gives a claimed entry back untried (the node stops): due at once for the next start or another node. */
    public boolean release(Entry entry) {
        return fenced("release compression of " + entry.sopInstanceUid(), RELEASE, entry, null);
    }

    /**
     * Extends the lease of a claimed entry while it is being compressed.
     *
     * @return false when the claim was lost (the entry was taken over, finished or re-queued by a new version)
     */
    public boolean renew(Entry entry, Duration lease) {
        return fenced("renew compression lease of " + entry.sopInstanceUid(), RENEW, entry, lease);
    }

    /**
     * Makes entries waiting for their retry due at once (attempts are kept): a node's start is often the operator's
     * fix for what made them fail (a codec installed, the blob store repaired).
     *
     * @return how many entries were made due
     */
    public int retryNow(int maxAttempts) {
        return transactor.inTransaction("retry failed compressions now", connection -> {
            try (PreparedStatement s = connection.prepareStatement(RETRY_NOW)) {
                s.setInt(1, maxAttempts);
                return s.executeUpdate();
            }
        });
    }

    /** Entries still to be tried (fewer than {@code maxAttempts} failures), on every node: the compression backlog. */
    public long backlog(int maxAttempts) {
        return transactor.inTransaction("count queued compressions", connection -> {
            try (PreparedStatement s = connection.prepareStatement(BACKLOG)) {
                s.setInt(1, maxAttempts);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /**
     * The backlog per sending institution (code as the AE registry gave it at ingest, "" when none), in code order:
     * an institution whose images pile up uncompressed shows here.
     */
    public Map<String, Long> backlogByInstitution(int maxAttempts) {
        return transactor.inTransaction("count queued compressions per institution", connection -> {
            try (PreparedStatement s = connection.prepareStatement(BACKLOG_BY_INSTITUTION)) {
                s.setInt(1, maxAttempts);
                Map<String, Long> counts = new LinkedHashMap<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        counts.put(rs.getString(1), rs.getLong(2));
                    }
                }
                return counts;
            }
        });
    }

    private boolean fenced(String what, String sql, Entry entry, Duration lease) {
        return transactor.inTransaction(what, connection -> {
            try (PreparedStatement s = connection.prepareStatement(sql)) {
                int i = 1;
                if (lease != null) {
                    s.setDouble(i++, seconds(lease));
                }
                s.setLong(i++, entry.instancePk());
                s.setString(i, entry.claimId());
                return s.executeUpdate() == 1;
            }
        });
    }

    private static boolean stillQueuedWithBlob(Connection connection, Entry entry) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT 1 FROM compression_queue WHERE instance_fk = ? AND blob_key = ?")) {
            s.setLong(1, entry.instancePk());
            s.setString(2, entry.blobKey());
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }
}
