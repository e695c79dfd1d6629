package org.hrnode.node.cli;

import java.io.IOException;
import java.util.Optional;
import org.hrnode.node.app.DataDirectoryLock;
import org.hrnode.node.app.NodeStorage;
import org.hrnode.node.config.NodeConfig;

/**
 * The node's storage as a command opens it: as its owner when no node runs on the data directory (holding the
 * directory's lock until closed, so no node starts meanwhile), else beside the running node through its database.
 * Closing closes the storage, then releases the lock.
 */
final class CommandStorage implements AutoCloseable {

    private final Optional<DataDirectoryLock> lock;
    private final NodeStorage storage;

    private CommandStorage(Optional<DataDirectoryLock> lock, NodeStorage storage) {
        this.lock = lock;
        this.storage = storage;
    }

    static CommandStorage open(NodeConfig config) throws IOException {
        Optional<DataDirectoryLock> lock = DataDirectoryLock.tryAcquire(config.dataDir());
        try {
            return new CommandStorage(lock, lock.isPresent() ? NodeStorage.openAsOwner(config)
                    : NodeStorage.openBesideRunningNode(config));
        } catch (IOException | RuntimeException e) {
            if (lock.isPresent()) {
                lock.get().close();
            }
            throw e;
        }
    }

    NodeStorage storage() {
        return storage;
    }

    /** False when a node runs on the data directory and the command works beside it. */
    boolean ownsDataDirectory() {
        return lock.isPresent();
    }

    @Override
    public void close() throws IOException {
        try {
            storage.close();
        } finally {
            if (lock.isPresent()) {
                lock.get().close();
            }
        }
    }
}
