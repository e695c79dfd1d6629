package org.hrnode.node.app;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.hrnode.aiqc.catalog.Catalog;
import org.hrnode.aiqc.catalog.CatalogMatcher;
import org.hrnode.aiqc.check.CheckTable;
import org.hrnode.aiqc.grade.GradeScale;
import org.hrnode.aiqc.grade.QcOptions;
import org.hrnode.aiqc.grade.StudyQc;
import org.hrnode.aiqc.pipeline.EngineAssessor;
import org.hrnode.aiqc.pipeline.StudyAssessor;
import org.hrnode.node.audit.AuditService;
import org.hrnode.node.audit.DimseAudit;
import org.hrnode.node.audit.HttpAuditFilter;
import org.hrnode.node.catalog.CatalogService;
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
import org.hrnode.node.config.SecuritySettings;
import org.hrnode.node.security.AuthResource;
import org.hrnode.node.security.Authenticator;
import org.hrnode.node.security.DimseAccess;
import org.hrnode.node.security.PasswordHasher;
import org.hrnode.node.security.SecurityFilter;
import org.hrnode.node.security.SessionTokens;
import org.hrnode.node.security.TokenVerifier;
import org.hrnode.storage.ae.ApplicationEntity;
import org.hrnode.dicom.net.service.FindHandler;
import org.hrnode.dicom.net.service.MoveHandler;
import org.hrnode.dicom.net.service.RetrieveHandler;
import org.hrnode.dicom.net.service.StoreHandler;
import javax.net.ssl.SSLContext;
import org.hrnode.node.dicomweb.IngestStow;
import org.hrnode.node.dimse.IndexFindHandler;
import org.hrnode.node.dimse.IndexRetrieveHandler;
import org.hrnode.node.dimse.IngestStoreHandler;
import org.hrnode.node.dimse.LosslessPresentationContextPolicy;
import org.hrnode.node.dimse.RegisteredCallingAEs;
import org.hrnode.node.dimse.StorageSopClasses;
import org.hrnode.node.http.ApiResources;
import org.hrnode.node.http.HealthResource;
import org.hrnode.node.http.HealthzResource;
import org.hrnode.node.http.HttpServer;
import org.hrnode.node.metrics.EventCounters;
import org.hrnode.node.metrics.MetricsResource;
import org.hrnode.node.ingest.IngestService;
import org.hrnode.node.ingest.LosslessCheck;
import org.hrnode.node.qc.QcStudyMarks;
import org.hrnode.node.qc.QcWorker;
import org.hrnode.node.qc.StudyInputs;
import org.hrnode.node.quality.QualityJudge;
import org.hrnode.node.reports.DicomReportDocuments;
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
    /**
     * How long shutdown waits for DICOM associations in progress (a study being sent) to finish before aborting
     * them: long enough for a sender to complete its current objects, short enough for a service manager's stop
     * timeout (systemd's default is 90 s).
     */
    static final java.time.Duration ASSOCIATION_DRAIN = java.time.Duration.ofSeconds(30);

    private final NodeConfig config;
    private final NodeStorage storage;
    private final IngestService ingest;
    private final DicomServer dicom;
    private final HttpServer http;
    private final CompressionWorker compression;
    private final Optional<QcWorker> qc;
    private final StudyMarks marks;
    private final AuditService audit;

    private Node(NodeConfig config, NodeStorage storage, IngestService ingest, DicomServer dicom, HttpServer http,
            CompressionWorker compression, Optional<QcWorker> qc, StudyMarks marks, AuditService audit) {
        this.audit = audit;
        this.config = config;
        this.storage = storage;
        this.ingest = ingest;
        this.dicom = dicom;
        this.http = http;
        this.compression = compression;
        this.qc = qc;
        this.marks = marks;
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
        return start(config, storage, Optional.of(engineAssessor(storage, config)));
    }

    /**
     * {@link #start(NodeConfig, NodeStorage)} with the AI QC pipeline judging through {@code assessor}; without one,
     * studies are queued for QC (durably) but not judged until a node with an assessor runs.
     */
    public static Node start(NodeConfig config, NodeStorage storage, Optional<StudyAssessor> assessor)
            throws IOException {
        CompressionWorker compression = null;
        QcWorker qc = null;
        AuditService audit = null;
        try {
            audit = AuditService.start(storage.auditLog(), config.audit(), Clock.systemUTC());
            ReadOptions readOptions = readOptions(config);
            compression = new CompressionWorker(storage.compressionQueue(), storage.blobs(), readOptions,
                    workerName(config), config.compressionRetry());
            EventCounters events = new EventCounters(audit);
            IngestService ingest = newIngestService(config, storage, compression::queued).audited(events);
            compression.start();
            QcStudyMarks marks = new QcStudyMarks(storage.qcResults(), config.qc().poll(), Clock.systemUTC(),
                    config.timeZone());
            if (assessor.isPresent()) {
                qc = newQcWorker(config, storage, assessor.get(), marks);
                storage.whenInstanceRecorded(qc::instanceRecorded);
                qc.start();
            } else {
                LOG.warn("event=qc_not_judging reason=\"no StudyAssessor installed\" effect=\"studies stay queued for"
                        + " AI QC; none is marked 川渝 HR\"");
            }
            Authenticator authenticator = authenticator(config, storage);
            DicomServer dicom = startDicom(config, storage, ingest, authenticator,
                    new DimseAudit(events, Clock.systemUTC()));
            HttpServer http;
            try {
                List<Object> resources = httpResources(config, storage, compression, marks, ingest, audit, events);
                resources.add(new AuthResource(authenticator, config.security().production()));
                resources.add(new SecurityFilter(config.security().production(), authenticator,
                        config.security().httpTls().isPresent() || config.security().behindTlsProxy(),
                        () -> storage.aeRegistry().find(config.stowAeTitle())
                                .map(ApplicationEntity::institutionCode)));
                Optional<SSLContext> https = config.security().httpTls().isPresent()
                        ? Optional.of(config.security().httpTls().get().sslContext()) : Optional.empty();
                http = HttpServer.start(new InetSocketAddress(InetAddress.getByName(config.bindAddress()),
                        config.httpPort()), resources, List.of(DicomWeb.STOW_PATH), https, config.proxy());
            } catch (IOException | RuntimeException e) {
                dicom.close();
                throw e;
            }
            LOG.info("event=started ae={} dicom_port={} http_port={} bind={} tls={} dev_mode={}", config.aeTitle(),
                    dicom.port(), http.port(), config.bindAddress(), config.dicomTls().isPresent(), config.devMode());
            reportSecurity(config);
            LOG.info("event=http_proxy trusted_proxies={} public_url={}", config.proxy().trustedProxies(),
                    config.proxy().publicUrl().map(Object::toString).orElse("none"));
            LOG.info("event=dicomweb stow_ae={} cors_allowed_origins={}", config.stowAeTitle(),
                    config.corsAllowedOrigins().isEmpty() ? "none" : String.join(",", config.corsAllowedOrigins()));
            LOG.info("event=lossless_rule enforced={} uncompressed={}", !config.acceptLossyImages(),
                    config.uncompressedImages().configValue());
            LOG.info("event=audit retention_days={} queue={} encryption_at_rest={}",
                    config.audit().retention().days(), config.audit().queueSize(),
                    config.encryptionKeyFile().isPresent() ? "SM4-GCM" : "off");
            return new Node(config, storage, ingest, dicom, http, compression, Optional.ofNullable(qc),
                    marks, audit);
        } catch (IOException | RuntimeException e) {
            try {
                if (qc != null) {
                    qc.close();
                }
                if (compression != null) {
                    compression.close();
                }
                if (audit != null) {
                    audit.close();
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
        IngestService ingest = new IngestService(storage.blobs(), storage.storeAndIndex(), storage.aeRegistry(),
                readOptions, Clock.systemUTC(), new QualityJudge(config.timeZone(), config.lateAfter()), lossless);
        // report objects (Encapsulated PDF, SR) become or join the study's diagnostic reports
        ingest.whenStored(new DicomReportDocuments(storage.blobs(), storage.reports())::stored);
        return ingest;
    }

    /** How objects are parsed: undeclared text decoded with the configured charset. */
    public static ReadOptions readOptions(NodeConfig config) {
        return ReadOptions.defaults().withCharsetPolicy(
                ReadOptions.defaults().charsetPolicy().withUndeclaredCharset(config.undeclaredCharset()));
    }

    /** The node's API and its DICOMweb service, served on one HTTP port. */
    private static List<Object> httpResources(NodeConfig config, NodeStorage storage,
            CompressionWorker compression, QcStudyMarks marks, IngestService ingest, AuditService audit,
            EventCounters events) {
        List<Object> resources = new ArrayList<>(ApiResources.of(config, storage, Clock.systemUTC(),
                compression::backlog));
        resources.addAll(ApiResources.console(config, storage, Clock.systemUTC(), marks::invalidate));
        resources.add(new HttpAuditFilter(events, Clock.systemUTC()));
        resources.add(new HealthzResource(new HealthResource(storage.qualityStatistics(), storage.blobs(),
                compression::backlog)));
        resources.add(new MetricsResource(events, audit, storage.blobLatency(), compression::countBacklog,
                compression::backlogByInstitution,
                () -> storage.qcJobQueue().backlog(QcWorker.MAX_ATTEMPTS), storage.databasePool()));
        resources.addAll(DicomWeb.resources(new DicomWebContext(storage.index(), storage.blobs(),
                storage.instanceMetadata(), marks,
                new DicomWebSettings(config.corsAllowedOrigins(), config.qidoMaxResults()),
                new IngestStow(ingest, config.stowAeTitle()))));
        return resources;
    }

    /**
     * The node's own judge: the catalogue matcher (with each institution's mapping table from the database) and the
     * shipped checks and grade scale.
     */
    static StudyAssessor engineAssessor(NodeStorage storage, NodeConfig config) {
        CatalogService catalog = new CatalogService(new CatalogMatcher(Catalog.standard()), storage.catalogMappings());
        return new EngineAssessor(catalog.matcher(), catalog::mappingsOf, new StudyQc(CheckTable.defaults(),
                GradeScale.DEFAULT, new QcOptions(QcOptions.DEFAULT.maxImagesPerSeries(), config.timeZone()), Clock.systemUTC()));
    }

    private static QcWorker newQcWorker(NodeConfig config, NodeStorage storage, StudyAssessor assessor,
            QcStudyMarks marks) {
        StudyInputs inputs = new StudyInputs(storage.index(), storage.blobs(), storage.recognitions(),
                config.timeZone());
        return new QcWorker(storage.qcJobQueue(), storage.qcStudies(), inputs, assessor, config.qc(),
                Clock.systemUTC(), config.timeZone(), workerName(config), marks::invalidate);
    }

    /** Who claims QC jobs, as operators read it in {@code qc_jobs.claimed_by}: AE title, host and process. */
    private static String workerName(NodeConfig config) {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "unknown-host";
        }
        return config.aeTitle() + "@" + host + "/" + ProcessHandle.current().pid();
    }

    /**
     * Bearer tokens (an OIDC server's, and the node's own session tokens) and local accounts. Production mode
     * refuses to start when nobody could log in: a node that refuses everyone looks up but serves no one.
     */
    private static Authenticator authenticator(NodeConfig config, NodeStorage storage) throws IOException {
        Optional<TokenVerifier> jwt = Optional.empty();
        if (config.security().jwt().isPresent()) {
            SecuritySettings.Jwt j = config.security().jwt().get();
            jwt = Optional.of(TokenVerifier.of(j.jwks(), j.issuer(), j.audience(), j.clockSkew()));
        }
        Authenticator authenticator = new Authenticator(jwt, new SessionTokens(config.aeTitle(), Clock.systemUTC()),
                storage.accounts(), new PasswordHasher(), Clock.systemUTC());
        if (config.security().production() && !authenticator.anyoneCanLogIn()) {
            throw new IOException("production mode needs authentication: set jwt-jwks (and jwt-issuer) for an OIDC "
                    + "server's tokens, or add a local account with ./hrnode user add");
        }
        return authenticator;
    }

    private static void reportSecurity(NodeConfig config) {
        SecuritySettings s = config.security();
        if (s.production()) {
            LOG.info("event=security mode=production jwt={} https={} behind_tls_proxy={}", s.jwt().isPresent(),
                    s.httpTls().isPresent(), s.behindTlsProxy());
        } else {
            LOG.warn("event=security mode=dev effect=\"SECURITY IS OFF: no authentication, every caller has every "
                    + "role, patient data unmasked; listening on {} only. Use --production to serve a network.\"",
                    config.bindAddress());
        }
    }

    /** Which pixel codecs this machine can run; a missing native library is worth a warning, not a refusal. */
    private static void reportCodecs() {
        Codecs.Availability codecs = Codecs.availability();
        LOG.info("event=codecs {}", codecs.summary());
        for (String problem : codecs.problems()) {
            LOG.warn("event=codec_unavailable reason=\"{}\"", problem);
        }
    }

    private static DicomServer startDicom(NodeConfig config, NodeStorage storage, IngestService ingest,
            Authenticator authenticator, DimseAudit audit) throws IOException {
        IndexRetrieveHandler retrieve = new IndexRetrieveHandler(storage.index(), storage.blobs(),
                storage.aeRegistry(), audit);
        StoreHandler store = new IngestStoreHandler(ingest);
        FindHandler find = new IndexFindHandler(storage.index(), audit);
        MoveHandler move = retrieve;
        RetrieveHandler get = retrieve;
        Optional<DimseAccess> access = config.security().production()
                ? Optional.of(new DimseAccess(authenticator, storage.aeRegistry())) : Optional.empty();
        if (access.isPresent()) {
            store = access.get().store(store);
            find = access.get().find(find);
            move = access.get().move(move);
            get = access.get().get(get);
        }
        ServiceRegistry services = ServiceRegistry.builder()
                .verification()
                .storage(StorageSopClasses.all(), store)
                .find(IndexFindHandler.informationModels(), find)
                .move(IndexRetrieveHandler.moveModels(), move,
                        new AssociationRequestor(AssociationSettings.defaults()))
                .get(IndexRetrieveHandler.getModels(), get)
                .build();
        AssociationAcceptancePolicy acceptance = AssociationAcceptancePolicy.calledAETitle(config.aeTitle());
        if (!config.devMode()) {
            acceptance = acceptance.and(new RegisteredCallingAEs(storage.aeRegistry()));
        }
        AcceptorConfig.Builder acceptor = AcceptorConfig.builder(config.aeTitle())
                .bind(new InetSocketAddress(InetAddress.getByName(config.bindAddress()), config.dicomPort()))
                .maxAssociations(config.maxAssociations())
                .acceptancePolicy(audit.auditing(acceptance));
        access.ifPresent(a -> acceptor.userIdentityAuthenticator(a.userIdentityAuthenticator()));
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

    /** Which studies carry the "川渝 HR" mark, as DICOMweb asks. */
    public StudyMarks marks() {
        return marks;
    }

    /** The AI QC worker, absent when no assessor is installed. */
    public Optional<QcWorker> qc() {
        return qc;
    }

    /** The audit trail every service records into. */
    public AuditService audit() {
        return audit;
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
                dicom.close(ASSOCIATION_DRAIN);
            } finally {
                try {
                    qc.ifPresent(QcWorker::close);
                } finally {
                    try {
                        compression.close();
                    } finally {
                        try {
                            audit.close(); // after the services: their last requests are written too
                        } finally {
                            storage.close();
                        }
                    }
                }
            }
        }
    }
}
