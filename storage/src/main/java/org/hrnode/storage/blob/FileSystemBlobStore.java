package org.hrnode.storage.blob;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import org.hrnode.dicom.io.BoundedInputStream;

/**
 * Blobs as files under a root directory, the key being the relative path.
 *
 * <p>A put is durable before it returns and all-or-nothing: the bytes go to a temporary file beside the target
 * ({@code .put-*.tmp}; keys cannot start with '.', so it never collides with one), the file is fsynced, renamed over
 * the target atomically, and the directory is fsynced so the rename itself survives a power cut. Directories created
 * for a key are fsynced into their parents the same way. A failure deletes the temporary file; the exceptions of that
 * cleanup are added as suppressed. A crash between creating and renaming the temporary file can leave a
 * {@code .put-*.tmp} file behind; it is never visible as a blob and may be removed by an operator at any time.
 *
 * <p>If the root directory disappears (an unmounted volume), every operation fails with
 * {@link BlobStoreUnavailableException} rather than recreating it in the wrong place. So do I/O errors of the store
 * itself (disk full, permissions); an exception thrown by the caller's input stream is rethrown unchanged.
 *
 * <p>Thread-safe: concurrent puts of one key each write their own temporary file, and the last rename wins.
 */
public final class FileSystemBlobStore implements BlobStore {

    private static final int COPY_BUFFER_SIZE = 64 * 1024;
    private static final String TEMP_PREFIX = ".put-";
    private static final String TEMP_SUFFIX = ".tmp";

    private final Path root;

    /** Opens (creating it if missing) the store rooted at {@code root}. */
    public FileSystemBlobStore(Path root) throws IOException {
        Objects.requireNonNull(root, "root");
        Files.createDirectories(root);
        this.root = root.toRealPath();
    }

    public Path root() {
        return root;
    }

    @Override
    public PutResult put(String key, InputStream data) throws IOException {
        Objects.requireNonNull(data, "data");
        Path target = resolve(key);
        requireRoot();
        Path directory = target.getParent();
        try {
            createDirectoriesDurably(directory);
        } catch (FileAlreadyExistsException e) {
            throw new BlobStoreException("cannot store key '" + key + "': part of its path is an existing blob", e);
        } catch (IOException e) {
            throw unavailable("create the directory for key '" + key + "'", e);
        }
        MeasuringInputStream measured = new MeasuringInputStream(data);
        Path temp = null;
        boolean renamed = false;
        try {
            temp = Files.createTempFile(directory, TEMP_PREFIX, TEMP_SUFFIX);
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                copy(measured, out);
                out.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            renamed = true;
            fsyncDirectory(directory);
            return measured.result();
        } catch (IOException | RuntimeException e) {
            // After the rename, the blob is visible but not known to be durable: remove it so failure means "absent".
            deleteAddingSuppressed(renamed ? target : temp, e);
            if (e instanceof IOException io && io != measured.sourceFailure()) {
                throw unavailable("store key '" + key + "'", io);
            }
            throw e;
        }
    }

    @Override
    public InputStream get(String key) throws IOException {
        return Channels.newInputStream(open(key));
    }

    @Override
    public InputStream get(String key, long offset, long length) throws IOException {
        BlobStore.checkRange(offset, length);
        FileChannel channel = open(key);
        try {
            channel.position(offset);
        } catch (IOException e) {
            closeAddingSuppressed(channel, e);
            throw unavailable("seek in key '" + key + "'", e);
        }
        return new BoundedInputStream(Channels.newInputStream(channel), length);
    }

    @Override
    public boolean exists(String key) throws IOException {
        Path target = resolve(key);
        requireRoot();
        return Files.isRegularFile(target);
    }

    @Override
    public void delete(String key) throws IOException {
        Path target = resolve(key);
        requireRoot();
        if (Files.isRegularFile(target)) {
            try {
                Files.deleteIfExists(target);
            } catch (IOException e) {
                throw unavailable("delete key '" + key + "'", e);
            }
        }
    }

    @Override
    public String toString() {
        return "FileSystemBlobStore[" + root + "]";
    }

    private FileChannel open(String key) throws IOException {
        Path target = resolve(key);
        requireRoot();
        if (!Files.isRegularFile(target)) {
            throw new BlobNotFoundException(key);
        }
        try {
            return FileChannel.open(target, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw new BlobNotFoundException(key, e);
        } catch (IOException e) {
            throw unavailable("open key '" + key + "'", e);
        }
    }

    private Path resolve(String key) {
        Path target = root.resolve(BlobKeys.validate(key)).normalize();
        if (!target.startsWith(root) || target.equals(root)) {
            throw new IllegalArgumentException("blob key '" + key + "' escapes the store root");
        }
        return target;
    }

    private void requireRoot() throws BlobStoreUnavailableException {
        if (!Files.isDirectory(root)) {
            throw new BlobStoreUnavailableException("blob store root " + root
                    + " is not a directory any more (volume unmounted or removed?)");
        }
    }

    private BlobStoreUnavailableException unavailable(String action, IOException cause) {
        return new BlobStoreUnavailableException("could not " + action + " in blob store " + root + ": " + cause,
                cause);
    }

    /** Creates missing directories top-down, fsyncing each parent so the new entry is durable too. */
    private static void createDirectoriesDurably(Path directory) throws IOException {
        Deque<Path> missing = new ArrayDeque<>();
        for (Path p = directory; p != null && !Files.isDirectory(p); p = p.getParent()) {
            missing.push(p);
        }
        for (Path p : missing) {
            try {
                Files.createDirectory(p);
            } catch (FileAlreadyExistsException e) {
                if (!Files.isDirectory(p)) {
                    throw e;
                }
            }
            fsyncDirectory(p.getParent());
        }
    }

    private static void fsyncDirectory(Path directory) throws IOException {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        }
    }

    /** Fills the buffer before each write: a network source delivers a PDU (often 16 kB) per read. */
    private static void copy(InputStream in, FileChannel out) throws IOException {
        byte[] buffer = new byte[COPY_BUFFER_SIZE];
        ByteBuffer wrapped = ByteBuffer.wrap(buffer);
        int n;
        while ((n = in.readNBytes(buffer, 0, buffer.length)) > 0) {
            wrapped.clear().limit(n);
            while (wrapped.hasRemaining()) {
                out.write(wrapped);
            }
        }
    }

    private static void deleteAddingSuppressed(Path path, Throwable failure) {
        if (path == null) {
            return;
        }
        try {
            Files.deleteIfExists(path);
        } catch (IOException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    private static void closeAddingSuppressed(FileChannel channel, Throwable failure) {
        try {
            channel.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }
}
