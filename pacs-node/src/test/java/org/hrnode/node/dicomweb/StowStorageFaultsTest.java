package org.hrnode.node.dicomweb;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.hrnode.dicom.testing.TestData;
import org.hrnode.node.peers.NodeUnderTest;
import org.hrnode.storage.blob.BlobStoreUnavailableException;
import org.hrnode.storage.blob.InMemoryBlobStore;
import org.hrnode.storage.blob.PutResult;
import org.hrnode.storage.testing.ForwardingBlobStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * STOW-RS when the blob store goes away in the middle of a request: the parts stored before stay stored and are
 * acknowledged, the part that met the outage fails with A700 (out of resources), the rest of the request is not
 * tried, and the status is 503 so the client retries later. Nothing is acknowledged that is not durable.
 */
class StowStorageFaultsTest {

    private static final String BOUNDARY = "fault-boundary";
    private static final String STOW_TYPE = "multipart/related; type=\"application/dicom\"; boundary=" + BOUNDARY;
    private static final int OUT_OF_RESOURCES = 0xA700;

    /** Accepts a given number of puts, then is unavailable. */
    private static final class FailingAfterPuts extends ForwardingBlobStore {
        private final AtomicInteger allowed = new AtomicInteger(Integer.MAX_VALUE);

        FailingAfterPuts() {
            super(new InMemoryBlobStore());
        }

        @Override
        public PutResult put(String key, InputStream data) throws IOException {
            if (allowed.getAndDecrement() <= 0) {
                throw new BlobStoreUnavailableException("test: blob store down");
            }
            return super.put(key, data);
        }
    }

    @TempDir
    static Path work;
    private static FailingAfterPuts blobs;
    private static NodeUnderTest node;

    @BeforeAll
    static void start() throws IOException {
        blobs = new FailingAfterPuts();
        node = NodeUnderTest.startWithBlobStore(work.resolve("data"), blobs, "--uncompressed", "accept");
    }

    @AfterAll
    static void stop() throws IOException {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void anOutageMidRequestKeepsWhatWasStoredAndAnswers503() throws Exception {
        List<Path> files = new ArrayList<>();
        for (String name : List.of("VL1_J2KR", "VL2_J2KR", "VL3_J2KR")) {
            Path file = TestData.sharedData().resolve("wg04").resolve("J2KR").resolve(name);
            TestData.require(Files.isReadable(file), file.toString());
            files.add(file);
        }
        blobs.allowed.set(1);
        HttpResponse<String> r;
        try {
            r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                            + node.node().httpPort() + "/dicomweb/studies")).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", STOW_TYPE)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(StowRsTest.body(BOUNDARY, files))).build(),
                    HttpResponse.BodyHandlers.ofString());
        } finally {
            blobs.allowed.set(Integer.MAX_VALUE);
        }
        assertThat(r.statusCode()).as(r.body()).isEqualTo(503);
        JsonNode response = new ObjectMapper().readTree(r.body());
        JsonNode stored = response.path("00081199").path("Value");
        assertThat(stored).hasSize(1);
        String first = stored.get(0).path("00081155").path("Value").get(0).asText();
        assertThat(node.instance(first)).isPresent();
        JsonNode failed = response.path("00081198").path("Value");
        assertThat(failed).as("the third part is not tried").hasSize(1);
        assertThat(failed.get(0).path("00081197").path("Value").get(0).asInt()).isEqualTo(OUT_OF_RESOURCES);
        assertThat(failed.get(0).path("00091010").path("Value").get(0).asText())
                .contains("blob store unavailable, nothing stored");
        String second = failed.get(0).path("00081155").path("Value").get(0).asText();
        assertThat(node.instance(second)).isEmpty();
    }
}
