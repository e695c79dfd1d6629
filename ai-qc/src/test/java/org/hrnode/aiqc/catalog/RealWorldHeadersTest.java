package org.hrnode.aiqc.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.io.DicomParseException;
import org.hrnode.dicom.io.DicomReader;
import org.hrnode.dicom.testing.TestData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Scanner-written headers from {@code ../shared/data} (GE head CT, United Imaging brain MR, NEMA WG04's CR, "RG"
 * mammogram, MR, NM, US, XA, VL): what real consoles put in the attributes the matcher reads, including their
 * quirks (a mammogram with Modality RG, a Contrast Bolus Agent of "***" on a plain MR, "e+1" as a description).
 */
class RealWorldHeadersTest {

    private static final CatalogMatcher MATCHER = new CatalogMatcher(Catalog.standard());

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ct-head-ge            | 92      | region 头部 from StudyDescription 'HEAD'
            mr-uih-t1-sag         | 116     | contrast not stated, taken as 平扫
            wg04/RLE/MR4_RLE      | 116     | StudyDescription 'BRAIN'
            wg04/RLE/MR3_RLE      | 123     | side 右 from StudyDescription 'e+1 KNEE-RT.'
            wg04/RLE/MR2_RLE      | 135,136 | laterality not stated
            wg04/JLSN/RG1_JLSN    | 1       | views 正位 for 正位
            wg04/RLE/RG2_RLE      | 12      | views not named; 1 image(s) for 1 view(s)
            wg04/RLE/RG3_RLE      | 30      | images lack 侧位 (View Position AP)
            wg04/JPLY/MG1_JPLY    | 63      | 钼靶 is MG
            wg04/RLE/CT1_RLE      | -       | no body region recognised
            wg04/RLE/CT2_RLE      | -       | no body region recognised
            wg04/RLE/NM1_RLE      | -       | Modality NM is not DR, CT or MR
            wg04/RLE/US1_RLE      | -       | Modality US is not DR, CT or MR
            wg04/RLE/XA1_RLE      | -       | Modality XA is not DR, CT or MR
            wg04/RLE/VL1_RLE      | -       | no body region recognised
            """)
    void matchesWhatTheConsoleWrote(String source, String expected, String explained) throws IOException {
        Path path = TestData.sharedData().resolve(source);
        TestData.require(Files.exists(path), "shared test data " + path.toAbsolutePath());
        CatalogMatch m = MATCHER.match(headers(path));
        List<Integer> want = "-".equals(expected) ? List.of()
                : Stream.of(expected.split(",")).map(Integer::valueOf).toList();
        assertThat(m.numbers()).as(m.explanation()).containsExactlyInAnyOrderElementsOf(want);
        assertThat(m.explanation()).contains(explained);
    }

    private static List<Dataset> headers(Path path) throws IOException {
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(path)) {
            try (Stream<Path> s = Files.list(path)) {
                s.filter(Files::isRegularFile).sorted().forEach(files::add);
            }
        } else {
            files.add(path);
        }
        List<Dataset> out = new ArrayList<>();
        for (Path f : files) {
            try {
                out.add(DicomReader.readFile(f).dataset());
            } catch (DicomParseException e) {
                throw new IOException(f + ": " + e.getMessage(), e);
            }
        }
        return out;
    }
}
