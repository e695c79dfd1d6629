package org.hrnode.node.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hrnode.node.Main;
import org.hrnode.node.app.NodeStorage;
import org.hrnode.node.config.ConfigException;
import org.hrnode.node.config.ConfigLoader;
import org.hrnode.node.config.NodeConfig;
import org.hrnode.node.quality.QualityReport;
import org.hrnode.node.quality.QualityReports;
import org.hrnode.node.quality.ReportPeriod;
import org.hrnode.storage.index.IndexException;

/**
 * {@code ./hrnode quality --institution CODE [--from YYYY-MM-DD] [--to YYYY-MM-DD]}: an institution's data-quality
 * report (QCspec §7.1) as a table. Works with the node stopped or running, as {@code ./hrnode ae} does.
 */
public final class QualityCommand {

    static final String USAGE = """
            usage: ./hrnode quality --institution CODE [--from YYYY-MM-DD] [--to YYYY-MM-DD] [config options]
              the period's days are both included (time zone: --time-zone); default: the last 30 days""";
    private static final String NOT_MEASURED = "-";

    private final Map<String, String> env;
    private final PrintStream out;
    private final PrintStream err;
    private final Clock clock;

    public QualityCommand(Map<String, String> env, PrintStream out, PrintStream err, Clock clock) {
        this.env = env;
        this.out = out;
        this.err = err;
        this.clock = clock;
    }

    public int run(List<String> args) {
        String institution = null;
        String from = null;
        String to = null;
        List<String> configArgs = new ArrayList<>();
        try {
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                switch (a) {
                    case "--institution" -> institution = valueAt(args, ++i, a);
                    case "--from" -> from = valueAt(args, ++i, a);
                    case "--to" -> to = valueAt(args, ++i, a);
                    default -> {
                        configArgs.add(a);
                        if (a.startsWith("--") && !a.contains("=") && i + 1 < args.size()) {
                            configArgs.add(args.get(++i));
                        }
                    }
                }
            }
            if (institution == null) {
                throw new IllegalArgumentException("--institution is required");
            }
            NodeConfig config = new ConfigLoader(env).load(configArgs);
            ReportPeriod period = ReportPeriod.parse(from, to, LocalDate.now(clock.withZone(config.timeZone())));
            Optional<QualityReport> report = report(config, institution, period);
            if (report.isEmpty()) {
                err.println("hrnode quality: no institution with code '" + institution
                        + "' is registered (see ./hrnode ae list)");
                return 1;
            }
            print(report.get());
            return 0;
        } catch (ConfigException | IllegalArgumentException e) {
            err.println("hrnode quality: " + e.getMessage() + "\n" + USAGE);
            return Main.EXIT_USAGE;
        } catch (IOException | IndexException e) {
            err.println("hrnode quality: " + e.getMessage());
            return 1;
        }
    }

    private static Optional<QualityReport> report(NodeConfig config, String institution, ReportPeriod period)
            throws IOException {
        try (CommandStorage opened = CommandStorage.open(config)) {
            NodeStorage storage = opened.storage();
            return new QualityReports(storage.aeRegistry(), storage.qualityStatistics(), config.timeZone(),
                    config.lateAfter(), storage.reports()).forInstitution(institution, period);
        }
    }

    private static String valueAt(List<String> args, int i, String flag) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(flag + " needs a value");
        }
        return args.get(i);
    }

    private void print(QualityReport r) {
        out.println("Data quality of " + r.institutionName() + " (" + r.institutionCode() + "), " + r.from() + " to "
                + r.to() + " (" + r.timeZone() + "): " + r.studies() + " studies, " + r.instances() + " instances");
        String row = "%-14s %9s  %-8s  %s%n";
        out.printf(row, "METRIC", "VALUE", "TARGET", "DETAIL");
        QualityReport.TimelinessMetric t = r.timeliness();
        out.printf(row, "timeliness", percent(t.percent()), "", t.onTimeStudies() + " on time, " + t.lateStudies()
                + " late (> " + t.lateAfterMinutes() + " min), " + t.unknownStudies() + " unknown time, "
                + t.clockSkewStudies() + " clock skew");
        metric(row, "completeness", r.completeness(), "fields present");
        metric(row, "accuracy", r.accuracy(), "instances without defects");
        QualityReport.Continuity c = r.continuity();
        out.printf(row, "continuity", c.longestGapHours() == null ? NOT_MEASURED : c.longestGapHours() + " h",
                "<= " + c.limitHours() + " h", c.longestGapHours() == null ? "fewer than two uploads"
                        : "longest gap " + c.gapStart() + " .. " + c.gapEnd() + (c.flagged() ? "  FLAGGED" : ""));
        metric(row, "lossless", r.lossless(), "instances arrived lossless-compressed");
        QualityReport.Consistency k = r.consistency();
        out.printf(row, "consistency", percent(k.percent()), "100%", k.reportsWithImages() + " of " + k.reports()
                + " reports with images, " + k.studiesWithReport() + " of " + k.studies() + " studies with a report");
        for (QualityReport.TurnaroundMetric m : r.reportTurnaround()) {
            out.printf(row, "report " + m.turnaroundClass().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                    percent(m.percent()), "< " + m.limitHours() + " h", m.withinLimit() + " of " + m.reports()
                    + " reports within the limit (" + m.label() + ")");
        }
    }

    private void metric(String row, String name, QualityReport.Metric m, String what) {
        String target = m.targetPercent() == null ? "" : ">= " + m.targetPercent().intValue() + "%";
        String verdict = m.meetsTarget() == null ? "" : m.meetsTarget() ? "  ok" : "  BELOW TARGET";
        out.printf(row, name, percent(m.percent()), target, m.numerator() + " of " + m.denominator() + " " + what
                + verdict);
    }

    private static String percent(Double p) {
        return p == null ? NOT_MEASURED : p + "%";
    }
}
