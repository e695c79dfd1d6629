package org.hrnode.node.app;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.util.Optional;
import org.hrnode.node.config.NodeConfig;
import org.hrnode.node.metrics.BlobLatency;
import org.hrnode.storage.ae.AeRegistry;
import org.hrnode.storage.ae.PostgresAeRegistry;
import org.hrnode.storage.audit.PostgresAuditLog;
import org.hrnode.storage.blob.BlobStore;
import org.hrnode.storage.blob.EncryptionKeys;
import org.hrnode.storage.blob.Sm4GcmBlobStore;
import org.hrnode.storage.catalog.CatalogMappings;
import org.hrnode.storage.catalog.PostgresCatalogMappings;
import org.hrnode.storage.compression.CompressionQueue;
import org.hrnode.storage.blob.FileSystemBlobStore;
import org.hrnode.storage.blob.S3BlobStore;
import org.hrnode.storage.db.Database;
import org.hrnode.storage.db.DatabaseConfig;
import org.hrnode.storage.db.EmbeddedDatabase;
import org.hrnode.storage.db.Transactor;
import org.hrnode.storage.index.Index;
import org.hrnode.storage.index.postgres.PostgresIndex;
import org.hrnode.storage.ingest.StoreAndIndex;
import org.hrnode.storage.metadata.InstanceMetadataIndex;
import org.hrnode.storage.metadata.PostgresInstanceMetadataIndex;
import org.hrnode.storage.qc.InstitutionRecognitions;
import org.hrnode.storage.qc.QcJobQueue;
import org.hrnode.storage.qc.QcResults;
import org.hrnode.storage.qc.QcDecisions;
import org.hrnode.storage.qc.QcStudies;
import org.hrnode.storage.qc.QcWorklist;
import org.hrnode.storage.quality.PostgresQualityStatistics;
import org.hrnode.storage.reports.PostgresRecognitionRecords;
import org.hrnode.storage.reports.PostgresReports;

/**
 * The node's storage as configured: the index in PostgreSQL (embedded in the data directory, or external) and the
 * blobs in the filesystem store (data directory) or S3. Closing it closes everything it opened, in reverse order.
 *
 * <p>A running node publishes how to reach its embedded database in {@code run/database.properties}, so that
 * commands such as {@code ./hrnode ae} can work beside it instead of starting a second server on the same cluster.
 */
public final class NodeStorage implements AutoCloseable {

    private static final String RUNTIME_FILE = "database.properties";
    private static final String URL = "url";
    private static final String USER = "user";
    private static final String PASSWORD = "password";

    private final EmbeddedDatabase embedded;
    private final Database database;
    private final BlobLatency blobs;
    private final Index index;
    private final InstanceMetadataIndex instanceMetadata;
    private final AeRegistry aeRegistry;
    private final CompressionQueue compressionQueue;
    private final Transactor transactor;
    private final List<Runnable> recordListeners = new CopyOnWriteArrayList<>();
    private final Path runtimeFile;

    private NodeStorage(EmbeddedDatabase embedded, Database database, BlobStore blobs, Path runtimeFile) {
        this.embedded = embedded;
        this.database = database;
        this.blobs = new BlobLatency(blobs);
        this.index = new RecordListeningIndex(new PostgresIndex(database.dataSource()),
                () -> recordListeners.forEach(Runnable::run));
        this.instanceMetadata = new PostgresInstanceMetadataIndex(database.dataSource());
        this.transactor = new Transactor(database.dataSource());
        this.aeRegistry = new PostgresAeRegistry(transactor);
        this.compressionQueue = new CompressionQueue(transactor);
        this.runtimeFile = runtimeFile;
    }

    /**
     * Opens storage for the node that owns the data directory (the caller holds its lock): starts the embedded
     * database when no external one is configured and publishes its address.
     */
    public static NodeStorage openAsOwner(NodeConfig config) throws IOException {
        return openAsOwner(config, NodeStorage::openBlobStore);
    }

    /**
     * {@link #openAsOwner(NodeConfig)} with the blobs in {@code blobs} instead of the configured store, for tests that
     * make the store fail; the storage owns {@code blobs} once this returns.
     */
    public static NodeStorage openAsOwner(NodeConfig config, BlobStore blobs) throws IOException {
        return openAsOwner(config, ignored -> blobs);
    }

