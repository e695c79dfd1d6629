package org.hrnode.node.peers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * npm {@code dicomweb-client} (the DICOMweb client OHIF is built on) calling a DICOMweb server, one method call per
 * run of {@code peers/npm/dicomweb-client-call.mjs}: DICOM JSON answers come back as JSON, binary ones (instances,
 * frames, rendered images) as files under a work directory.
 */
final class DicomWebClientPeer {

    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(120);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String root;
    private final Path work;
    private int calls;

    /** A client of the DICOMweb services at {@code root} (no trailing slash) keeping its answers under work. */
    DicomWebClientPeer(String root, Path work) {
        this.root = root;
        this.work = work;
    }

    static ObjectNode options() {
        return JSON.createObjectNode();
    }

    /** One call; its answer, successful or not. */
    NodeJsPeer.Answer call(String method, ObjectNode options) throws Exception {
        Path out = Files.createDirectories(work.resolve("call-" + (++calls)));
        return NodeJsPeer.run(CALL_TIMEOUT, "dicomweb-client-call.mjs",
                List.of(root, out.toString(), method, JSON.writeValueAsString(options)));
    }

    /** One call that must succeed with DICOM JSON: the JSON. */
    JsonNode json(String method, ObjectNode options) throws Exception {
        NodeJsPeer.Answer answer = call(method, options);
        assertThat(answer.ok()).as(method + " " + options + ": " + answer.describe()).isTrue();
        assertThat(answer.json().has("json")).as(method + " answered JSON: " + answer.describe()).isTrue();
        return answer.json().get("json");
    }

    /** One call that must succeed with binary parts: the files holding them, in order. */
    List<Path> parts(String method, ObjectNode options) throws Exception {
        NodeJsPeer.Answer answer = call(method, options);
        assertThat(answer.ok()).as(method + " " + options + ": " + answer.describe()).isTrue();
        assertThat(answer.json().has("parts")).as(method + " answered binary parts: " + answer.describe())
                .isTrue();
        List<Path> files = new ArrayList<>();
        answer.json().get("parts").forEach(part -> files.add(Path.of(part.get("file").asText())));
        return files;
    }
}
