package org.hrnode.aiqc.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.hrnode.aiqc.catalog.Catalog;
import org.hrnode.aiqc.catalog.CatalogMatcher;
import org.hrnode.aiqc.catalog.InstitutionMappings;
import org.hrnode.aiqc.grade.StudyQc;
import org.hrnode.aiqc.model.DicomWorkingImages;
import org.hrnode.aiqc.model.QcModality;
import org.hrnode.aiqc.model.QcModel;
import org.hrnode.aiqc.model.QcPrediction;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.dict.Tag;
import org.hrnode.dicom.dict.UID;
import org.hrnode.dicom.io.DicomFile;
import org.hrnode.dicom.io.DicomReader;
import org.hrnode.dicom.testing.TestData;
import org.junit.jupiter.api.Test;

/**
 * The node's assessor over the pipeline's port: it reads pixels from the stored object as it is when read, so an
 * object the compression worker re-encoded after the study's snapshot is still decoded (by its new syntax), not
 * vetoed as undecodable; and it reads and decodes each stored object once however many engines judge it.
 */
class EngineAssessorTest {

    private final EngineAssessor assessor = new EngineAssessor(new CatalogMatcher(Catalog.standard()),
            institution -> InstitutionMappings.none(), StudyQc.withDefaults(), () -> {
                throw new IllegalStateException("no model in this test");
            });

    @Test
    void pixelsAreDecodedInTheSyntaxTheObjectIsStoredInWhenRead() throws Exception {
        Path native_ = TestData.pydicomTestFiles().resolve("MR_small.dcm");
        Path jpegLs = TestData.pydicomTestFiles().resolve("MR_small_jpeg_ls_lossless.dcm");
        TestData.require(Files.isRegularFile(native_) && Files.isRegularFile(jpegLs), "pydicom's MR_small files");
        Dataset header = DicomReader.readFile(native_).dataset();
        header.remove(Tag.PixelData);
        InstanceInput instance = new InstanceInput(header.getString(Tag.SeriesInstanceUID),
                header.getString(Tag.SOPInstanceUID), UID.ExplicitVRLittleEndian, header,
                () -> Files.newInputStream(jpegLs));

        StudyAssessment assessment = assessor.assess(new StudyInput(header.getString(Tag.StudyInstanceUID), null,
                List.of(instance)));

        CheckResult decodable = assessment.checks().stream().filter(c -> c.id().equals("P0")).findFirst()
                .orElseThrow();
        assertThat(decodable.passed()).as(String.valueOf(decodable.value())).isTrue();
        assertThat(assessment.checks()).filteredOn(c -> c.id().equals(ModelOpinions.CHECK_ID))
                .allSatisfy(c -> assertThat(c.passed()).isNull());
        assertThat(assessment.modelVersion()).startsWith(EngineAssessor.ENGINES_VERSION).contains("no model");
    }

    @Test
    void eachStoredObjectIsReadOnceThoughTheMetricsAndTheModelBothJudgeIt() throws Exception {
        Path jpegLs = TestData.pydicomTestFiles().resolve("MR_small_jpeg_ls_lossless.dcm");
        TestData.require(Files.isRegularFile(jpegLs), "pydicom's MR_small_jpeg_ls_lossless.dcm");
        DicomFile stored = DicomReader.readFile(jpegLs);
        Dataset header = DicomReader.readFile(jpegLs).dataset();
        header.remove(Tag.PixelData);
        AtomicInteger opens = new AtomicInteger();
        InstanceInput instance = new InstanceInput(header.getString(Tag.SeriesInstanceUID),
                header.getString(Tag.SOPInstanceUID), UID.JPEGLSLossless, header, () -> {
                    opens.incrementAndGet();
                    return Files.newInputStream(jpegLs);
                });
        try (QcModel model = QcModel.load()) {
            EngineAssessor withModel = new EngineAssessor(new CatalogMatcher(Catalog.standard()),
                    institution -> InstitutionMappings.none(), StudyQc.withDefaults(), () -> model);

            StudyAssessment assessment = withModel.assess(new StudyInput(header.getString(Tag.StudyInstanceUID),
                    null, List.of(instance)));

            assertThat(opens.get()).as("opens of the one stored object").isEqualTo(1);
            CheckResult decodable = assessment.checks().stream().filter(c -> c.id().equals("P0")).findFirst()
                    .orElseThrow();
            assertThat(decodable.passed()).as(String.valueOf(decodable.value())).isTrue();
            CheckResult opinion = assessment.checks().stream()
                    .filter(c -> c.id().equals(ModelOpinions.CHECK_ID)).findFirst().orElseThrow();
            QcPrediction alone = model.predict(DicomWorkingImages.of(stored.dataset(), stored.transferSyntax(), 0),
                    QcModality.ofDicom(stored.dataset().getString(Tag.Modality)));
            assertThat(opinion.passed()).as(String.valueOf(opinion.value())).isNotNull();
            assertThat(((Map<?, ?>) opinion.value()).get("mostLikely"))
                    .isEqualTo(alone.mostLikely().name().toLowerCase(java.util.Locale.ROOT));
            assertThat(((Map<?, ?>) ((Map<?, ?>) opinion.value()).get("probabilities")).get("clean"))
                    .isEqualTo(Math.round(alone.probability(org.hrnode.aiqc.model.DegradationClass.CLEAN) * 1000)
                            / 1000.0);
        }
    }
}