    /** Opens the blob store once the database is up. */
    @FunctionalInterface
    private interface BlobStoreOpener {
        BlobStore open(NodeConfig config) throws IOException;
    }

    private static NodeStorage openAsOwner(NodeConfig config, BlobStoreOpener blobStore) throws IOException {
        EmbeddedDatabase embedded = null;
        Database database = null;
        try {
            DatabaseConfig dbConfig;
            Path runtimeFile = null;
            if (config.externalDatabase().isPresent()) {
                dbConfig = config.externalDatabase().get();
            } else {
                embedded = EmbeddedDatabase.start(config.databaseDir());
                dbConfig = embedded.config();
                runtimeFile = publish(config.runtimeDir(), dbConfig);
            }
            database = Database.open(dbConfig);
            return new NodeStorage(embedded, database, blobStore.open(config), runtimeFile);
        } catch (IOException | RuntimeException e) {
            closeQuietlyInto(e, database, embedded);
            throw e;
        }
    }

    /**
     * Opens the index of a data directory that a running node owns, through the address it published; for commands
     * that run beside the node. Blobs are opened as configured.
     */
    public static NodeStorage openBesideRunningNode(NodeConfig config) throws IOException {
        DatabaseConfig dbConfig = config.externalDatabase().isPresent() ? config.externalDatabase().get()
                : readPublished(config.runtimeDir());
        Database database = Database.open(dbConfig);
        try {
            return new NodeStorage(null, database, openBlobStore(config), null);
        } catch (IOException | RuntimeException e) {
            closeQuietlyInto(e, database, null);
            throw e;
        }
    }

    private static BlobStore openBlobStore(NodeConfig config) throws IOException {
        BlobStore store;
        if (config.s3().isPresent()) {
            store = S3BlobStore.open(config.s3().get());
        } else {
            Files.createDirectories(config.blobDir());
            store = new FileSystemBlobStore(config.blobDir());
        }
        return encryptedIfConfigured(config, store);
    }

    /** SM4-GCM at rest when a key file is configured; a bad key file stops the node before it stores anything. */
    private static BlobStore encryptedIfConfigured(NodeConfig config, BlobStore store) throws IOException {
        if (config.encryptionKeyFile().isEmpty()) {
            return store;
        }
        try {
            return new Sm4GcmBlobStore(store, EncryptionKeys.read(config.encryptionKeyFile().get()));
        } catch (IOException | IllegalArgumentException e) {
            store.close();
            throw new IOException("encryption-key-file: " + e.getMessage(), e);
        }
    }

    private static Path publish(Path runtimeDir, DatabaseConfig db) throws IOException {
        Files.createDirectories(runtimeDir);
        Properties p = new Properties();
        p.setProperty(URL, db.jdbcUrl());
        p.setProperty(USER, db.user());
        p.setProperty(PASSWORD, db.password());
        Path file = runtimeDir.resolve(RUNTIME_FILE);
        Path tmp = runtimeDir.resolve(RUNTIME_FILE + ".tmp");
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            p.store(w, "written by the running HR Node; removed when it stops");
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return file;
    }

