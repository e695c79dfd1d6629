package org.hrnode.node.peers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.hrnode.dicom.testing.TestData;

/**
 * A throw-away Orthanc (Debian package, 1.10) for one test class: its storage, index and log in a temporary
 * directory, DICOM and HTTP on free ports, HTTP reachable from this machine only and without authentication, the node
 * as its only DICOM modality ({@code hrnode}), UTF-8 as its default character set. Orthanc 1.10 has no bind-address
 * option for DICOM, so its DICOM port listens on every interface for the duration of the test. TCP_NODELAY=1 in its
 * environment turns Nagle off on its DICOM sockets, as in the shared benchmark's run-orthanc.sh. Driven through
 * its REST API with bounded requests; stopped in the test's finally.
 */
final class OrthancPeer implements AutoCloseable {

    static final Path BINARY = Path.of("/usr/sbin/Orthanc");
    static final Path DICOMWEB_PLUGIN = Path.of("/usr/share/orthanc/plugins/libOrthancDicomWeb.so");
    static final String AE_TITLE = "ORTHANC";
    /** The node's name among Orthanc's modalities, in REST paths. */
    static final String NODE_MODALITY = "hrnode";
    private static final String DICOMWEB_PATH = "/dicom-web/";
    private static final String WADO_URI_PATH = "/wado";
    private static final Duration START_LIMIT = Duration.ofSeconds(60);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final long POLL_MILLIS = 100;
    private static final int HTTP_OK = 200;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final int dicomPort;
    private final URI base;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();

    private OrthancPeer(Process process, int dicomPort, int httpPort, Path log) {
        this.process = process;
        this.dicomPort = dicomPort;
        this.base = URI.create("http://" + NodeUnderTest.LOOPBACK + ":" + httpPort);
        this.log = log;
    }

    /** Starts Orthanc under {@code dir} with the node (AE {@code nodeAeTitle} on 127.0.0.1:{@code nodePort}). */
    static OrthancPeer start(Path dir, String nodeAeTitle, int nodePort) throws Exception {
        return start(dir, config -> addNode(config, nodeAeTitle, nodePort));
    }

    /**
     * As {@link #start(Path, String, int)}, with Orthanc's DICOMweb plugin loaded and the node's DICOMweb service
     * ({@code nodeDicomWeb}, e.g. {@code http://127.0.0.1:8080/dicomweb/}) as its DICOMweb server
     * {@value #NODE_MODALITY}, so Orthanc can act as a STOW-RS client ({@code POST /dicom-web/servers/hrnode/stow}).
     */
    static OrthancPeer startWithDicomWeb(Path dir, String nodeAeTitle, int nodePort, URI nodeDicomWeb)
            throws Exception {
        TestData.require(Files.isReadable(DICOMWEB_PLUGIN), DICOMWEB_PLUGIN + " (Debian orthanc-dicomweb)");
        return start(dir, config -> {
            addNode(config, nodeAeTitle, nodePort);
            config.putArray("Plugins").add(DICOMWEB_PLUGIN.toString());
            config.putObject("DicomWeb").put("Enable", true).put("Root", DICOMWEB_PATH)
                    .putObject("Servers").putArray(NODE_MODALITY).add(nodeDicomWeb.toString());
        });
    }

    /**
     * Starts Orthanc under {@code dir} as a DICOMweb server (Debian orthanc-dicomweb) at {@link #dicomWebRoot()},
     * the reference the node's DICOMweb clients are checked against.
     */
    static OrthancPeer startDicomWeb(Path dir) throws Exception {
        TestData.require(Files.isReadable(DICOMWEB_PLUGIN), DICOMWEB_PLUGIN + " (Debian orthanc-dicomweb)");
        return start(dir, config -> {
            config.putArray("Plugins").add(DICOMWEB_PLUGIN.toString());
            config.putObject("DicomWeb").put("Enable", true).put("Root", DICOMWEB_PATH).put("EnableWado", true)
                    .put("WadoRoot", WADO_URI_PATH);
        });
    }

    /** The node as Orthanc's DICOM modality {@value #NODE_MODALITY}. */
    private static void addNode(ObjectNode config, String nodeAeTitle, int nodePort) {
        config.putObject("DicomModalities").putArray(NODE_MODALITY).add(nodeAeTitle).add(NodeUnderTest.LOOPBACK)
                .add(nodePort);
    }

