package org.hrnode.node.http;

import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.hrnode.aiqc.catalog.Catalog;
import org.hrnode.aiqc.catalog.CatalogMatcher;
import org.hrnode.node.app.NodeStorage;
import org.hrnode.node.catalog.CatalogService;
import org.hrnode.node.config.NodeConfig;
import org.hrnode.node.qc.QcWorker;
import org.hrnode.node.quality.QualityReports;
import org.hrnode.node.reports.RecognitionService;
import org.hrnode.node.reports.ReportService;
import org.hrnode.node.quality.StudyStatuses;
import org.hrnode.storage.quality.PostgresQualityStatistics;

/** The node's own API resources ({@code /api/...}) over its storage, ready for {@link HttpServer#start}. */
public final class ApiResources {

    private ApiResources() {
    }

    /** The AI verdicts with the reviewers' decisions, as {@code /api/qc/studies} and the console show them. */
    public static QcStudyResource qcStudyResource(NodeConfig config, NodeStorage storage, Clock clock) {
        return new QcStudyResource(storage.qcResults(), storage.qcDecisions(), QcWorker.MAX_ATTEMPTS, clock,
                config.timeZone());
    }

    /**
     * The QC-centre console's API ({@code /api/console}).
     *
     * @param verdictChanged told each study whose effective verdict a reviewer changed
     */
    public static List<Object> console(NodeConfig config, NodeStorage storage, Clock clock,
            Consumer<String> verdictChanged) {
        return List.of(
                new ConsoleStudyResource(storage.qcWorklist(), storage.qcDecisions(), storage.qcResults(),
                        storage.qcJobQueue(), qcStudyResource(config, storage, clock), config.console(),
                        verdictChanged),
                new ConsoleWorklistResource(storage.qcWorklist(), storage.qcDecisions(), config.console()),
                new OpenApiResource(),
                new ConsolePageResource());
    }

    /** @param compressionBacklog images stored but not yet losslessly compressed */
    public static List<Object> of(NodeConfig config, NodeStorage storage, Clock clock,
            LongSupplier compressionBacklog) {
        PostgresQualityStatistics statistics = storage.qualityStatistics();
        CatalogService catalog = new CatalogService(new CatalogMatcher(Catalog.standard()), storage.catalogMappings());
        return List.of(
                new QualityResource(new QualityReports(storage.aeRegistry(), statistics, config.timeZone(),
                        config.lateAfter(), storage.reports()), clock),
                new StudyStatusResource(new StudyStatuses(statistics)),
                new HealthResource(statistics, storage.blobs(), compressionBacklog),
                new CatalogResource(catalog),
                qcStudyResource(config, storage, clock),
                new RecognitionResource(storage.recognitions()),
                new QcBacklogResource(() -> storage.qcJobQueue().backlog(QcWorker.MAX_ATTEMPTS)),
                new ReportResource(new ReportService(storage.reports())),
                new RecognitionServiceResource(new RecognitionService(storage.reports(),
                        storage.recognitionRecords(), catalog::mappingsOf, clock, config.timeZone())));
    }
}
