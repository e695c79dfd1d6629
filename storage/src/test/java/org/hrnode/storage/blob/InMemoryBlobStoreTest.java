package org.hrnode.storage.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class InMemoryBlobStoreTest extends BlobStoreContractTest {

    private final InMemoryBlobStore store = new InMemoryBlobStore();

    @Override
    protected BlobStore store() {
        return store;
    }

    @Test
    void unavailableStoreRefusesEveryOperation() throws IOException {
        store.put(key("x"), new ByteArrayInputStream(new byte[] {1}));
        store.setAvailable(false);

        assertThatThrownBy(() -> store.put(key("y"), new ByteArrayInputStream(new byte[] {1})))
                .isInstanceOf(BlobStoreUnavailableException.class);
        assertThatThrownBy(() -> store.get(key("x"))).isInstanceOf(BlobStoreUnavailableException.class);
        assertThatThrownBy(() -> store.exists(key("x"))).isInstanceOf(BlobStoreUnavailableException.class);
        assertThatThrownBy(() -> store.delete(key("x"))).isInstanceOf(BlobStoreUnavailableException.class);

        store.setAvailable(true);
        assertThat(store.keys()).containsExactly(key("x"));
    }
}
