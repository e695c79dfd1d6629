package org.hrnode.node.http;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The DICOMweb services are separate resource classes that all declare {@code @Path("/dicomweb")} (QIDO-RS, WADO-RS,
 * STOW-RS…). Strict JAX-RS matching would pick one class by its path and never look at the others; RESTEasy, as the
 * node deploys it, matches methods across all classes. This pins that down, so a change of server or setting that
 * breaks it fails here rather than as a 404 in a viewer.
 */
class SharedRootPathTest {

    @Path("/dicomweb")
    public static final class Search {
        @GET
        @Path("studies")
        @Produces("text/plain")
        public String studies() {
            return "search";
        }
    }

    @Path("/dicomweb")
    public static final class Retrieve {
        @GET
        @Path("studies/{study}")
        @Produces("text/plain")
        public String study(@PathParam("study") String study) {
            return "retrieve " + study;
        }
    }

    @Test
    void resourceClassesWithTheSameRootPathAreAllReachable() throws Exception {
        try (HttpServer server = HttpServer.start(new InetSocketAddress("127.0.0.1", 0),
                List.of(new Search(), new Retrieve()))) {
            HttpClient client = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + server.port() + "/dicomweb/studies";

            assertThat(client.send(HttpRequest.newBuilder(URI.create(base)).build(),
                    HttpResponse.BodyHandlers.ofString()).body()).isEqualTo("search");
            assertThat(client.send(HttpRequest.newBuilder(URI.create(base + "/1.2.3")).build(),
                    HttpResponse.BodyHandlers.ofString()).body()).isEqualTo("retrieve 1.2.3");
        }
    }
}
