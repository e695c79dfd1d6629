package org.hrnode.storage.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemBlobStoreTest extends BlobStoreContractTest {

    @TempDir
    Path root;

    private FileSystemBlobStore store;

    @BeforeEach
    void open() throws IOException {
        store = new FileSystemBlobStore(root.resolve("blobs"));
    }

    @Override
    protected BlobStore store() {
        return store;
    }

    @Test
    void blobIsAFileAtItsKeyPath() throws IOException {
        byte[] bytes = randomBytes(1000, 7);

        store.put(key("x/y"), new ByteArrayInputStream(bytes));

        assertThat(Files.readAllBytes(store.root().resolve(key("x/y")))).isEqualTo(bytes);
    }

    @Test
    void failedPutLeavesNoTemporaryFile() throws IOException {
        store.put(key("keep"), new ByteArrayInputStream(new byte[] {1}));
        IOException failure = new IOException("peer gone");

        assertThatThrownBy(() -> store.put(key("lost"), GeneratedInputStream.failingAfter(100_000, failure)))
                .isSameAs(failure);

        assertThat(filesUnder(store.root())).containsExactly(store.root().resolve(key("keep")));
    }

    @Test
    void missingRootMeansUnavailableNotRecreated() throws IOException {
        Path blobs = store.root();
        Files.delete(blobs);

        assertThatThrownBy(() -> store.put(key("a"), new ByteArrayInputStream(new byte[] {1})))
                .isInstanceOf(BlobStoreUnavailableException.class)
                .hasMessageContaining(blobs.toString());
        assertThatThrownBy(() -> store.get(key("a"))).isInstanceOf(BlobStoreUnavailableException.class);
        assertThat(blobs).doesNotExist();
    }

    @Test
    void keyUnderAnExistingBlobIsRefusedClearly() throws IOException {
        store.put(key("file"), new ByteArrayInputStream(new byte[] {1}));

        assertThatThrownBy(() -> store.put(key("file/child"), new ByteArrayInputStream(new byte[] {2})))
                .isInstanceOf(BlobStoreException.class)
                .hasMessageContaining("existing blob");
    }

    private static List<Path> filesUnder(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }
}
