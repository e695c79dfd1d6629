package org.hrnode.dicom.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.Sequence;
import org.hrnode.dicom.data.VR;
import org.hrnode.dicom.dict.Tag;
import org.hrnode.dicom.io.DicomFile;
import org.hrnode.dicom.io.DicomReader;
import org.hrnode.dicom.io.RealWorldRoundTripTest;
import org.hrnode.dicom.testing.ExternalTool;
import org.hrnode.dicom.testing.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Our DICOM JSON of every real-world file is pydicom's, element by element, up to the representation
 * differences {@link PydicomJsonComparison} lists. pydicom runs once for all files (a script under the test
 * resources writes one JSON file per input), everything inline on both sides.
 */
class DicomJsonPydicomComparisonTest {

    /** The pydicom the accepted differences were established against. */
    private static final String PYDICOM_VERSION = "2.3.1";

    /**
     * Files pydicom cannot serialise, with the reason it gives. badVR.dcm has Number of Frames (IS) "1A": pydicom
     * converts IS values to Python ints for JSON and raises; we write the value as the string "1A".
     */
    private static final Map<String, String> PYDICOM_CANNOT_SERIALISE = Map.of(
            "badVR.dcm", "invalid literal for int() with base 10: '1A'");

    /** Character sets whose bytes decode the same as ISO-8859-1, what Dataset decodes without character set support. */
    private static final Set<String> LATIN1_COMPATIBLE = Set.of("", "ISO_IR 6", "ISO_IR 100");
    private static final int HIGH_BIT = 0x80;
    private static final int ESCAPE = 0x1B;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS) // pydicom writes NaN as Python's json module does
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private static final List<Path> FILES = TestData.allRealWorldFiles().stream()
            .filter(p -> !RealWorldRoundTripTest.MALFORMED.contains(p.getFileName().toString()))
            .toList();

    @TempDir
    static Path oracle;

    private final DicomJsonWriter writer = new DicomJsonWriter();

    @BeforeAll
    static void runPydicomOverAllFiles() throws Exception {
        String python = TestData.SYSTEM_PYTHON.toString();
        ExternalTool.require(python);
        ExternalTool.Result version = ExternalTool.run(python, "-c", "import pydicom; print(pydicom.__version__)");
        TestData.require(version.exitCode() == 0 && version.stdout().strip().equals(PYDICOM_VERSION),
                "pydicom " + PYDICOM_VERSION + " for " + python + " (Debian python3-pydicom); found "
                        + (version.exitCode() == 0 ? version.stdout().strip() : "none"));
        Path list = oracle.resolve("files.txt");
        Files.write(list, FILES.stream().map(Path::toString).toList(), StandardCharsets.UTF_8);
        Path script = Path.of(DicomJsonPydicomComparisonTest.class.getResource("pydicom_to_json.py").toURI());
        ExternalTool.Result run = ExternalTool.run(python, script.toString(), list.toString(), oracle.toString());
        assertThat(run.exitCode()).as("pydicom_to_json.py failed: %s", run.stderr()).isZero();
    }

    static Stream<Named<Path>> files() {
        return FILES.stream().map(p -> Named.of(TestData.shortName(p), p));
    }

    @ParameterizedTest
    @MethodSource("files")
    void sameJsonAsPydicom(Path file) throws Exception {
        int index = FILES.indexOf(file);
        String name = file.getFileName().toString();
        Path error = oracle.resolve(index + ".error");
        if (Files.exists(error)) {
            String reason = Files.readAllLines(error, StandardCharsets.UTF_8).get(0);
            assertThat(PYDICOM_CANNOT_SERIALISE).as("pydicom failed on %s: %s", file, reason).containsKey(name);
            assertThat(reason).contains(PYDICOM_CANNOT_SERIALISE.get(name));
            return;
        }
        assertThat(PYDICOM_CANNOT_SERIALISE).as("pydicom now serialises %s", name).doesNotContainKey(name);

        DicomFile dicom = DicomReader.readFile(file);
        if (needsCharacterSetDecoding(dicom.dataset(), true)) {
            TestData.require(decodesSpecificCharacterSets(), "Specific Character Set decoding (the charset work,"
                    + " replacing the ISO-8859-1 stub) to compare the text of " + name);
        }
        JsonNode ours = MAPPER.readTree(writer.toJson(dicom.dataset()));
        JsonNode pydicom = MAPPER.readTree(oracle.resolve(index + ".json").toFile());

        assertThat(PydicomJsonComparison.firstDifference(ours, pydicom, dicom.transferSyntax().isBigEndian()))
                .as("%s: ours vs pydicom's DICOM JSON", file).isNull();
    }

    /**
     * Whether text of the dataset is in a character set that ISO-8859-1 decoding gets wrong; items without their
     * own Specific Character Set inherit the enclosing one.
     */
    private static boolean needsCharacterSetDecoding(Dataset ds, boolean enclosingLatin1) {
        String declared = String.join("\\", ds.getStrings(Tag.SpecificCharacterSet));
        boolean latin1 = ds.contains(Tag.SpecificCharacterSet) ? LATIN1_COMPATIBLE.contains(declared) : enclosingLatin1;
        for (int i = 0; i < ds.size(); i++) {
            Object value = ds.valueAt(i);
            if (value instanceof Sequence sq) {
                for (Dataset item : sq) {
                    if (needsCharacterSetDecoding(item, latin1)) {
                        return true;
                    }
                }
            } else if (value instanceof byte[] b && ds.vrAt(i).usesSpecificCharacterSet() && !latin1
                    && hasNonAsciiOrEscape(b)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasNonAsciiOrEscape(byte[] b) {
        for (byte x : b) {
            if ((x & HIGH_BIT) != 0 || x == ESCAPE) {
                return true;
            }
        }
        return false;
    }

    /** Whether the Dataset decodes text with its declared character set rather than as ISO-8859-1. */
    private static boolean decodesSpecificCharacterSets() {
        String han = "王";
        Dataset probe = new Dataset();
        probe.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 192");
        probe.set(Tag.PatientName, VR.PN, han.getBytes(StandardCharsets.UTF_8));
        return han.equals(probe.getString(Tag.PatientName));
    }
}