    private static OrthancPeer start(Path dir, Consumer<ObjectNode> configure) throws Exception {
        TestData.require(Files.isExecutable(BINARY), BINARY + " (Debian orthanc)");
        int dicomPort = freePort();
        int httpPort = freePort();
        ObjectNode config = JSON.createObjectNode()
                .put("Name", "HRNODE-PEER-TEST")
                .put("StorageDirectory", Files.createDirectories(dir.resolve("storage")).toString())
                .put("IndexDirectory", Files.createDirectories(dir.resolve("index")).toString())
                .put("StorageCompression", false)
                .put("HttpServerEnabled", true)
                .put("HttpPort", httpPort)
                .put("RemoteAccessAllowed", false)
                .put("AuthenticationEnabled", false)
                .put("DicomServerEnabled", true)
                .put("DicomAet", AE_TITLE)
                .put("DicomPort", dicomPort)
                .put("DicomCheckCalledAet", false)
                .put("DefaultEncoding", "Utf8")
                // Orthanc drops an idle kept-alive connection after a second; the client would reuse it and fail
                .put("KeepAlive", false);
        config.putArray("Plugins");
        configure.accept(config);
        Path configFile = dir.resolve("orthanc.json");
        JSON.writeValue(configFile.toFile(), config);
        Path log = dir.resolve("orthanc.log");
        Process process = PeerProcess.start(PeerProcess.args(BINARY, "--logfile=" + log, configFile),
                dir.resolve("stdout.log"), Map.of());
        OrthancPeer orthanc = new OrthancPeer(process, dicomPort, httpPort, log);
        try {
            orthanc.awaitReady();
        } catch (Exception e) {
            orthanc.close();
            throw e;
        }
        return orthanc;
    }

    /** A port free right now on 127.0.0.1; for peers that cannot report the port they bound. */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(NodeUnderTest.LOOPBACK))) {
            return s.getLocalPort();
        }
    }

    private void awaitReady() throws Exception {
        Instant deadline = Instant.now().plus(START_LIMIT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IOException("Orthanc exited with " + process.exitValue() + ":\n" + logTail());
            }
            try {
                if (send(HttpRequest.newBuilder(base.resolve("/system")).GET()).statusCode() == HTTP_OK) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // polled again below, until the deadline
            }
            Thread.sleep(POLL_MILLIS);
        }
        throw new IOException("Orthanc did not answer within " + START_LIMIT + ":\n" + logTail());
    }

    /** The root of the DICOMweb plugin's services, without a trailing slash. */
    String dicomWebRoot() {
        return base.resolve(DICOMWEB_PATH).toString().replaceAll("/$", "");
    }

    /** The DICOMweb plugin's WADO-URI endpoint. */
    String wadoUriEndpoint() {
        return base.resolve(WADO_URI_PATH).toString();
    }

    int dicomPort() {
        return dicomPort;
    }

    /** POST /instances: stores a Part 10 file in Orthanc; its Orthanc id. */
    String upload(Path file) throws Exception {
        return json(HttpRequest.newBuilder(base.resolve("/instances"))
                .POST(HttpRequest.BodyPublishers.ofFile(file))).get("ID").asText();
    }

    /** GET a JSON resource. */
    JsonNode get(String path) throws Exception {
        return json(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    /** POST a JSON body, answer as JSON. */
    JsonNode post(String path, Object body) throws Exception {
        return json(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    /** GET /instances/{id}/file: the Part 10 file Orthanc holds. */
    byte[] file(String instanceId) throws Exception {
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(base.resolve("/instances/" + instanceId + "/file"))
                .timeout(REQUEST_TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        requireOk(r.statusCode(), "GET file of " + instanceId);
        return r.body();
    }

    void delete(String path) throws Exception {
        requireOk(send(HttpRequest.newBuilder(base.resolve(path)).DELETE()).statusCode(), "DELETE " + path);
    }

    /** The ids of every instance Orthanc holds. */
    List<String> instances() throws Exception {
        return JSON.convertValue(get("/instances"), JSON.getTypeFactory().constructCollectionType(List.class,
                String.class));
    }

    private JsonNode json(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> r = send(request);
        requireOk(r.statusCode(), r.request().method() + " " + r.uri() + ": " + r.body());
        return JSON.readTree(r.body());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(REQUEST_TIMEOUT).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private void requireOk(int status, String what) throws IOException {
        if (status != HTTP_OK) {
            throw new IOException("Orthanc answered " + status + " to " + what + "\n" + logTail());
        }
    }

    /** The end of Orthanc's log, for failure messages. */
    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no Orthanc log: " + e.getMessage() + ")";
        }
    }

    /** Stops the peer; an interrupt while waiting for it is kept for the caller to see. */
    @Override
    public void close() {
        try {
            PeerProcess.stop(process);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
