package org.hrnode.storage.compression;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.hrnode.storage.db.Transactor;
import org.hrnode.storage.index.StoredObject;

/**
 * The durable queue of instances whose uncompressed pixels are to be re-encoded losslessly (table
 * {@code compression_queue}, V5). Entries are written by the index in the transaction that records an instance
 * ({@link StoredObject#awaitsCompression()}); this class reads them, and finishes or fails them.
 *
 * <p>{@link #complete} is the one step that changes what the archive serves: in one transaction it points the
 * instance at the compressed blob and removes the entry, and only if the instance still has the blob that was
 * queued (a newer version that arrived meanwhile wins; the caller then deletes the blob it wrote). It is a lossless
 * re-encoding, not a new version: the version number stays, and the digest of the bytes as received is kept so a
 * resend of the same object is still a duplicate.
 */
public final class CompressionQueue {

    private static final String PENDING = """
            SELECT q.instance_fk, i.sop_instance_uid, q.blob_key, i.transfer_syntax_uid, i.size_bytes, q.attempts
            FROM compression_queue q JOIN instances i ON i.pk = q.instance_fk
            WHERE q.attempts < ? ORDER BY q.queued_at, q.instance_fk""";

    private static final String ENTRY = """
            SELECT q.instance_fk, i.sop_instance_uid, q.blob_key, i.transfer_syntax_uid, i.size_bytes, q.attempts
            FROM compression_queue q JOIN instances i ON i.pk = q.instance_fk
            WHERE i.sop_instance_uid = ?""";

    private static final String POINT_AT_COMPRESSED = """
            UPDATE instances SET transfer_syntax_uid = ?, size_bytes = ?, received_sha256 = COALESCE(received_sha256,
                sha256), sha256 = ?, blob_key = ?, metadata = ?
            WHERE pk = ? AND blob_key = ?""";

    private static final String REMOVE = "DELETE FROM compression_queue WHERE instance_fk = ? AND blob_key = ?";

    private static final String FAIL = """
            UPDATE compression_queue SET attempts = attempts + 1, last_error = ?
            WHERE instance_fk = ? AND blob_key = ?""";

    private static final String BACKLOG = "SELECT count(*) FROM compression_queue WHERE attempts < ?";

    private final Transactor transactor;

    public CompressionQueue(Transactor transactor) {
        this.transactor = Objects.requireNonNull(transactor, "transactor");
    }

    /**
     * One queued instance: the blob it had when queued, in its uncompressed syntax.
     *
     * @param size     bytes of the instance's current blob
     * @param attempts compressions tried and failed so far
     */
    public record Entry(long instancePk, String sopInstanceUid, String blobKey, String transferSyntaxUid, long size,
                        int attempts) {
    }

    /** Entries tried fewer than {@code maxAttempts} times, oldest first: what a worker takes on at start. */
    public List<Entry> pending(int maxAttempts) {
        return transactor.inTransaction("list queued compressions", connection -> {
            try (PreparedStatement s = connection.prepareStatement(PENDING)) {
                s.setInt(1, maxAttempts);
                return entries(s);
            }
        });
    }

    /** The entry of one instance, if it is queued. */
    public Optional<Entry> entryOf(String sopInstanceUid) {
        return transactor.inTransaction("look up queued compression of " + sopInstanceUid, connection -> {
            try (PreparedStatement s = connection.prepareStatement(ENTRY)) {
                s.setString(1, sopInstanceUid);
                return entries(s).stream().findFirst();
            }
        });
    }

    /**
     * Points the instance at {@code compressed} and removes the entry, if the instance still has the queued blob.
     *
     * @param metadataJson the DICOM JSON of the re-encoded header (Lossy Image Compression "00", photometric
     *     interpretation as encoded)
     * @return false when a newer version replaced the queued blob meanwhile: nothing changed
     */
    public boolean complete(Entry entry, StoredObject compressed, String metadataJson) {
        return transactor.inTransaction("finish compression of " + entry.sopInstanceUid(), connection -> {
            int updated;
            try (PreparedStatement s = connection.prepareStatement(POINT_AT_COMPRESSED)) {
                s.setString(1, compressed.transferSyntaxUid());
                s.setLong(2, compressed.size());
                s.setString(3, compressed.sha256());
                s.setString(4, compressed.blobKey());
                s.setString(5, metadataJson);
                s.setLong(6, entry.instancePk());
                s.setString(7, entry.blobKey());
                updated = s.executeUpdate();
            }
            remove(connection, entry);
            return updated == 1;
        });
    }

    /** Drops an entry with nothing to compress (an image object without Pixel Data): it is kept as it is. */
    public void dismiss(Entry entry) {
        transactor.inTransaction("dismiss compression of " + entry.sopInstanceUid(), connection -> {
            remove(connection, entry);
            return null;
        });
    }

    /** Records a failed attempt; the entry stays, and the instance keeps serving its uncompressed blob. */
    public void fail(Entry entry, String error) {
        transactor.inTransaction("record failed compression of " + entry.sopInstanceUid(), connection -> {
            try (PreparedStatement s = connection.prepareStatement(FAIL)) {
                s.setString(1, error);
                s.setLong(2, entry.instancePk());
                s.setString(3, entry.blobKey());
                return s.executeUpdate();
            }
        });
    }

    /** Entries still to be tried (fewer than {@code maxAttempts} failures): the compression backlog. */
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

    private static void remove(Connection connection, Entry entry) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(REMOVE)) {
            s.setLong(1, entry.instancePk());
            s.setString(2, entry.blobKey());
            s.executeUpdate();
        }
    }

    private static List<Entry> entries(PreparedStatement s) throws SQLException {
        List<Entry> entries = new ArrayList<>();
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                entries.add(new Entry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getLong(5), rs.getInt(6)));
            }
        }
        return entries;
    }
}
