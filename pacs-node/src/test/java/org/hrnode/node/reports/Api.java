package org.hrnode.node.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** The node's HTTP API as the tests drive it, with the JDK's client. */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final int port;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    Api(int port) {
        this.port = port;
    }

    /** The answer of one request: status and body. */
    record Answer(int status, String body) {
        JsonNode json() throws Exception {
            return JSON.readTree(body);
        }

        String message() throws Exception {
            return json().path("message").asText();
        }
    }

    Answer post(String path, String contentType, String body, String consentId) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(uri(path)).timeout(TIMEOUT).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (consentId != null) {
            r.header("X-Consent-Id", consentId);
        }
        return send(r);
    }

    Answer json(String path, String body) throws Exception {
        return post(path, "application/json", body, null);
    }

    Answer put(String path, String body) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).timeout(TIMEOUT).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    Answer get(String path, String consentId) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(uri(path)).timeout(TIMEOUT).GET();
        if (consentId != null) {
            r.header("X-Consent-Id", consentId);
        }
        return send(r);
    }

    HttpResponse<byte[]> getBytes(String path, String consentId) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(path)).timeout(TIMEOUT).header("X-Consent-Id", consentId)
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Records hospital {@code org}'s consent for the sample patient; returns its id. */
    String consent(String org, String idNo) throws Exception {
        Answer a = json("/api/recognition/consents", "{\"idTypeCode\":\"01\",\"idNo\":\"" + idNo
                + "\",\"orgCode\":\"" + org + "\",\"validHours\":2}");
        if (a.status() != 201) {
            throw new AssertionError("consent refused: " + a);
        }
        return a.json().path("consentId").asText();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private Answer send(HttpRequest.Builder r) throws Exception {
        HttpResponse<String> response = client.send(r.build(), HttpResponse.BodyHandlers.ofString(
                StandardCharsets.UTF_8));
        return new Answer(response.statusCode(), response.body());
    }
}
