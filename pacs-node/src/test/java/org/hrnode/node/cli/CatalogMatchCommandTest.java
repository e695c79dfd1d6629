package org.hrnode.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.hrnode.node.app.NodeStorage;
import org.hrnode.node.catalog.StudyHeaders;
import org.hrnode.node.config.ConfigLoader;
import org.hrnode.node.config.NodeConfig;
import org.hrnode.storage.catalog.CatalogMapping;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a person sees from {@code ./hrnode catalog-match FILE.json}. */
class CatalogMatchCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return new CatalogMatchCommand(Map.of(), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(List.of(args));
    }

    @Test
    void printsTheItemConfidenceAndExplanationAsOneJsonLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("study.json");
        Files.writeString(file, StudyHeaders.kneeRadiograph("膝关节正侧位(左)", null, "AP", "LAT"));

        assertThat(run(file.toString())).isZero();

        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed).startsWith("{\"items\":[{\"no\":13,\"name\":\"左侧膝关节正侧位摄影\",\"confidence\":1.0}],"
                + "\"explanation\":\"#13 左侧膝关节正侧位摄影 (1.00): Modality DX → DR; region 膝关节 from"
                + " StudyDescription '膝关节正侧位(左)'");
        assertThat(printed).endsWith("\"}" + System.lineSeparator()).hasLineCount(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void aStudyOutsideTheCataloguePrintsNoItemsAndWhy(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("study.json");
        Files.writeString(file, "[{\"00080060\":{\"vr\":\"CS\",\"Value\":[\"US\"]},"
                + "\"00081030\":{\"vr\":\"LO\",\"Value\":[\"甲状腺超声\"]}}]");
        assertThat(run(file.toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .startsWith("{\"items\":[],\"explanation\":\"no catalogue item; Modality US is not DR, CT or MR");
    }

    @Test
    void theInstitutionsMappingAppliesWithInstitution(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        NodeConfig config = new ConfigLoader(Map.of()).load(List.of("--data-dir", data.toString()));
        try (NodeStorage storage = NodeStorage.openAsOwner(config)) {
            storage.catalogMappings().put(new CatalogMapping("SC0001", "XR0123", List.of(14)));
        }
        Path file = dir.resolve("study.json");
        Files.writeString(file, StudyHeaders.kneeRadiograph("膝关节正侧位(左)", "XR0123", "AP", "LAT"));

        assertThat(run(file.toString(), "--institution", "SC0001", "--data-dir", data.toString())).isZero();

        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("{\"items\":[{\"no\":14,").contains(
                "mapping of institution SC0001: local exam 'XR0123'");
    }

    @Test
    void badInputIsAClearErrorAndNonZeroStatus(@TempDir Path dir) throws Exception {
        assertThat(run()).isEqualTo(64);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: ./hrnode catalog-match FILE.json");

        err.reset();
        assertThat(run(dir.resolve("absent.json").toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no such file");

        err.reset();
        Path notJson = dir.resolve("study.json");
        Files.writeString(notJson, "{\"00080060\": 5");
        assertThat(run(notJson.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("is not a DICOM JSON array of instance headers");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
