package org.hrnode.aiqc.grade;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hrnode.aiqc.check.CheckResult;
import org.hrnode.aiqc.check.CheckTable;
import org.hrnode.aiqc.check.InstanceInput;
import org.hrnode.aiqc.check.ModalityFamily;
import org.hrnode.aiqc.metrics.ImageChecks;
import org.hrnode.aiqc.rules.HeaderRules;
import org.hrnode.aiqc.rules.Headers;
import org.hrnode.aiqc.rules.SeriesHeaders;
import org.hrnode.aiqc.rules.StudyHeaders;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.dict.Tag;

/**
 * The QC of one study: header rules on every instance, image metrics on a sample of each series, and the grade.
 * The entry point for the pipeline: {@code new StudyQc(...).evaluate(instances)}. Stateless and thread-safe.
 *
 * <p>Scores: an image scores 100 minus its image-level deductions; a series the mean of its judged images minus its
 * series-level deductions; the study the mean of its series minus the study-level deductions, within 0–100. A FAIL
 * costs the check's points and a WARN half. The grade follows the score ({@link GradeScale}) unless a veto check
 * failed anywhere, which makes it 废.
 */
public final class StudyQc {

    private final CheckTable table;
    private final GradeScale scale;
    private final QcOptions options;
    private final Clock clock;

    public StudyQc(CheckTable table, GradeScale scale, QcOptions options, Clock clock) {
        this.table = table;
        this.scale = scale;
        this.options = options;
        this.clock = clock;
    }

    /** Shipped checks and grades, the system clock and zone. */
    public static StudyQc withDefaults() {
        return new StudyQc(CheckTable.defaults(), GradeScale.DEFAULT, QcOptions.DEFAULT, Clock.systemDefaultZone());
    }

    /** The checks and thresholds this judges with. */
    public CheckTable table() {
        return table;
    }

    public StudyVerdict evaluate(List<InstanceInput> instances) {
        if (instances.isEmpty()) {
            throw new IllegalArgumentException("a study to judge needs at least one instance");
        }
        Map<Dataset, InstanceInput> inputs = new IdentityHashMap<>();
        List<Dataset> datasets = new ArrayList<>();
        for (InstanceInput i : instances) {
            inputs.put(i.dataset(), i);
            datasets.add(i.dataset());
        }
        StudyHeaders study = StudyHeaders.of(datasets, ZonedDateTime.now(clock.withZone(options.zone())));
        Map<String, List<CheckResult>> byScope = new LinkedHashMap<>();
        for (CheckResult r : HeaderRules.evaluate(study, table)) {
            byScope.computeIfAbsent(r.scope(), k -> new ArrayList<>()).add(r);
        }
        Map<Dataset, List<CheckResult>> imageResults = judgeSampledImages(study, inputs);
        List<SeriesVerdict> series = new ArrayList<>();
        for (SeriesHeaders s : study.series()) {
            SeriesVerdict v = judgeSeries(s, imageResults, byScope);
            if (v != null) {
                series.add(v);
            }
        }
        List<CheckResult> studyResults = byScope.getOrDefault("study", List.of());
        List<Deduction> deductions = new ArrayList<>();
        studyResults.forEach(r -> add(deductions, r));
        for (SeriesVerdict s : series) {
            s.results().forEach(r -> add(deductions, r));
            s.images().forEach(i -> i.results().forEach(r -> add(deductions, r)));
        }
        double seriesMean = series.stream().mapToDouble(SeriesVerdict::score).average().orElse(100);
        double score = clamp(seriesMean - points(studyResults));
        score = Math.round(score * 10) / 10.0;
        List<Deduction> vetoes = deductions.stream().filter(Deduction::veto).toList();
        Grade grade = vetoes.isEmpty() ? scale.gradeOf(score) : Grade.FEI;
        String uid = Headers.string(datasets.getFirst(), Tag.StudyInstanceUID);
        return new StudyVerdict(uid, score, grade, vetoes, deductions, series, studyResults);
    }

