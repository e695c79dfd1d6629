package org.hrnode.node.qc;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.hrnode.aiqc.pipeline.AssessmentException;
import org.hrnode.aiqc.pipeline.CatalogueMatch;
import org.hrnode.aiqc.pipeline.CheckResult;
import org.hrnode.aiqc.pipeline.Grade;
import org.hrnode.aiqc.pipeline.InstanceInput;
import org.hrnode.aiqc.pipeline.StudyAssessment;
import org.hrnode.aiqc.pipeline.StudyAssessor;
import org.hrnode.aiqc.pipeline.StudyInput;
import org.hrnode.aiqc.pipeline.Veto;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.dict.Tag;
import org.hrnode.dicom.io.DicomFile;
import org.hrnode.dicom.io.DicomParseException;
import org.hrnode.dicom.io.DicomReader;

/**
 * A small but real assessor for pipeline tests (the engines come from the AI QC modules): a DX/CR study of the chest
 * matches catalogue item 1; every instance's stored object is opened and parsed, and one without Pixel Data is
 * vetoed; Image Comments "BLUR" scores 65 (丙). Counts how often each study was judged.
 */
final class ChestRadiographAssessor implements StudyAssessor {

    static final String MODEL_VERSION = "chest-test-1";

    private final Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> runsPerContent = new ConcurrentHashMap<>();

    int runsOf(String studyInstanceUid) {
        AtomicInteger n = runs.get(studyInstanceUid);
        return n == null ? 0 : n.get();
    }

    /** The most times one study was judged with the same instances: 1 when no generation was judged twice. */
    int mostRunsOfOneGeneration() {
        return runsPerContent.values().stream().mapToInt(AtomicInteger::get).max().orElse(0);
    }

    @Override
    public StudyAssessment assess(StudyInput study) throws AssessmentException {
        runs.computeIfAbsent(study.studyInstanceUid(), k -> new AtomicInteger()).incrementAndGet();
        runsPerContent.computeIfAbsent(study.studyInstanceUid() + "@" + study.instances().stream()
                .map(InstanceInput::sopInstanceUid).sorted().toList(), k -> new AtomicInteger()).incrementAndGet();
        List<CheckResult> checks = new ArrayList<>();
        List<Veto> vetoes = new ArrayList<>();
        boolean blurred = false;
        for (InstanceInput instance : study.instances()) {
            boolean pixels = hasPixelData(instance);
            checks.add(new CheckResult("pixels.present", instance.sopInstanceUid(), pixels, pixels ? 1 : 0,
                    "像素数据存在", "pixel data present"));
            if (!pixels) {
                vetoes.add(new Veto("NO_PIXEL_DATA", "图像无像素数据", "an image has no pixel data"));
            }
            blurred |= "BLUR".equals(instance.header().getString(Tag.ImageComments));
        }
        Dataset first = study.instances().getFirst().header();
        String modality = first.getString(Tag.Modality);
        boolean chest = ("DX".equals(modality) || "CR".equals(modality))
                && "CHEST".equals(first.getString(Tag.BodyPartExamined));
        List<CatalogueMatch> items = chest ? List.of(new CatalogueMatch(1, "胸部站立后前位摄影", 0.9)) : List.of();
        double score = blurred ? 65 : 92;
        Grade grade = !vetoes.isEmpty() ? Grade.D : blurred ? Grade.C : Grade.A;
        return new StudyAssessment(items, chest ? "DX chest" : "not a chest radiograph", score, grade, vetoes,
                checks, MODEL_VERSION);
    }

    private static boolean hasPixelData(InstanceInput instance) throws AssessmentException {
        try (InputStream in = instance.object().open()) {
            DicomFile file = DicomReader.read(in);
            return file.dataset().contains(Tag.PixelData);
        } catch (IOException | DicomParseException e) {
            throw new AssessmentException("cannot read " + instance.sopInstanceUid() + ": " + e.getMessage(), e);
        }
    }
}
