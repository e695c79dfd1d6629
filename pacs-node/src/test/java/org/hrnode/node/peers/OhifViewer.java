package org.hrnode.node.peers;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * OHIF v3 in headless Debian Chromium (npm playwright-core), opening one study from a DICOMweb server: the study list,
 * then the viewer ({@code peers/npm/ohif-view.mjs}). OHIF is served from its own origin, so a server under test must
 * answer CORS as a hospital deployment needs; {@code sameOriginProxy} routes DICOMweb through OHIF's origin instead,
 * for reference servers without CORS.
 */
final class OhifViewer {

    /** OHIF's start, the study list and the viewer's first image on a busy two-core machine, with room to spare. */
    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(240);
    private static final Duration RENDER_TIMEOUT = Duration.ofSeconds(120);
    private static final int HTTP_OK = 200;
    /** The head CT fills a quarter of the viewport, the 32×32 test pattern most of it. */
    private static final double MIN_NON_BLACK_FRACTION = 0.05;

    private OhifViewer() {
    }

    /**
     * What the browser saw.
     *
     * @param report the script's JSON: rendered, canvas, requests, failedRequests, studyListText, viewerText, …
     */
    record Visit(JsonNode report, String describe) {

        /**
         * Whether the viewport's canvas shows an image: more than one grey level (the script waited for that) and a
         * visible share of it not black, which an error placeholder or an empty viewport does not have.
         */
        boolean rendered() {
            return report.path("rendered").asBoolean(false)
                    && report.path("canvas").path("nonBlackFraction").asDouble(0) >= MIN_NON_BLACK_FRACTION;
        }

        List<String> failedRequests() {
            List<String> failed = new ArrayList<>();
            report.path("failedRequests").forEach(r -> failed.add(r.toString()));
            return failed;
        }

        int dicomWebRequests() {
            return report.path("requests").size();
        }

        /** The requests whose URL contains {@code text} that the server answered 200. */
        long answeredRequestsContaining(String text) {
            List<JsonNode> matching = new ArrayList<>();
            report.path("requests").forEach(r -> {
                if (r.path("url").asText().contains(text) && r.path("status").asInt() == HTTP_OK) {
                    matching.add(r);
                }
            });
            return matching.size();
        }

        String studyListText() {
            return report.path("studyListText").asText("");
        }
    }

    /**
     * Opens {@code studyUid} from the DICOMweb services at {@code dicomWebRoot}, serving OHIF on {@code port} (0: any
     * free one), and saves a screenshot of the viewer to {@code screenshot}. With a {@code wadoUri} endpoint OHIF loads
     * the images from there (WADO-URI) instead of WADO-RS; null: WADO-RS.
     */
    static Visit open(String dicomWebRoot, String wadoUri, String studyUid, int port, boolean sameOriginProxy,
            Path screenshot) throws Exception {
        List<String> args = new ArrayList<>(List.of(dicomWebRoot, studyUid, "--port", Integer.toString(port),
                "--screenshot", screenshot.toString(), "--timeout-ms", Long.toString(RENDER_TIMEOUT.toMillis())));
        if (wadoUri != null) {
            args.addAll(List.of("--wado-uri", wadoUri));
        }
        if (sameOriginProxy) {
            args.add("--proxy");
        }
        NodeJsPeer.Answer answer = NodeJsPeer.run(RUN_TIMEOUT, "ohif-view.mjs", args);
        if (answer.json() == null || answer.exitCode() != 0) {
            throw new AssertionError("OHIF run failed: " + answer.describe());
        }
        return new Visit(answer.json(), answer.describe());
    }
}
