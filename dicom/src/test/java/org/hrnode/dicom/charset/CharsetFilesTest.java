package org.hrnode.dicom.charset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.hrnode.dicom.data.PersonName;
import org.hrnode.dicom.data.VR;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every PN, LO, SH, LT, ST, UT and UC value of pydicom's charset test files and of the shared Chinese samples
 * ({@code $HRNODE_SHARED_DIR/data/charset}), sequence items included, decodes to what pydicom decodes it to, and
 * encodes back to bytes that decode to the same string.
 *
 * <p>One known pydicom 2.3.1 bug is allowed for: with ISO 2022 IR 58 it keeps the escape sequences in the
 * decoded string ({@code Zhang^XiaoDong=\u001b$)A张^\u001b$)A小东}); the comparison removes them.
 */
class CharsetFilesTest {

    private static final String SHARED_SAMPLES = "data/charset";

    /** Keyed by file name; the shared folder's copy of a file wins over pydicom's. */
    private static final Map<String, PydicomOracle.FileElements> FILES = new TreeMap<>();

    @BeforeAll
    static void readFilesWithPydicom() throws IOException {
        PydicomOracle oracle = PydicomOracle.require();
        List<Path> paths = new ArrayList<>(dicomFiles(oracle.charsetDir()));
        paths.addAll(dicomFiles(sharedSamples()));
        for (PydicomOracle.FileElements f : oracle.readFiles(paths)) {
            FILES.put(f.file().getFileName().toString(), f);
        }
    }

    @Test
    void chineseNamesDecodeToTheirCharacters() {
        assertThat(patientName("chrX1.dcm").ideographic()).isEqualTo("王^小東");
        assertThat(patientName("chrX2.dcm").ideographic()).isEqualTo("王^小东");
        assertThat(patientName("chrGB2312.dcm").ideographic()).isEqualTo("张^小东");
        assertThat(patientName("GH1301.dcm").ideographic()).isEqualTo("王^小东");
        assertThat(patientName("chrX1.dcm").alphabetic()).isEqualTo("Wang^XiaoDong");
        assertThat(patientName("chrGB2312.dcm").alphabetic()).isEqualTo("Zhang^XiaoDong");
        assertThat(patientName("chrGB2312.dcm").component(PersonName.Group.IDEOGRAPHIC,
                PersonName.Component.GIVEN)).isEqualTo("小东");
    }

    @Test
    void everySampleIsThere() {
        assertThat(FILES).containsKeys("chrX1.dcm", "chrX2.dcm", "chrGB2312.dcm", "GH1301.dcm", "chrSQEncoding.dcm",
                "chrH31.dcm", "chrH32.dcm", "chrI2.dcm", "chrJapMulti.dcm", "chrKoreanMulti.dcm", "chrFrenMulti.dcm");
        assertThat(FILES.get("chrSQEncoding.dcm").elements())
                .anySatisfy(e -> assertThat(e.path()).isEqualTo("(0032,1064)[0](0010,0010)"));
    }

    @TestFactory
    Stream<DynamicTest> everyValueDecodesLikePydicom() {
        return elements().map(fe -> DynamicTest.dynamicTest(fe.name(), () -> {
            PydicomOracle.Element e = fe.element();
            String decoded = decode(e);
            List<String> expected = PydicomForm.withoutPydicomIr58Escapes(e.values(), e.charset());
            assertThat(PydicomForm.values(decoded, e.vr())).as(fe.name()).isEqualTo(expected);
            if (e.vr() == VR.PN) {
                assertGroupsLikePydicom(fe.name(), PydicomForm.values(decoded, e.vr()), e);
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyValueSurvivesEncodeThenDecode() {
        return elements().map(fe -> DynamicTest.dynamicTest(fe.name(), () -> {
            PydicomOracle.Element e = fe.element();
            SpecificCharacterSet cs = SpecificCharacterSet.of(CharsetPolicy.STRICT, e.charset());
            String decoded = decode(e);
            byte[] encoded = cs.encode(decoded, e.vr());
            assertThat(cs.canEncode(decoded)).as(fe.name()).isTrue();
            assertThat(cs.decode(encoded, 0, encoded.length, e.vr())).as(fe.name()).isEqualTo(decoded);
        }));
    }

    private static void assertGroupsLikePydicom(String name, List<String> ourValues, PydicomOracle.Element e) {
        for (int i = 0; i < ourValues.size(); i++) {
            PersonName ours = PersonName.parse(ourValues.get(i));
            List<String> theirs = PydicomForm.withoutPydicomIr58Escapes(e.groups().get(i), e.charset());
            PersonName.Group[] groups = PersonName.Group.values();
            for (int g = 0; g < groups.length; g++) {
                String expected = g < theirs.size() ? theirs.get(g) : "";
                // pydicom keeps a group's trailing empty components ("^^^^"); PersonName drops them.
                assertThat(ours.group(groups[g])).as(name + " " + groups[g])
                        .isEqualTo(PersonName.parse(expected).group(PersonName.Group.ALPHABETIC));
            }
        }
    }

    private static PersonName patientName(String file) {
        PydicomOracle.Element e = FILES.get(file).elements().stream()
                .filter(el -> el.path().equals("(0010,0010)")).findFirst().orElseThrow();
        return PersonName.parse(PydicomForm.stripPadding(decode(e)));
    }

    private static String decode(PydicomOracle.Element e) {
        SpecificCharacterSet cs = SpecificCharacterSet.of(CharsetPolicy.STRICT, e.charset());
        String decoded = cs.decode(e.raw(), 0, e.raw().length, e.vr());
        assertThat(cs.fallbackUsed()).as(e + ": a declared sample needs no fallback").isFalse();
        return decoded;
    }

    private record FileElement(String name, PydicomOracle.Element element) {
    }

    private static Stream<FileElement> elements() {
        return FILES.values().stream().flatMap(f -> f.elements().stream()
                .map(e -> new FileElement(f.file().getFileName() + " " + e, e)));
    }

    private static Path sharedSamples() {
        String shared = System.getenv("HRNODE_SHARED_DIR");
        Path dir = shared == null ? null : Path.of(shared, SHARED_SAMPLES);
        if (dir == null || !Files.isDirectory(dir)) {
            PydicomOracle.skipOrFail("shared samples not found at " + dir + " (set HRNODE_SHARED_DIR)");
        }
        return dir;
    }

    private static List<Path> dicomFiles(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".dcm")).sorted().toList();
        }
    }
}
