package org.hrnode.storage.compression;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.dict.Tag;
import org.hrnode.storage.blob.BlobKeys;
import org.hrnode.storage.db.Transactor;
import org.hrnode.storage.index.ArrivalInfo;
import org.hrnode.storage.index.InstanceRecord;
import org.hrnode.storage.index.StoredInstanceRef;
import org.hrnode.storage.index.StoredObject;
import org.hrnode.storage.index.postgres.PostgresIndex;
import org.hrnode.storage.index.query.QueryLevel;
import org.hrnode.storage.testing.TestDatabase;
import org.hrnode.storage.testing.TestInstances;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The compression queue shared by several nodes: one claimer per entry, fenced outcomes, retries after a backoff. */
class CompressionQueueTest {

    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final int MAX_ATTEMPTS = 3;
    private static final String JPEG_LS = "1.2.840.10008.1.2.4.80";

    private PostgresIndex index;
    private CompressionQueue queue;
    private int stored;

    @BeforeEach
    void emptyDatabase() {
        TestDatabase.reset();
        index = new PostgresIndex(TestDatabase.dataSource());
        queue = new CompressionQueue(new Transactor(TestDatabase.dataSource()));
    }

    /** Records an uncompressed image from {@code institution}, queued for compression, under a fresh blob key. */
    private String storeUncompressed(String sop, String institution) {
        stored++;
        Dataset header = TestInstances.header("P1", null, "1.2.156.7.1", "1.2.156.7.1.1", sop);
        StoredObject object = new StoredObject(BlobKeys.forInstance(sop), TestInstances.EXPLICIT_VR_LITTLE_ENDIAN,
                1000, TestInstances.sha((char) ('a' + stored % 6))).toBeCompressed();
        index.recordInstance(InstanceRecord.fromDataset(header, object,
                new ArrivalInfo(TestInstances.ARRIVED, "CT01", institution)));
        return object.blobKey();
    }

    private List<CompressionQueue.Entry> claim(String worker, int max) {
        return queue.claim(worker, LEASE, max, MAX_ATTEMPTS);
    }

    private static StoredObject compressedRendition(CompressionQueue.Entry entry) {
        return new StoredObject(BlobKeys.forInstance(entry.sopInstanceUid()), JPEG_LS, 400, TestInstances.sha('f'));
    }

    private StoredInstanceRef instance(String sop) {
        return index.instancesOf(QueryLevel.IMAGE, sop).getFirst();
    }

    private static void sql(String statement) {
        try (Connection c = TestDatabase.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement(statement)) {
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(statement, e);
        }
    }

    @Test
    void concurrentClaimersOnSeveralNodesNeverTakeTheSameEntry() throws Exception {
        int entries = 40;
        for (int i = 1; i <= entries; i++) {
            storeUncompressed("1.2.156.7.1.1." + i, "SCH001");
        }
        List<Future<List<String>>> takers = new ArrayList<>();
        try (ExecutorService nodes = Executors.newFixedThreadPool(4)) {
            for (int n = 0; n < 4; n++) {
                String worker = "node-" + n;
                takers.add(nodes.submit(() -> {
                    List<String> mine = new ArrayList<>();
                    List<CompressionQueue.Entry> got;
                    while (!(got = claim(worker, 3)).isEmpty()) {
                        got.forEach(e -> mine.add(e.sopInstanceUid()));
                    }
                    return mine;
                }));
            }
        }
        List<String> all = new ArrayList<>();
        for (Future<List<String>> taker : takers) {
            all.addAll(taker.get());
        }
        assertThat(all).as("every entry claimed exactly once").hasSize(entries).doesNotHaveDuplicates();
        assertThat(queue.backlog(MAX_ATTEMPTS)).as("claimed entries are still backlog until done").isEqualTo(entries);
    }

    @Test
    void completingPointsTheInstanceAtTheCompressedBlobAndKeepsTheReceivedDigest() {
        String original = storeUncompressed("1.2.156.7.1.1.1", "SCH001");
        String receivedSha = instance("1.2.156.7.1.1.1").sha256();
        CompressionQueue.Entry entry = claim("node-a", 1).getFirst();
        assertThat(entry.blobKey()).isEqualTo(original);

        StoredObject compressed = compressedRendition(entry);
        assertThat(queue.complete(entry, compressed, "{}")).isEqualTo(CompressionQueue.Completion.DONE);

        StoredInstanceRef after = instance("1.2.156.7.1.1.1");
        assertThat(after.blobKey()).isEqualTo(compressed.blobKey());
        assertThat(after.transferSyntaxUid()).isEqualTo(JPEG_LS);
        assertThat(after.version()).as("a re-encoding, not a new version").isEqualTo(1);
        assertThat(queue.backlog(MAX_ATTEMPTS)).isZero();
        assertThat(receivedSha).isNotEqualTo(after.sha256());
    }

