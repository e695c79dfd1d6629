package org.hrnode.dicom.oracle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.dict.Tag;
import org.hrnode.dicom.io.DicomReader;
import org.hrnode.dicom.oracle.Normalised.Element;
import org.hrnode.dicom.oracle.Normalised.ScalarKind;
import org.hrnode.dicom.oracle.Normalised.Value;
import org.hrnode.dicom.testing.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Chinese patient names in the three encodings Chinese hospitals send (UTF-8, GB18030, ISO 2022 GB2312), read by
 * our reader from fo-dicom's real files: the ideographic component group is the name a Chinese user searches
 * for and must come out exactly, traditional and simplified characters kept apart. Where pydicom decodes the
 * encoding correctly, the whole name, every component group included, must also equal pydicom's.
 */
class ChineseNamesTest {

    private static final String PN_GROUP_DELIMITER = "=";
    private static final int IDEOGRAPHIC_GROUP = 1;

    @TempDir
    static Path workDir;

    private static Path charsetFiles;
    private static PydicomOracle pydicom;

    @BeforeAll
    static void runPydicomOnTheChineseFiles() throws Exception {
        charsetFiles = TestData.sharedData().resolve("charset");
        pydicom = PydicomOracle.run(List.of(file("chrX1.dcm"), file("chrX2.dcm"), file("GH1301.dcm")), workDir);
    }

    @Test
    void utf8NameKeepsItsTraditionalCharacters() throws Exception {
        String name = patientName("chrX1.dcm");
        assertThat(ideographicGroup(name)).isEqualTo("王^小東");
        assertSameNameAsPydicom("chrX1.dcm", name);
    }

    @Test
    void gb18030NameKeepsItsSimplifiedCharacters() throws Exception {
        String name = patientName("chrX2.dcm");
        assertThat(ideographicGroup(name)).isEqualTo("王^小东");
        assertSameNameAsPydicom("chrX2.dcm", name);
    }

    /** Not compared with pydicom, which leaves the ESC $ ) A designations in the text (see AcceptedDifference). */
    @Test
    void iso2022Gb2312NameLosesItsEscapeSequences() throws Exception {
        String name = patientName("chrGB2312.dcm");
        assertThat(name.split(PN_GROUP_DELIMITER)[0]).isEqualTo("Zhang^XiaoDong");
        assertThat(ideographicGroup(name)).isEqualTo("张^小东");
    }

    /** GitHub issue 1301 of fo-dicom: GB18030, with a Patient's Sex in GB18030 bytes where CS allows only ASCII. */
    @Test
    void gb18030FileWithNonConformantPatientSexLoadsAndItsNameDecodesAsPydicomDoes() throws Exception {
        String name = patientName("GH1301.dcm");
        assertThat(ideographicGroup(name)).isEqualTo("王^小东");
        assertSameNameAsPydicom("GH1301.dcm", name);
    }

    private static Path file(String name) {
        return charsetFiles.resolve(name);
    }

    private static String patientName(String fileName) throws Exception {
        Dataset ds = DicomReader.readFile(file(fileName)).dataset();
        String name = ds.getString(Tag.PatientName);
        assertThat(name).as("Patient's Name of %s", fileName).isNotNull();
        return name;
    }

    private static String ideographicGroup(String personName) {
        String[] groups = personName.split(PN_GROUP_DELIMITER, -1);
        assertThat(groups.length).as("component groups of %s", personName).isGreaterThan(IDEOGRAPHIC_GROUP);
        return groups[IDEOGRAPHIC_GROUP];
    }

    /** Equal to pydicom's value once empty trailing component groups are dropped, which pydicom does on decoding. */
    private static void assertSameNameAsPydicom(String fileName, String ours) {
        Element theirs = pydicom.reportFor(file(fileName)).dataset().stream()
                .filter(e -> e.tag() == Tag.PatientName).findFirst().orElseThrow();
        assertThat(OracleComparison.valuesEqual("PN", new Value.Scalars(ScalarKind.TEXT, List.of(ours)),
                theirs.value())).as("our %s vs pydicom's %s", ours, theirs.value()).isTrue();
    }
}
