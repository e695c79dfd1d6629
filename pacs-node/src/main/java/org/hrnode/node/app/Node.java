package org.hrnode.node.app;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.hrnode.dicom.codec.Codecs;
import org.hrnode.dicom.io.ReadOptions;
import org.hrnode.dicom.net.service.DicomServer;
import org.hrnode.dicom.net.service.ServiceRegistry;
import org.hrnode.dicom.net.ul.AcceptorConfig;
import org.hrnode.dicom.net.ul.AssociationAcceptancePolicy;
import org.hrnode.dicom.net.ul.AssociationRequestor;
import org.hrnode.dicom.net.ul.AssociationSettings;
import org.hrnode.node.compress.CompressionWorker;
import org.hrnode.node.config.NodeConfig;
import org.hrnode.node.dimse.IndexFindHandler;
import org.hrnode.node.dimse.IndexRetrieveHandler;
import org.hrnode.node.dimse.IngestStoreHandler;
import org.hrnode.node.dimse.LosslessPresentationContextPolicy;
import org.hrnode.node.dimse.RegisteredCallingAEs;
import org.hrnode.node.dimse.StorageSopClasses;
import org.hrnode.node.http.ApiResources;
import org.hrnode.node.http.HttpServer;
import org.hrnode.node.ingest.IngestService;
import org.hrnode.node.ingest.LosslessCheck;
import org.hrnode.node.quality.QualityJudge;
import org.hrnode.wado.DicomWeb;
import org.hrnode.wado.DicomWebContext;
import org.hrnode.wado.DicomWebSettings;
import org.hrnode.wado.StudyMarks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running node: its storage and its DICOM service, wired together. The caller holds the data directory's lock.
 * Started in full or not at all; closed in reverse order of starting.
 */
