package org.hrnode.dicom.charset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.hrnode.dicom.data.VR;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * pydicom (Debian's, run by {@code /usr/bin/python3}) as the reference decoder: it reads the raw bytes of values
 * out of real files, since this module has no file parser of its own yet, and says how it decodes byte strings.
 *
 * <p>Without python or pydicom (a missing module makes the {@code info} call fail) the tests that need it are skipped with a loud message, except on CI
 * ({@code CI=true}), where they fail: a CI run that silently skipped the oracle would prove nothing.
 */
final class PydicomOracle {

    /** Debian's python, which has python3-pydicom; {@code -Dhrnode.python=...} points elsewhere. */
    static final Path PYTHON = Path.of(System.getProperty("hrnode.python", "/usr/bin/python3"));
    private static final String SCRIPT = "pydicom_oracle.py";
    private static final long TIMEOUT_SECONDS = 300;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HexFormat HEX = HexFormat.of();

    private static PydicomOracle instance;
    private static String unavailableBecause;

    private final Path script;
    private final String version;
    private final Path charsetDir;

    private PydicomOracle(Path script, String version, Path charsetDir) {
        this.script = script;
        this.version = version;
        this.charsetDir = charsetDir;
    }

    /** The oracle, or the test is skipped (failed on CI) if python or pydicom is missing. */
    static synchronized PydicomOracle require() {
        if (instance == null && unavailableBecause == null) {
            try {
                instance = start();
            } catch (IOException | RuntimeException e) {
                unavailableBecause = e.getMessage();
            }
        }
        if (instance == null) {
            skipOrFail("pydicom oracle unavailable: " + unavailableBecause);
        }
        return instance;
    }

    /** Skips the calling test with a message on stderr, or fails it when the environment says CI=true. */
    static void skipOrFail(String why) {
        String advice = " (install python3-pydicom for " + PYTHON + ")";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            Assertions.fail("charset oracle test cannot run on CI: " + why + advice);
        }
        String message = "*** SKIPPING charset oracle test: " + why + advice + "; CI=true makes this fail ***";
        System.err.println(message);
        Assumptions.abort(message);
    }

    private static PydicomOracle start() throws IOException {
        if (!Files.isExecutable(PYTHON)) {
            throw new IllegalStateException(PYTHON + " not found");
        }
        Path script = Files.createTempFile("hrnode-pydicom-oracle", ".py");
        script.toFile().deleteOnExit();
        try (InputStream in = PydicomOracle.class.getResourceAsStream(SCRIPT)) {
            if (in == null) {
                throw new IllegalStateException("test resource " + SCRIPT + " missing");
            }
            Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
        }
        JsonNode info = run(script, null, "info");
        return new PydicomOracle(script, info.get("pydicom").asText(), Path.of(info.get("charset_dir").asText()));
    }

    String version() {
        return version;
    }

    /** pydicom's own charset test files. */
    Path charsetDir() {
        return charsetDir;
    }

    /** Every PN/LO/SH/LT/ST/UT/UC element of each file, sequences included, as pydicom reads it. */
    List<FileElements> readFiles(List<Path> files) {
        List<String> args = new ArrayList<>(List.of("files"));
        files.forEach(f -> args.add(f.toString()));
        JsonNode result = call(null, args.toArray(String[]::new));
        List<FileElements> out = new ArrayList<>();
        for (JsonNode file : result) {
            List<Element> elements = new ArrayList<>();
            for (JsonNode e : file.get("elements")) {
                List<List<String>> groups = new ArrayList<>();
                if (e.has("groups")) {
                    e.get("groups").forEach(g -> groups.add(strings(g)));
                }
                elements.add(new Element(e.get("path").asText(), VR.ofName(e.get("vr").asText()),
                        strings(e.get("charset")).toArray(String[]::new), HEX.parseHex(e.get("raw").asText()),
                        strings(e.get("values")), groups));
            }
            out.add(new FileElements(Path.of(file.get("file").asText()), elements));
        }
        return out;
    }

    /** How pydicom decodes each case, read the way dcmread reads an element. */
    List<Decoded> decode(List<Case> cases) {
        ArrayNode input = JSON.createArrayNode();
        for (Case c : cases) {
            ObjectNode o = input.addObject();
            ArrayNode terms = o.putArray("terms");
            for (String t : c.terms()) {
                terms.add(t);
            }
            o.put("vr", c.vr().name());
            o.put("hex", HEX.formatHex(c.bytes()));
        }
        JsonNode result = call(input, "decode");
        List<Decoded> out = new ArrayList<>(cases.size());
        for (JsonNode r : result) {
            out.add(r.has("error") ? new Decoded(List.of(), false, r.get("error").asText())
                    : new Decoded(strings(r.get("values")), r.get("warned").asBoolean(), null));
        }
        return out;
    }

    private JsonNode call(JsonNode stdin, String... args) {
        try {
            return run(script, stdin, args);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode run(Path script, JsonNode stdin, String... args) throws IOException {
        Path in = Files.createTempFile("hrnode-oracle-in", ".json");
        Path out = Files.createTempFile("hrnode-oracle-out", ".json");
        Path err = Files.createTempFile("hrnode-oracle-err", ".txt");
        try {
            Files.writeString(in, stdin == null ? "" : JSON.writeValueAsString(stdin));
            List<String> command = new ArrayList<>(List.of(PYTHON.toString(), script.toString()));
            command.addAll(List.of(args));
            Process p = new ProcessBuilder(command).redirectInput(in.toFile()).redirectOutput(out.toFile())
                    .redirectError(err.toFile()).start();
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("pydicom oracle timed out after " + TIMEOUT_SECONDS + " s");
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException("pydicom oracle " + args[0] + " exited " + p.exitValue() + ": "
                        + Files.readString(err, StandardCharsets.UTF_8).strip());
            }
            return JSON.readTree(out.toFile());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for the pydicom oracle", e);
        } finally {
            Files.deleteIfExists(in);
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** One file's charset elements. */
    record FileElements(Path file, List<Element> elements) {
    }

    /**
     * One element as pydicom reads it.
     *
     * @param path    tag path, items indexed: {@code (0032,1064)[0](0010,0010)}
     * @param charset the (0008,0005) values in force, inherited into sequence items
     * @param groups  for PN, each value's component groups
     */
    record Element(String path, VR vr, String[] charset, byte[] raw, List<String> values, List<List<String>> groups) {
        @Override
        public String toString() {
            return path + " " + vr + " " + String.join("\\", charset);
        }
    }

    record Case(String[] terms, VR vr, byte[] bytes) {
    }

    /** pydicom's values, whether it warned (so did not decode cleanly), or the exception it threw. */
    record Decoded(List<String> values, boolean warned, String error) {
        boolean clean() {
            return error == null && !warned;
        }
    }
}
