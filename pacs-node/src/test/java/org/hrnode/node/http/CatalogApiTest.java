package org.hrnode.node.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.hrnode.node.catalog.StudyHeaders;
import org.hrnode.node.peers.NodeUnderTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalogue API of a started node: the 141 items, matching, and an institution's mapping table. */
class CatalogApiTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    private static NodeUnderTest node;
    private static HttpClient client;

    @BeforeAll
    static void start() throws IOException {
        node = NodeUnderTest.start(dir.resolve("data"));
        client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    }

    @AfterAll
    static void stop() throws IOException {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void listsTheNormalisedCatalogue() throws Exception {
        HttpResponse<String> r = send("GET", "/api/qc/catalog", null);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode items = JSON.readTree(r.body());
        assertThat(items).hasSize(141);
        JsonNode knee = items.get(12);
        assertThat(knee.get("no").asInt()).isEqualTo(13);
        assertThat(knee.get("name").asText()).isEqualTo("左侧膝关节正侧位摄影");
        assertThat(knee.get("regionZh").asText()).isEqualTo("膝关节");
        assertThat(knee.get("side").asText()).isEqualTo("LEFT");
        assertThat(knee.get("viewsZh").toString()).isEqualTo("[\"正位\",\"侧位\"]");
        assertThat(items.get(138).get("modality").asText()).as("item 139 is written MRI").isEqualTo("MR");
    }

    @Test
    void matchesAStudyLikeTheCommandLine() throws Exception {
        HttpResponse<String> r = send("POST", "/api/qc/catalog/match",
                StudyHeaders.kneeRadiograph("膝关节正侧位(左)", null, "AP", "LAT"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).startsWith("{\"items\":[{\"no\":13,\"name\":\"左侧膝关节正侧位摄影\",\"confidence\":1.0}],"
                + "\"explanation\":\"#13 ");
        JsonNode fields = JSON.readTree(r.body());
        assertThat(fields.properties()).extracting(java.util.Map.Entry::getKey)
                .containsExactly("items", "explanation");
    }

    @Test
    void anInstitutionsMappingIsEditableAndTakesPrecedence() throws Exception {
        String study = StudyHeaders.kneeRadiograph("膝关节正侧位(左)", "XR0123", "AP", "LAT");
        String code = "/api/qc/catalog/mappings/CQ0007/" + URLEncoder.encode("xr0123", StandardCharsets.UTF_8);

        HttpResponse<String> put = send("PUT", code, "{\"items\":[14]}");
        assertThat(put.statusCode()).isEqualTo(200);
        assertThat(put.body()).isEqualTo("{\"localKey\":\"XR0123\",\"items\":[14]}");

        HttpResponse<String> mapped = send("POST", "/api/qc/catalog/match?institution=CQ0007", study);
        assertThat(JSON.readTree(mapped.body()).get("items").get(0).get("no").asInt()).isEqualTo(14);
        assertThat(mapped.body()).contains("mapping of institution CQ0007");
        HttpResponse<String> elsewhere = send("POST", "/api/qc/catalog/match?institution=SC0001", study);
        assertThat(JSON.readTree(elsewhere.body()).get("items").get(0).get("no").asInt()).isEqualTo(13);

        assertThat(send("GET", "/api/qc/catalog/mappings/CQ0007", null).body())
                .isEqualTo("[{\"localKey\":\"XR0123\",\"items\":[14]}]");
        assertThat(send("GET", code, null).statusCode()).isEqualTo(200);

        HttpResponse<String> replaced = send("PUT", "/api/qc/catalog/mappings/CQ0007",
                "[{\"localKey\":\"胸部CT平扫\",\"items\":[94]},{\"localKey\":\"ＣＴ 胸+腹\",\"items\":[94,83]}]");
        assertThat(replaced.statusCode()).isEqualTo(200);
        assertThat(replaced.body()).isEqualTo("[{\"localKey\":\"CT 胸+腹\",\"items\":[94,83]},"
                + "{\"localKey\":\"胸部CT平扫\",\"items\":[94]}]");
        assertThat(send("DELETE", code, null).statusCode()).as("replaced away").isEqualTo(404);

        String chest = "/api/qc/catalog/mappings/CQ0007/" + URLEncoder.encode("胸部CT平扫", StandardCharsets.UTF_8)
                .replace("+", "%20");
        assertThat(send("DELETE", chest, null).statusCode()).isEqualTo(204);
        assertThat(send("DELETE", "/api/qc/catalog/mappings/CQ0007", null).body()).isEqualTo("{\"removed\":1}");
        assertThat(send("GET", "/api/qc/catalog/mappings/CQ0007", null).body()).isEqualTo("[]");
    }

    @Test
    void badRequestsSayWhatIsWrong() throws Exception {
        HttpResponse<String> notJson = send("POST", "/api/qc/catalog/match", "{\"00080060\":");
        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(notJson.body()).contains("DICOM JSON array of the study's instance headers");

        String inlinePixels = "[{\"00080060\":{\"vr\":\"CS\",\"Value\":[\"DX\"]},\"7FE00010\":{\"vr\":\"OW\","
                + "\"InlineBinary\":\"" + "A".repeat(1536 * 1024) + "\"}}]";
        HttpResponse<String> pixels = send("POST", "/api/qc/catalog/match", inlinePixels);
        assertThat(pixels.statusCode()).as("headers only: pixel data is refused").isEqualTo(400);
        assertThat(pixels.body()).contains("DICOM JSON array of the study's instance headers");

        HttpResponse<String> noSuchItem = send("PUT", "/api/qc/catalog/mappings/CQ0007/X1", "{\"items\":[142]}");
        assertThat(noSuchItem.statusCode()).isEqualTo(400);
        assertThat(noSuchItem.body()).contains("item 142 is not in the catalogue (1-141)");

        HttpResponse<String> noItems = send("PUT", "/api/qc/catalog/mappings/CQ0007/X1", "{}");
        assertThat(noItems.statusCode()).isEqualTo(400);

        HttpResponse<String> sameKeyTwice = send("PUT", "/api/qc/catalog/mappings/CQ0007",
                "[{\"localKey\":\"ct1\",\"items\":[94]},{\"localKey\":\"CT1\",\"items\":[92]}]");
        assertThat(sameKeyTwice.statusCode()).isEqualTo(400);
        assertThat(sameKeyTwice.body()).contains("same key");
    }

    private static HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.node().httpPort() + path))
                .timeout(TIMEOUT);
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