    private static DatabaseConfig readPublished(Path runtimeDir) throws IOException {
        Path file = runtimeDir.resolve(RUNTIME_FILE);
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new IOException("the node running on this data directory has not published its database address ("
                    + file + "): " + e.getMessage(), e);
        }
        return new DatabaseConfig(p.getProperty(URL), p.getProperty(USER), p.getProperty(PASSWORD, ""), 2);
    }

    /** Diagnostic reports (Xinjiang exam report model) and their links to studies. */
    public PostgresReports reports() {
        return new PostgresReports(transactor);
    }

    /** Consents, recognition queries, clinicians' decisions and quotations. */
    public PostgresRecognitionRecords recognitionRecords() {
        return new PostgresRecognitionRecords(transactor);
    }

    /** The blob store as everything uses it, timed for the latency metric. */
    public BlobLatency blobLatency() {
        return blobs;
    }

    /** The database pool's live counts (active, idle, waiting), for the metrics. */
    public Optional<HikariPoolMXBean> databasePool() {
        return database.dataSource() instanceof HikariDataSource hikari
                ? Optional.ofNullable(hikari.getHikariPoolMXBean()) : Optional.empty();
    }

    /** The index database, for whole-database work such as backup and restore. */
    public javax.sql.DataSource dataSource() {
        return database.dataSource();
    }

    /** The audit trail's table (append, export, verify, prune). */
    public PostgresAuditLog auditLog() {
        return new PostgresAuditLog(database.dataSource());
    }

    /** Uncompressed images waiting to be compressed losslessly. */
    public CompressionQueue compressionQueue() {
        return compressionQueue;
    }

    /** Studies waiting for AI QC, on every node sharing this database. */
    public QcJobQueue qcJobQueue() {
        return new QcJobQueue(transactor);
    }

    /** The stored AI QC results. */
    public QcResults qcResults() {
        return new QcResults(transactor);
    }

    /** Reviewers' decisions on the AI verdicts (the effective verdict, the audit trail). */
    public QcDecisions qcDecisions() {
        return new QcDecisions(transactor);
    }

    /** The QC console's reads over judged studies. */
    public QcWorklist qcWorklist() {
        return new QcWorklist(transactor);
    }

    /** Studies as AI QC reads them. */
    public QcStudies qcStudies() {
        return new QcStudies(transactor);
    }

    /** Which catalogue items each institution is recognised for. */
    public InstitutionRecognitions recognitions() {
        return new InstitutionRecognitions(transactor);
    }

    /**
     * Calls {@code listener} after each instance this process records (new or a new version), once committed; on
     * the recording thread, so it must be quick.
     */
    public void whenInstanceRecorded(Runnable listener) {
        recordListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public BlobStore blobs() {
        return blobs;
    }

    /** The instances' DICOM JSON and the pre-built series metadata documents, for WADO-RS. */
    public InstanceMetadataIndex instanceMetadata() {
        return instanceMetadata;
    }

    public Index index() {
        return index;
    }

    /** Local accounts (console, DICOM user identity). */
    public org.hrnode.node.security.Accounts accounts() {
        return new org.hrnode.node.security.Accounts(transactor);
    }

    public AeRegistry aeRegistry() {
        return aeRegistry;
    }

    /** The institutions' tables of local exam codes and names → catalogue items. */
    public CatalogMappings catalogMappings() {
        return new PostgresCatalogMappings(new Transactor(database.dataSource()));
    }

    /** The data-quality aggregates over the index, and the database's health. */
    public PostgresQualityStatistics qualityStatistics() {
        return new PostgresQualityStatistics(database.dataSource());
    }

    public StoreAndIndex storeAndIndex() {
        return new StoreAndIndex(blobs, index);
    }

    /** "embedded PostgreSQL in DIR" or the external URL, and the blob store; no secrets. */
    public String describe() {
        return (embedded != null ? "embedded PostgreSQL in " + embedded.dataDirectory() : database.toString())
                + "; blobs: " + blobs;
    }

    @Override
    public void close() throws IOException {
        IOException failure = null;
        try {
            blobs.close();
        } catch (IOException e) {
            failure = e;
        }
        try {
            if (runtimeFile != null) {
                Files.deleteIfExists(runtimeFile);
            }
        } catch (IOException e) {
            failure = addTo(failure, e);
        }
        try {
            instanceMetadata.close();   // its listener holds a pooled connection: before the pool closes
            database.close();
        } catch (RuntimeException e) {
            failure = addTo(failure, new IOException("closing the database pool failed", e));
        }
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                failure = addTo(failure, e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static IOException addTo(IOException first, IOException next) {
        if (first == null) {
            return next;
        }
        first.addSuppressed(next);
        return first;
    }

    private static void closeQuietlyInto(Exception failure, Database database, EmbeddedDatabase embedded) {
        if (database != null) {
            try {
                database.close();
            } catch (RuntimeException e) {
                failure.addSuppressed(e);
            }
        }
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException | RuntimeException e) {
                failure.addSuppressed(e);
            }
        }
    }
}
