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
import java.util.stream.Stream;
import org.hrnode.dicom.io.DicomFile;
import org.hrnode.dicom.io.DicomReader;
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

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS) // pydicom writes NaN as Python's json module does
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private static final List<Path> FILES = TestData.wellFormedRealWorldFiles().stream()
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
        JsonNode ours = MAPPER.readTree(writer.toJson(dicom.dataset()));
        JsonNode pydicom = MAPPER.readTree(oracle.resolve(index + ".json").toFile());

        assertThat(PydicomJsonComparison.firstDifference(ours, pydicom, dicom.dataset()))
                .as("%s: ours vs pydicom's DICOM JSON", file).isNull();
    }
}
