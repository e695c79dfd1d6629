package org.hrnode.storage.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.storage.blob.BlobKeys;
import org.hrnode.storage.blob.BlobStore;
import org.hrnode.storage.blob.BlobStoreUnavailableException;
import org.hrnode.storage.blob.InMemoryBlobStore;
import org.hrnode.storage.blob.PutResult;
import org.hrnode.storage.db.RetryPolicy;
import org.hrnode.storage.db.Transactor;
import org.hrnode.storage.index.ArrivalInfo;
import org.hrnode.storage.index.IndexUnavailableException;
import org.hrnode.storage.index.StoreOutcome;
import org.hrnode.storage.index.StoredInstanceRef;
import org.hrnode.storage.index.postgres.PostgresIndex;
import org.hrnode.storage.index.query.QueryLevel;
import org.hrnode.storage.testing.ForwardingBlobStore;
import org.hrnode.storage.testing.RefusingDataSource;
import org.hrnode.storage.testing.TestDatabase;
import org.hrnode.storage.testing.TestInstances;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StoreAndIndexTest {

    private static final String SOP = "1.2.156.9.9.1";
    private static final ArrivalInfo ARRIVAL = new ArrivalInfo(TestInstances.ARRIVED, "CT01", "SC0001");

    private final InMemoryBlobStore blobs = new InMemoryBlobStore();
    private PostgresIndex index;
    private StoreAndIndex ingest;

    @BeforeEach
    void empty() {
        TestDatabase.reset();
        index = new PostgresIndex(TestDatabase.dataSource());
        ingest = new StoreAndIndex(blobs, index);
    }

    private static Dataset header() {
        return TestInstances.header("P1", "Wang^XiaoDong=王^小东", "1.2.156.9", "1.2.156.9.9", SOP);
    }

    private static InputStream bytes(String content) {
        return new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8));
    }

    private StoreOutcome store(String content) throws IOException {
        return ingest.store(BlobKeys.forInstance(SOP), bytes(content), header(),
                TestInstances.EXPLICIT_VR_LITTLE_ENDIAN, ARRIVAL);
    }

    @Test
    void newInstanceIsStoredAndIndexedUnderOneKey() throws IOException {
        assertThat(store("first")).isEqualTo(StoreOutcome.NEW);

        StoredInstanceRef ref = index.instancesOf(QueryLevel.IMAGE, SOP).getFirst();
        assertThat(blobs.keys()).containsExactly(ref.blobKey());
        assertThat(ref.size()).isEqualTo(5);
        try (InputStream in = blobs.get(ref.blobKey())) {
            assertThat(in.readAllBytes()).isEqualTo("first".getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void duplicateLeavesNoSecondBlob() throws IOException {
        store("same");

        assertThat(store("same")).isEqualTo(StoreOutcome.DUPLICATE);
        assertThat(blobs.keys()).containsExactly(index.instancesOf(QueryLevel.IMAGE, SOP).getFirst().blobKey());
    }

    @Test
    void newVersionKeepsTheBlobOfThePreviousOne() throws IOException {
        store("version 1");

        assertThat(store("version 2")).isEqualTo(StoreOutcome.NEW_VERSION);
        assertThat(blobs.keys()).hasSize(2);
    }

    @Test
    void indexDownMeansTheBlobIsDeletedAndTheFailureReported() {
        StoreAndIndex broken = new StoreAndIndex(blobs, new PostgresIndex(new RefusingDataSource(),
                new Transactor(new RefusingDataSource()), PostgresIndex.DEFAULT_MAX_RESULTS));

        assertThatThrownBy(() -> broken.store(BlobKeys.forInstance(SOP), bytes("x"), header(),
                TestInstances.EXPLICIT_VR_LITTLE_ENDIAN, ARRIVAL)).isInstanceOf(IndexUnavailableException.class);
        assertThat(blobs.keys()).isEmpty();
    }

    @Test
    void blobStoreDownMeansNothingIsIndexed() {
        blobs.setAvailable(false);

        assertThatThrownBy(() -> store("x")).isInstanceOf(BlobStoreUnavailableException.class);
        assertThat(index.instancesOf(QueryLevel.IMAGE, SOP)).isEmpty();
    }

    @Test
    void aFailedCompensationIsAddedToTheIndexFailure() {
        BlobStore deleteFails = new ForgetfulStore(blobs);
        StoreAndIndex broken = new StoreAndIndex(deleteFails, new PostgresIndex(new RefusingDataSource(),
                new Transactor(new RefusingDataSource(), new RetryPolicy(1, Duration.ZERO, Duration.ZERO),
                        d -> { }), PostgresIndex.DEFAULT_MAX_RESULTS));

        assertThatThrownBy(() -> broken.store(BlobKeys.forInstance(SOP), bytes("x"), header(),
                TestInstances.EXPLICIT_VR_LITTLE_ENDIAN, ARRIVAL))
                .isInstanceOf(IndexUnavailableException.class)
                .satisfies(e -> assertThat(e.getSuppressed()).singleElement()
                        .satisfies(s -> assertThat(s).hasMessageContaining("delete refused")));
    }

    @Test
    void aRecordThatCannotBeBuiltAlsoCompensates() {
        assertThatThrownBy(() -> ingest.store(BlobKeys.forInstance(SOP), bytes("x"), stored -> {
            throw new IOException("header unreadable");
        })).hasMessage("header unreadable");
        assertThat(blobs.keys()).isEmpty();
    }

    /** Stores, but cannot delete: compensation fails. */
    private static final class ForgetfulStore extends ForwardingBlobStore {
        ForgetfulStore(BlobStore delegate) {
            super(delegate);
        }

        @Override
        public void delete(String key) throws IOException {
            throw new IOException("delete refused");
        }
    }
}
