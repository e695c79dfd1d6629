package org.hrnode.aiqc.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.hrnode.aiqc.catalog.CatalogMatch;
import org.hrnode.aiqc.catalog.CatalogMatcher;
import org.hrnode.aiqc.catalog.InstitutionMappings;
import org.hrnode.aiqc.check.InstanceInput.LoadedPixels;
import org.hrnode.aiqc.check.Outcome;
import org.hrnode.aiqc.grade.Deduction;
import org.hrnode.aiqc.grade.StudyQc;
import org.hrnode.aiqc.grade.StudyVerdict;
import org.hrnode.aiqc.model.QcModel;
import org.hrnode.dicom.data.TransferSyntax;
import org.hrnode.dicom.io.DicomFile;
import org.hrnode.dicom.io.DicomParseException;
import org.hrnode.dicom.io.DicomReader;
import org.hrnode.dicom.dict.Tag;

/**
 * The node's assessor: the catalogue matcher says which item(s) a study is, the checks and grading say how good it
 * is, and the learned model adds a per-series hint ({@link ModelOpinions}, not scored). All are thread-safe. Pixels
 * are read from the blob store only for the images the metrics sample
 * ({@link org.hrnode.aiqc.check.InstanceInput#withPixelsOnDemand}) and one image per series for the model, and each
 * of those objects is read and decoded once per assessment, image by image (a multi-frame object only as far as
 * its header and the judged frame, {@link FramesInPlace}): the metrics and the model share its
 * decoded frame ({@link org.hrnode.aiqc.check.DecodedFrame}).
 */
public final class EngineAssessor implements StudyAssessor {

    /**
     * Names the engines that judged, stored with each result so a verdict can be traced to the rules that made it;
     * raise it when the shipped check table, grade scale or vocabulary change meaning.
     */
    public static final String ENGINES_VERSION = "catalogue+checks/2026.11";

    private final CatalogMatcher matcher;
    private final Function<String, InstitutionMappings> mappings;
    private final StudyQc qc;
    private final ModelOpinions model;

    /**
     * With the QC model shipped in the jar.
     *
     * @param mappings an institution's catalogue mapping table by institution code (empty when it has none)
     */
    public EngineAssessor(CatalogMatcher matcher, Function<String, InstitutionMappings> mappings, StudyQc qc) {
        this(matcher, mappings, qc, ModelOpinions.shipped());
    }

    /** @param model the learned model; a supplier that throws means none (its results then say why) */
    public EngineAssessor(CatalogMatcher matcher, Function<String, InstitutionMappings> mappings, StudyQc qc,
            Supplier<QcModel> model) {
        this.matcher = Objects.requireNonNull(matcher, "matcher");
        this.mappings = Objects.requireNonNull(mappings, "mappings");
        this.qc = Objects.requireNonNull(qc, "qc");
        this.model = new ModelOpinions(Objects.requireNonNull(model, "model"));
    }

    @Override
    public StudyAssessment assess(StudyInput study) throws AssessmentException {
        CatalogMatch match = matcher.match(study.headers(), study.institutionCode() == null
                ? InstitutionMappings.none() : mappings.apply(study.institutionCode()));
        // The model's images are looked at while the metrics have them loaded, so each stored object is read and
        // decoded once per assessment; only the model's small working images are kept, one per series.
        Set<InstanceInput> forModel = Collections.newSetFromMap(new IdentityHashMap<>());
        if (model.available()) {
            forModel.addAll(model.chosen(study));
        }
        Map<InstanceInput, ModelOpinions.Look> looks = Collections.synchronizedMap(new IdentityHashMap<>());
        List<org.hrnode.aiqc.check.InstanceInput> inputs = new ArrayList<>();
        for (InstanceInput i : study.instances()) {
            inputs.add(org.hrnode.aiqc.check.InstanceInput.withPixelsOnDemand(i.header(),
                    TransferSyntax.orDefault(i.transferSyntaxUid()), () -> {
                        LoadedPixels pixels = load(i);
                        if (forModel.contains(i)) {
                            looks.put(i, ModelOpinions.Look.of(pixels));
                        }
                        return pixels;
                    }));
        }
        StudyVerdict verdict = qc.evaluate(inputs);
        List<CatalogueMatch> items = match.items().stream()
                .map(m -> new CatalogueMatch(m.item().no(), m.item().name(), m.confidence())).toList();
        List<Veto> vetoes = verdict.vetoes().stream().map(v -> new Veto(v.checkId(), v.zh(), v.en())).toList();
        List<CheckResult> checks = new ArrayList<>(verdict.allResults().stream().map(r -> {
            Deduction d = verdict.deductions().stream()
                    .filter(x -> x.checkId().equals(r.checkId()) && x.scope().equals(r.scope()))
                    .findFirst().orElse(null);
            return new CheckResult(r.checkId(), r.scope(), passed(r.outcome()), value(r),
                    d == null ? qc.table().require(r.checkId()).zh() : d.zh(),
                    d == null ? qc.table().require(r.checkId()).en() : d.en());
        }).toList());
        try {
            checks.addAll(model.of(study, i -> {
                ModelOpinions.Look look = looks.remove(i);
                return look != null ? look : ModelOpinions.Look.of(load(i));
            }));
        } catch (IOException e) {
            throw new AssessmentException("reading a stored object for the QC model: " + e.getMessage(), e);
        }
        return new StudyAssessment(items, match.explanation(), verdict.score(), grade(verdict.grade()), vetoes,
                checks, ENGINES_VERSION + "; " + model.version());
    }

    /** Passed unless it failed; a warning passes at half the points. Not applicable is neither. */
    private static Boolean passed(Outcome outcome) {
        return switch (outcome) {
            case PASS, WARN -> true;
            case FAIL -> false;
            case NOT_APPLICABLE -> null;
        };
    }

    private static Map<String, Object> value(org.hrnode.aiqc.check.CheckResult r) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("outcome", r.outcome().name());
        value.put("values", r.values());
        value.put("threshold", r.threshold());
        value.put("detail", r.detail());
        return value;
    }

    private static Grade grade(org.hrnode.aiqc.grade.Grade grade) {
        return switch (grade) {
            case JIA -> Grade.A;
            case YI -> Grade.B;
            case BING -> Grade.C;
            case FEI -> Grade.D;
        };
    }

    /**
     * The stored object as read now (its transfer syntax may be newer than the snapshot's, see StudyInputs), with
     * the decoded frame its readers share.
     */
    private static LoadedPixels load(InstanceInput instance) throws IOException {
        if (instance.header().getInt(Tag.NumberOfFrames, 1) > 1) {
            try {
                LoadedPixels inPlace = FramesInPlace.load(instance.object());
                if (inPlace != null) {
                    return inPlace;
                }
            } catch (IOException e) {
                // The object may have been re-encoded between the header and the frame read (its old blob is
                // gone): read it whole as it is now, like a single-frame object.
            }
        }
        DicomFile file;
        try (InputStream in = instance.object().open()) {
            file = DicomReader.read(in);
        } catch (DicomParseException e) {
            throw new IOException("the stored object does not parse: " + e.getMessage(), e);
        }
        return new LoadedPixels(file.dataset(), file.transferSyntax());
    }
}
