package org.hrnode.aiqc.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hrnode.aiqc.catalog.Catalog;
import org.hrnode.aiqc.catalog.CatalogMatcher;
import org.hrnode.aiqc.catalog.InstitutionMappings;
import org.hrnode.aiqc.grade.StudyQc;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.dict.Tag;
import org.hrnode.dicom.dict.UID;
import org.hrnode.dicom.io.DicomReader;
import org.hrnode.dicom.testing.TestData;
import org.junit.jupiter.api.Test;

/**
 * The node's assessor over the pipeline's port: it reads pixels from the stored object as it is when read, so an
 * object the compression worker re-encoded after the study's snapshot is still decoded (by its new syntax), not
 * vetoed as undecodable.
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
}