    private static List<Dataset> images(SeriesHeaders s) {
        return s.diagnosticImages().stream().filter(d -> d.contains(Tag.Rows) || d.contains(Tag.PixelData)).toList();
    }

    /**
     * The image metrics of every sampled image of the study, judged in parallel: decoding dominates (a JPEG-LS DR
     * view is ~0.2 s of CharLS, which cannot split one frame), and the images are independent, so a two-view DR
     * study takes about one view's time on two cores. The JDK's common pool bounds the threads to the cores; the
     * results are gathered in the study's order, so the verdict does not depend on which image finished first.
     */
    private Map<Dataset, List<CheckResult>> judgeSampledImages(StudyHeaders study, Map<Dataset, InstanceInput> inputs) {
        record Job(Dataset image, ModalityFamily family) {
        }
        List<Job> jobs = new ArrayList<>();
        for (SeriesHeaders s : study.series()) {
            for (Dataset d : sample(images(s), options.maxImagesPerSeries())) {
                jobs.add(new Job(d, s.family()));
            }
        }
        List<List<CheckResult>> results = jobs.parallelStream()
                .map(job -> ImageChecks.evaluate(inputs.get(job.image()), job.family(), table)).toList();
        Map<Dataset, List<CheckResult>> byImage = new IdentityHashMap<>();
        for (int i = 0; i < jobs.size(); i++) {
            byImage.put(jobs.get(i).image(), results.get(i));
        }
        return byImage;
    }

    private SeriesVerdict judgeSeries(SeriesHeaders s, Map<Dataset, List<CheckResult>> imageResults,
            Map<String, List<CheckResult>> byScope) {
        List<Dataset> images = images(s);
        List<CheckResult> seriesResults = byScope.getOrDefault(s.seriesUid(), List.of());
        if (images.isEmpty() && seriesResults.isEmpty()) {
            return null;
        }
        List<ImageVerdict> judged = new ArrayList<>();
        for (Dataset d : images) {
            String sop = Headers.string(d, Tag.SOPInstanceUID);
            List<CheckResult> results = new ArrayList<>(byScope.getOrDefault(sop, List.of()));
            List<CheckResult> metrics = imageResults.get(d);
            if (metrics != null) {
                results.addAll(metrics);
            }
            if (!results.isEmpty()) {
                judged.add(new ImageVerdict(sop, Math.round(clamp(100 - points(results)) * 10) / 10.0, results));
            }
        }
        double imageMean = judged.stream().mapToDouble(ImageVerdict::score).average().orElse(100);
        double score = Math.round(clamp(imageMean - points(seriesResults)) * 10) / 10.0;
        return new SeriesVerdict(s.seriesUid(), s.family(), score, images.size(), judged, seriesResults);
    }

    /** Up to {@code max} images spread evenly through the series in Instance Number order. */
    static List<Dataset> sample(List<Dataset> images, int max) {
        List<Dataset> ordered = new ArrayList<>(images);
        ordered.sort(Comparator.comparingDouble(d -> {
            double n = Headers.number(d, Tag.InstanceNumber);
            return Double.isNaN(n) ? Double.MAX_VALUE : n;
        }));
        if (ordered.size() <= max) {
            return ordered;
        }
        Set<Dataset> out = new LinkedHashSet<>();
        for (int k = 0; k < max; k++) {
            int index = (int) Math.round((k + 0.5) * ordered.size() / max - 0.5);
            out.add(ordered.get(Math.max(0, Math.min(ordered.size() - 1, index))));
        }
        return new ArrayList<>(out);
    }

    private double points(List<CheckResult> results) {
        double sum = 0;
        for (CheckResult r : results) {
            if (r.outcome().costs()) {
                sum += Deduction.of(r, table.require(r.checkId())).points();
            }
        }
        return sum;
    }

    private void add(List<Deduction> deductions, CheckResult r) {
        if (r.outcome().costs()) {
            deductions.add(Deduction.of(r, table.require(r.checkId())));
        }
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(100, v));
    }
}
