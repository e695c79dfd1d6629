package org.hrnode.node.dicomweb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.hrnode.dicom.testing.ExternalTool;
import org.hrnode.dicom.testing.TestData;

/**
 * Drives a node's DICOMweb service over HTTP with the JDK client, and judges what comes back with an independent
 * reader ({@code wado_check.py}: Python's email parser splits multipart bodies, pydicom reads the DICOM in them).
 */
final class WadoClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final String base;
    private final Path scratch;

    WadoClient(int port, Path scratch) {
        this.base = "http://127.0.0.1:" + port + "/dicomweb";
        this.scratch = scratch;
    }

    String base() {
        return base;
    }

    /** GET base + path with the given header pairs (name, value, name, value ...). */
    HttpResponse<byte[]> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT).GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The parts of a multipart response as wado_check.py sees them. */
    JsonNode parts(HttpResponse<byte[]> response) throws IOException, InterruptedException {
        Path body = Files.createTempFile(scratch, "body", ".bin");
        Files.write(body, response.body());
        String contentType = response.headers().firstValue("Content-Type").orElseThrow();
        return check("parts", body.toString(), contentType);
    }

    /** What pydicom makes of a DICOM file: digests of the whole, its pixels, frames and stored frames. */
    static JsonNode describe(Path file) throws IOException, InterruptedException {
        return check("file", file.toString());
    }

    static void requirePython() {
        ExternalTool.require(TestData.SYSTEM_PYTHON.toString());
        TestData.pydicomTestFiles();
    }

    private static JsonNode check(String... args) throws IOException, InterruptedException {
        String[] command = new String[args.length + 2];
        command[0] = TestData.SYSTEM_PYTHON.toString();
        command[1] = script().toString();
        System.arraycopy(args, 0, command, 2, args.length);
        ExternalTool.Result result = ExternalTool.run(command);
        if (result.exitCode() != 0) {
            throw new AssertionError("wado_check.py " + args[0] + " failed: " + result.stderr());
        }
        return JSON.readTree(result.stdout());
    }

    private static Path script() {
        try {
            return Path.of(WadoClient.class.getResource("wado_check.py").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