public final class Node implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Node.class);

    private final NodeConfig config;
    private final NodeStorage storage;
    private final IngestService ingest;
    private final DicomServer dicom;
    private final HttpServer http;
    private final CompressionWorker compression;

    private Node(NodeConfig config, NodeStorage storage, IngestService ingest, DicomServer dicom, HttpServer http,
            CompressionWorker compression) {
        this.config = config;
        this.storage = storage;
        this.ingest = ingest;
        this.dicom = dicom;
        this.http = http;
        this.compression = compression;
    }

    public static Node start(NodeConfig config) throws IOException {
        reportCodecs();
        return start(config, NodeStorage.openAsOwner(config));
    }

    /**
     * Starts the services over storage the caller opened, e.g. with a blob store a test can take down. The node owns
     * {@code storage} from here on: it closes it when it stops, or at once if starting fails.
     */
    public static Node start(NodeConfig config, NodeStorage storage) throws IOException {
        CompressionWorker compression = null;
        try {
            ReadOptions readOptions = readOptions(config);
            compression = new CompressionWorker(storage.compressionQueue(), storage.blobs(), readOptions);
            IngestService ingest = newIngestService(config, storage, compression::queued);
            compression.start();
            DicomServer dicom = startDicom(config, storage, ingest);
            HttpServer http;
            try {
                http = HttpServer.start(new InetSocketAddress(InetAddress.getByName(config.bindAddress()),
                        config.httpPort()), httpResources(config, storage, compression));
            } catch (IOException | RuntimeException e) {
                dicom.close();
                throw e;
            }
            LOG.info("event=started ae={} dicom_port={} http_port={} bind={} tls={} dev_mode={}", config.aeTitle(),
                    dicom.port(), http.port(), config.bindAddress(), config.dicomTls().isPresent(), config.devMode());
            LOG.info("event=lossless_rule enforced={} uncompressed={}", !config.acceptLossyImages(),
                    config.uncompressedImages().configValue());
            return new Node(config, storage, ingest, dicom, http, compression);
        } catch (IOException | RuntimeException e) {
            try {
                if (compression != null) {
                    compression.close();
                }
                storage.close();
            } catch (IOException | RuntimeException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    /**
     * The one ingest path over {@code storage}, with the configured rules (quality, lossless), as the node and
     * {@code ./hrnode import} use it.
     *
     * @param compressionQueued told each SOP Instance UID queued for compression once it is stored (the queue itself
     *     is durable in the database)
     */
    public static IngestService newIngestService(NodeConfig config, NodeStorage storage,
            Consumer<String> compressionQueued) {
        ReadOptions readOptions = readOptions(config);
        LosslessCheck lossless = config.acceptLossyImages() ? LosslessCheck.off()
                : LosslessCheck.enforced(storage.blobs(), readOptions, config.uncompressedImages(), compressionQueued);
        return new IngestService(storage.blobs(), storage.storeAndIndex(), storage.aeRegistry(), readOptions,
                Clock.systemUTC(), new QualityJudge(config.timeZone(), config.lateAfter()), lossless);
    }

    /** How objects are parsed: undeclared text decoded with the configured charset. */
    public static ReadOptions readOptions(NodeConfig config) {
        return ReadOptions.defaults().withCharsetPolicy(
                ReadOptions.defaults().charsetPolicy().withUndeclaredCharset(config.undeclaredCharset()));
    }

    /** The node's API and its DICOMweb service, served on one HTTP port. */
    private static List<Object> httpResources(NodeConfig config, NodeStorage storage,
            CompressionWorker compression) {
        List<Object> resources = new ArrayList<>(ApiResources.of(config, storage, Clock.systemUTC(),
                compression::backlog));
        resources.addAll(DicomWeb.resources(new DicomWebContext(storage.index(), storage.blobs(), StudyMarks.NONE,
                DicomWebSettings.defaults().withQidoMaxResults(config.qidoMaxResults()))));
        return resources;
    }

    /** Which pixel codecs this machine can run; a missing native library is worth a warning, not a refusal. */
    private static void reportCodecs() {
        Codecs.Availability codecs = Codecs.availability();
        LOG.info("event=codecs {}", codecs.summary());
        for (String problem : codecs.problems()) {
            LOG.warn("event=codec_unavailable reason=\"{}\"", problem);
        }
    }

    private static DicomServer startDicom(NodeConfig config, NodeStorage storage, IngestService ingest)
            throws IOException {
        IndexRetrieveHandler retrieve = new IndexRetrieveHandler(storage.index(), storage.blobs(),
                storage.aeRegistry());
        ServiceRegistry services = ServiceRegistry.builder()
                .verification()
                .storage(StorageSopClasses.all(), new IngestStoreHandler(ingest))
                .find(IndexFindHandler.informationModels(), new IndexFindHandler(storage.index()))
                .move(IndexRetrieveHandler.moveModels(), retrieve,
                        new AssociationRequestor(AssociationSettings.defaults()))
                .get(IndexRetrieveHandler.getModels(), retrieve)
                .build();
        AssociationAcceptancePolicy acceptance = AssociationAcceptancePolicy.calledAETitle(config.aeTitle());
        if (!config.devMode()) {
            acceptance = acceptance.and(new RegisteredCallingAEs(storage.aeRegistry()));
        }
        AcceptorConfig.Builder acceptor = AcceptorConfig.builder(config.aeTitle())
                .bind(new InetSocketAddress(InetAddress.getByName(config.bindAddress()), config.dicomPort()))
                .maxAssociations(config.maxAssociations())
                .acceptancePolicy(acceptance);
        if (!config.acceptLossyImages()) {
            acceptor.presentationContextPolicy(new LosslessPresentationContextPolicy(services.abstractSyntaxes(),
                    Set.copyOf(StorageSopClasses.all())));
        }
        if (config.dicomTls().isPresent()) {
            acceptor.tls(config.dicomTls().get().sslContext(), config.dicomTls().get().needClientAuth());
        }
        return DicomServer.start(acceptor, services);
    }

    public NodeConfig config() {
        return config;
    }

    /** The DICOM port actually bound (differs from the configured one when that was 0). */
    public int dicomPort() {
        return dicom.port();
    }

    /** DICOM connections being served now; lets a caller wait until the node has finished with its peers. */
    public int activeAssociations() {
        return dicom.acceptor().activeAssociations();
    }

    /** The HTTP port actually bound (differs from the configured one when that was 0). */
    public int httpPort() {
        return http.port();
    }

    public NodeStorage storage() {
        return storage;
    }

    public IngestService ingest() {
        return ingest;
    }

    /** The worker that compresses uncompressed images after ingest; its backlog is a quality metric. */
    public CompressionWorker compression() {
        return compression;
    }

    @Override
    public void close() throws IOException {
        try {
            http.close();
        } finally {
            try {
                dicom.close();
            } finally {
                try {
                    compression.close();
                } finally {
                    storage.close();
                }
            }
        }
    }
}