    @Test
    void aWorkerWhoseLeaseRanOutAndWasTakenOverChangesNothing() {
        storeUncompressed("1.2.156.7.1.1.1", "SCH001");
        CompressionQueue.Entry slow = claim("node-a", 1).getFirst();
        assertThat(claim("node-b", 1)).as("leased: not claimable").isEmpty();

        sql("UPDATE compression_queue SET lease_until = now() - interval '1 second'");
        CompressionQueue.Entry takeover = claim("node-b", 1).getFirst();
        assertThat(queue.statusOf("1.2.156.7.1.1.1")).hasValueSatisfying(s ->
                assertThat(s.claimedBy()).hasValue("node-b"));

        assertThat(queue.renew(slow, LEASE)).as("the old claim cannot be renewed").isFalse();
        assertThat(queue.fail(slow, "late", Duration.ofSeconds(1))).as("nor failed").isFalse();
        assertThat(queue.complete(slow, compressedRendition(slow), "{}"))
                .isEqualTo(CompressionQueue.Completion.CLAIM_LOST);
        assertThat(instance("1.2.156.7.1.1.1").transferSyntaxUid()).as("still the original")
                .isEqualTo(TestInstances.EXPLICIT_VR_LITTLE_ENDIAN);

        assertThat(queue.complete(takeover, compressedRendition(takeover), "{}"))
                .isEqualTo(CompressionQueue.Completion.DONE);
        assertThat(queue.complete(slow, compressedRendition(slow), "{}"))
                .as("finished by the other node").isEqualTo(CompressionQueue.Completion.SUPERSEDED);
    }

    @Test
    void aNewVersionArrivingMidCompressionWinsAndIsQueuedAgainUnclaimed() {
        String sop = "1.2.156.7.1.1.1";
        storeUncompressed(sop, "SCH001");
        CompressionQueue.Entry entry = claim("node-a", 1).getFirst();
        String newBlob = storeUncompressed(sop, "SCH001");
        assertThat(newBlob).isNotEqualTo(entry.blobKey());

        assertThat(queue.complete(entry, compressedRendition(entry), "{}"))
                .isEqualTo(CompressionQueue.Completion.SUPERSEDED);
        assertThat(instance(sop).blobKey()).isEqualTo(newBlob);
        List<CompressionQueue.Entry> again = claim("node-b", 1);
        assertThat(again).as("the new version is due at once").hasSize(1);
        assertThat(again.getFirst().blobKey()).isEqualTo(newBlob);
    }

    @Test
    void aFailureIsRetriedAfterItsBackoffAndGivenUpAfterTheLastAttempt() {
        storeUncompressed("1.2.156.7.1.1.1", "SCH001");
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            CompressionQueue.Entry entry = claim("node-a", 1).getFirst();
            assertThat(entry.attempts()).isEqualTo(attempt - 1);
            assertThat(queue.fail(entry, "IOException: blob store refused", Duration.ofMinutes(1))).isTrue();
            assertThat(claim("node-a", 1)).as("not before its backoff").isEmpty();
            if (attempt < MAX_ATTEMPTS) {
                assertThat(queue.untilNextDue(MAX_ATTEMPTS)).hasValueSatisfying(wait -> assertThat(wait)
                        .isBetween(Duration.ofSeconds(50), Duration.ofMinutes(1)));
            }
            sql("UPDATE compression_queue SET retry_at = now() - interval '1 second'");
        }
        assertThat(claim("node-a", 1)).as("given up after the last attempt").isEmpty();
        assertThat(queue.untilNextDue(MAX_ATTEMPTS)).isEmpty();
        assertThat(queue.backlog(MAX_ATTEMPTS)).isZero();
        assertThat(queue.statusOf("1.2.156.7.1.1.1")).as("kept with its error for an operator")
                .hasValueSatisfying(s -> {
                    assertThat(s.attempts()).isEqualTo(MAX_ATTEMPTS);
                    assertThat(s.lastError()).hasValue("IOException: blob store refused");
                });
    }

    @Test
    void aStartRetriesFailedEntriesAtOnceButNotThoseGivenUpOn() {
        storeUncompressed("1.2.156.7.1.1.1", "SCH001");
        storeUncompressed("1.2.156.7.1.1.2", "SCH001");
        for (CompressionQueue.Entry e : claim("node-a", 2)) {
            queue.fail(e, "IOException: refused", Duration.ofHours(1));
        }
        sql("UPDATE compression_queue SET attempts = 3 WHERE instance_fk = (SELECT pk FROM instances"
                + " WHERE sop_instance_uid = '1.2.156.7.1.1.2')");
        assertThat(claim("node-a", 2)).isEmpty();

        assertThat(queue.retryNow(MAX_ATTEMPTS)).isEqualTo(1);
        List<CompressionQueue.Entry> due = claim("node-a", 2);
        assertThat(due).extracting(CompressionQueue.Entry::sopInstanceUid).containsExactly("1.2.156.7.1.1.1");
        assertThat(due.getFirst().attempts()).as("its failure still counts").isEqualTo(1);
    }

    @Test
    void aReleasedEntryIsDueAtOnceForAnotherNode() {
        storeUncompressed("1.2.156.7.1.1.1", "SCH001");
        CompressionQueue.Entry entry = claim("node-a", 1).getFirst();
        assertThat(queue.release(entry)).isTrue();
        CompressionQueue.Entry again = claim("node-b", 1).getFirst();
        assertThat(again.attempts()).as("a release is not a failure").isZero();
        assertThat(again.claimId()).isNotEqualTo(entry.claimId());
    }

    @Test
    void theBacklogIsCountedPerSendingInstitution() {
        storeUncompressed("1.2.156.7.1.1.1", "SCH001");
        storeUncompressed("1.2.156.7.1.1.2", "SCH001");
        storeUncompressed("1.2.156.7.1.1.3", "CQ002");
        storeUncompressed("1.2.156.7.1.1.4", null);
        CompressionQueue.Entry done = claim("node-a", 1).getFirst();
        queue.complete(done, compressedRendition(done), "{}");

        assertThat(queue.backlogByInstitution(MAX_ATTEMPTS)).as("the done entry no longer counts").containsExactly(
                Map.entry("", 1L), Map.entry("CQ002", 1L), Map.entry("SCH001", 1L));
    }
}
