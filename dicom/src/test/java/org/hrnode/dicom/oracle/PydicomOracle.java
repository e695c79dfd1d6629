package org.hrnode.dicom.oracle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hrnode.dicom.data.Tags;
import org.hrnode.dicom.oracle.Normalised.Digest;
import org.hrnode.dicom.oracle.Normalised.Element;
import org.hrnode.dicom.oracle.Normalised.FileReport;
import org.hrnode.dicom.oracle.Normalised.ScalarKind;
import org.hrnode.dicom.oracle.Normalised.Value;
import org.hrnode.dicom.testing.ExternalTool;
import org.hrnode.dicom.testing.TestData;

/**
 * pydicom's reading of a set of files, obtained by running {@code oracle/pydicom_oracle.py} once for all of them
 * (one Python start-up, not one per file) and turned into {@link Normalised} elements. The script documents the
 * JSON it writes; this class only maps it, choosing how values compare from the VR pydicom reports.
 */
public final class PydicomOracle {

    private static final String SCRIPT_RESOURCE = "/oracle/pydicom_oracle.py";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<Path, FileReport> reports;

    private PydicomOracle(Map<Path, FileReport> reports) {
        this.reports = reports;
    }

    /** Runs pydicom over {@code files}, working in {@code workDir}; fails if the script itself fails. */
    public static PydicomOracle run(List<Path> files, Path workDir) throws IOException, InterruptedException {
        ExternalTool.require(TestData.SYSTEM_PYTHON.toString());
        Path script = workDir.resolve("pydicom_oracle.py");
        try (InputStream in = PydicomOracle.class.getResourceAsStream(SCRIPT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(SCRIPT_RESOURCE + " is missing from the test classpath");
            }
            Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
        }
        Path output = workDir.resolve("pydicom.jsonl");
        List<String> command = new ArrayList<>(List.of(TestData.SYSTEM_PYTHON.toString(), script.toString(),
                output.toString()));
        files.forEach(f -> command.add(key(f).toString()));
        ExternalTool.Result result = ExternalTool.run(command.toArray(String[]::new));
        if (result.exitCode() != 0) {
            throw new IllegalStateException("pydicom oracle failed (exit " + result.exitCode() + "): "
                    + result.stderr());
        }
        Map<Path, FileReport> reports = new HashMap<>();
        for (String line : Files.readAllLines(output, StandardCharsets.UTF_8)) {
            JsonNode record = JSON.readTree(line);
            reports.put(Path.of(record.get("file").asText()), fileReport(record));
        }
        return new PydicomOracle(reports);
    }

    /** What pydicom read from {@code file}, which must have been among those it was run on. */
    public FileReport reportFor(Path file) {
        FileReport report = reports.get(key(file));
        if (report == null) {
            throw new IllegalArgumentException("pydicom was not run on " + file);
        }
        return report;
    }

    private static Path key(Path file) {
        return file.toAbsolutePath().normalize();
    }

    private static FileReport fileReport(JsonNode record) {
        JsonNode error = record.get("error");
        if (!error.isNull()) {
            return FileReport.failed(error.asText());
        }
        return new FileReport(null, elements(record.get("meta")), elements(record.get("dataset")));
    }

    private static List<Element> elements(JsonNode array) {
        List<Element> out = new ArrayList<>(array.size());
        for (JsonNode e : array) {
            out.add(element(e));
        }
        return out;
    }

    private static Element element(JsonNode e) {
        String vr = e.path("vr").isTextual() ? e.get("vr").asText() : null;
        return new Element(e.get("tag").asInt(), vr, value(e, vr));
    }

    private static Value value(JsonNode e, String vr) {
        if (e.has("error")) {
            return new Value.Unreadable(e.get("error").asText());
        }
        if (e.has("binary")) {
            return new Value.Bytes(digest(e.get("binary")));
        }
        if (e.has("fragments")) {
            List<Digest> items = new ArrayList<>();
            e.get("fragments").forEach(f -> items.add(digest(f)));
            return new Value.Fragments(items);
        }
        if (e.has("items")) {
            List<List<Element>> items = new ArrayList<>();
            e.get("items").forEach(item -> items.add(elements(item)));
            return new Value.Items(items);
        }
        ScalarKind kind = kindOf(vr);
        List<String> values = new ArrayList<>();
        for (JsonNode v : e.get("values")) {
            values.add(kind == ScalarKind.TAG && v.canConvertToInt() ? Tags.toString(v.asInt())
                    : v.isTextual() ? v.asText() : v.toString());
        }
        return new Value.Scalars(kind, values);
    }

    /** How pydicom's values of {@code vr} compare: the same kinds as ours, so a VR mismatch stays visible. */
    static ScalarKind kindOf(String vr) {
        return switch (vr == null ? "" : vr) {
            case "DS" -> ScalarKind.DECIMAL;
            case "IS", "US", "SS", "UL", "SL", "UV", "SV" -> ScalarKind.INTEGER;
            case "FL", "FD" -> ScalarKind.FLOAT;
            case "AT" -> ScalarKind.TAG;
            default -> ScalarKind.TEXT;
        };
    }

    private static Digest digest(JsonNode d) {
        return new Digest(d.get("length").asLong(), d.get("sha256").asText());
    }
}
