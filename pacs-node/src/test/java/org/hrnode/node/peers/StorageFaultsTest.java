package org.hrnode.node.peers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.hrnode.dicom.testing.TestData;
import org.hrnode.storage.blob.InMemoryBlobStore;
import org.hrnode.storage.db.DatabaseConfig;
import org.hrnode.storage.db.EmbeddedDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a sender sees when the node's storage fails under it, with DCMTK storescu on the other side: Refused: Out of
 * Resources (A700) with the reason as Error Comment, nothing indexed, no blob left behind. The node runs over a blob
 * store the test can take down and a PostgreSQL the test started and stops; the database goes down last, since it
 * stays down (the tests run in order).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StorageFaultsTest {

    private static final int OUT_OF_RESOURCES = 0xA700;
    /** The ingest's transaction waits on the test's lock; generous, for a busy machine. */
    private static final Duration LOCK_WAIT_LIMIT = Duration.ofSeconds(60);
    private static final long POLL_MILLIS = 20;
    private static final String INDEX_TABLES = "patients, studies, series, instances";

    @TempDir
    static Path work;
    private static EmbeddedDatabase database;
    private static InMemoryBlobStore blobs;
    private static NodeUnderTest node;

    @BeforeAll
    static void startNodeOverStorageWeControl() throws Exception {
        PeerProcess.require("storescu", "dcmodify");
        database = EmbeddedDatabase.start(work.resolve("db"));
        blobs = new InMemoryBlobStore();
        DatabaseConfig db = database.config();
        // dev mode: the association is accepted without the registry, so a store reaches the ingest path even with
        // the database down; uncompressed images kept as they are, so no background compression changes the blob
        // keys these tests compare before and after a fault
        node = NodeUnderTest.startWithBlobStore(work.resolve("data"), blobs, "--db-url", db.jdbcUrl(), "--db-user",
                db.user(), "--dev-mode", "true", "--uncompressed", "accept");
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            if (node != null) {
                node.close();
            }
        } finally {
            if (database != null) {
                database.close();
            }
        }
    }

    private static Path freshCopy(String pydicomFile) throws Exception {
        Path copy = Files.createTempFile(work, "fault", ".dcm");
        Files.copy(TestData.pydicomTestFiles().resolve(pydicomFile), copy, StandardCopyOption.REPLACE_EXISTING);
        DcmtkRoundTrip.dcmodify(copy, "-i", "SOPInstanceUID=" + DcmtkRoundTrip.freshUid());
        return copy;
    }

    private static StoreScu.Answer store(Path file) throws Exception {
        return StoreScu.send(node.port(), DcmtkRoundTrip.STORE_AE_TITLE, List.of(file), work).answerFor(file);
    }

    private static String uidOf(Path file) {
        return InstanceFile.read(file).orElseThrow().sopInstanceUid();
    }

    @Test
    @Order(1)
    void blobStoreDownIsOutOfResourcesAndNothingIsIndexedUntilItIsBack() throws Exception {
        Path file = freshCopy("CT_small.dcm");
        blobs.setAvailable(false);
        StoreScu.Answer refused;
        try {
            refused = store(file);
        } finally {
            blobs.setAvailable(true);
        }
        assertThat(refused.status()).isEqualTo(OUT_OF_RESOURCES);
        assertThat(refused.comment()).startsWith("blob store unavailable, nothing stored");
        assertThat(node.instance(uidOf(file))).isEmpty();

        assertThat(store(file).isSuccess()).isTrue();
        assertThat(node.instance(uidOf(file))).isPresent();
    }

    /**
     * The database dies after the object's bytes are in the blob store and before its index row is written: the
     * test holds a lock the ingest's transaction waits for, sees the blob stored, then stops PostgreSQL. The sender
     * gets A700 and the blob is deleted again.
     */
    @Test
    @Order(2)
    void databaseDyingMidStoreIsOutOfResourcesAndLeavesNoOrphanBlob() throws Exception {
        Path file = freshCopy("MR_small.dcm");
        Set<String> blobsBefore = blobs.keys();
        Process storescu = null;
        Path log = work.resolve("storescu-db-down.log");
        try (Connection lock = DriverManager.getConnection(database.config().jdbcUrl(), database.config().user(),
                database.config().password())) {
            lock.setAutoCommit(false);
            try (Statement s = lock.createStatement()) {
                s.execute("LOCK TABLE " + INDEX_TABLES + " IN ACCESS EXCLUSIVE MODE");
            }
            storescu = PeerProcess.start(PeerProcess.args("storescu", "-d", "-aet", DcmtkRoundTrip.STORE_AE_TITLE,
                    "-aec", NodeUnderTest.AE_TITLE, NodeUnderTest.LOOPBACK, node.port(), file), log, Map.of());
            awaitIngestWaitingOnLock(lock);
            assertThat(blobs.keys()).as("the object's bytes are stored while its index row waits")
                    .hasSize(blobsBefore.size() + 1);
            database.close();
        } catch (SQLException connectionKilledByShutdown) {
            // closing the test's connection fails once the server has terminated it; nothing to clean up
        } finally {
            if (storescu != null) {
                assertThat(storescu.waitFor(PeerProcess.RUN_TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
                PeerProcess.stop(storescu);
            }
        }
        String output = new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
        StoreScu.Answer answer = StoreScu.parse(output).get(file);
        assertThat(answer).as(output).isNotNull();
        assertThat(answer.status()).isEqualTo(OUT_OF_RESOURCES);
        assertThat(answer.comment()).startsWith("database unavailable, nothing stored");
        assertThat(blobs.keys()).isEqualTo(blobsBefore);
    }

    /** Regression: the sender's institution was looked up outside the ingest's error handling (0110, not A700). */
    @Test
    @Order(3)
    void databaseDownBeforeTheStoreIsOutOfResourcesToo() throws Exception {
        Path file = freshCopy("CT_small.dcm");
        Set<String> blobsBefore = blobs.keys();
        StoreScu.Answer answer = store(file);
        assertThat(answer.status()).isEqualTo(OUT_OF_RESOURCES);
        assertThat(answer.comment()).startsWith("database unavailable, nothing stored");
        assertThat(blobs.keys()).isEqualTo(blobsBefore);
    }

    /** Polls PostgreSQL's own view until the node's session waits for a lock; bounded. */
    private static void awaitIngestWaitingOnLock(Connection connection) throws Exception {
        Instant deadline = Instant.now().plus(LOCK_WAIT_LIMIT);
        try (Statement s = connection.createStatement()) {
            while (Instant.now().isBefore(deadline)) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_stat_activity"
                        + " WHERE application_name = 'hrnode' AND wait_event_type = 'Lock'")) {
                    rs.next();
                    if (rs.getInt(1) > 0) {
                        return;
                    }
                }
                Thread.sleep(POLL_MILLIS);
            }
        }
        throw new AssertionError("the node's ingest did not reach the index within " + LOCK_WAIT_LIMIT);
    }
}
