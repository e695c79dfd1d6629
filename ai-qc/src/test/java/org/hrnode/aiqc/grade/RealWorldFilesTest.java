package org.hrnode.aiqc.grade;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.hrnode.aiqc.check.CheckResult;
import org.hrnode.aiqc.check.InstanceInput;
import org.hrnode.aiqc.check.Outcome;
import org.hrnode.aiqc.testing.Qc;
import org.hrnode.aiqc.testing.RealStudies;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.dict.Tag;
import org.hrnode.dicom.io.DicomFile;
import org.hrnode.dicom.testing.TestData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every well-formed real-world file the suite knows (pydicom's, the shared data: CT, MR, CR, mammography, NM, US,
 * XA, secondary captures, RT objects, SR, colour, multi-frame, big endian, every compression) gets a verdict: no
 * image, however odd, stops the QC of its study; the image checks either measure it or say why not. Every image of
 * the shared data in a lossless or native syntax decodes (P0 passes, or is not applicable for colour): only lossy
 * syntaxes the node has no decoder for, broken pixel modules and missing pixels are vetoed as undecodable.
 */
class RealWorldFilesTest {

    static Stream<Path> files() {
        return TestData.wellFormedRealWorldFiles().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void everyRealFileGetsAVerdict(Path file) throws Exception {
        DicomFile f = RealStudies.read(file);
        Dataset d = f.dataset();
        StudyVerdict v = Qc.evaluate(List.of(InstanceInput.withPixels(d, f.transferSyntax())));
        assertThat(v.grade()).isNotNull();
        List<CheckResult> p0 = v.resultsOf("P0");
        boolean sharedLossless = file.startsWith(TestData.sharedData()) && f.transferSyntax().isLossless()
                && !file.toString().contains("charset");
        if (sharedLossless && d.contains(Tag.PixelData)) {
            assertThat(p0).as(TestData.shortName(file)).singleElement().satisfies(r -> assertThat(r.outcome())
                    .as(r.detail()).isIn(Outcome.PASS, Outcome.NOT_APPLICABLE));
        }
        for (CheckResult r : p0) {
            assertThat(r.detail()).as(TestData.shortName(file)).isNotBlank();
        }
    }
}
