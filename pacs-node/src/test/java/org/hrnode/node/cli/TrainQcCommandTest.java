package org.hrnode.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.hrnode.aiqc.model.ModelManifest;
import org.hrnode.aiqc.model.QcModality;
import org.hrnode.aiqc.model.QcModel;
import org.hrnode.aiqc.model.WorkingImage;
import org.hrnode.dicom.testing.TestData;
import org.hrnode.node.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a person gets from {@code ./hrnode train-qc}: a usable model, its manifest and report, from a tiny set. */
class TrainQcCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return new TrainQcCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(List.of(args));
    }

    @Test
    void oneEpochOnATinySetWritesParametersManifestAndReport(@TempDir Path dir) throws Exception {
        Path shared = TestData.sharedData();
        Path data = Files.createDirectories(dir.resolve("data"));
        // three CT sources: a 4-slice series and two single images, plus a file that is not DICOM
        for (String slice : List.of("01.dcm", "08.dcm", "15.dcm", "22.dcm")) {
            Files.copy(shared.resolve("ct-head-ge").resolve(slice), data.resolve("head-" + slice));
        }
        Files.copy(shared.resolve("wg04/JPLL/CT1_JPLL"), data.resolve("CT1"));
        Files.copy(shared.resolve("wg04/JPLL/CT2_JPLL"), data.resolve("CT2"));
        Files.writeString(data.resolve("notes.txt"), "not an image");
        Path outDir = dir.resolve("model");

        assertThat(run("--data", data.toString(), "--out", outDir.toString(), "--epochs", "1", "--seed", "7"))
                .as(err.toString(StandardCharsets.UTF_8)).isZero();

        ModelManifest manifest = ModelManifest.parse(Files.readString(outDir.resolve(ModelManifest.FILE_NAME)));
        assertThat(manifest.epochs()).isEqualTo(1);
        assertThat(manifest.seed()).isEqualTo(7);
        assertThat(manifest.trainSources() + manifest.heldOutSources()).isEqualTo(3);
        assertThat(manifest.heldOutSourceIds()).hasSize(manifest.heldOutSources());
        assertThat(Files.size(outDir.resolve(manifest.parametersFile()))).isBetween(20_000L, 400_000L);
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed).startsWith("model " + manifest.version() + ": ").contains("held-out AUC: noise=");
        String report = Files.readString(outDir.resolve("qc-model-report.md"));
        assertThat(report).contains("# QC model training report: " + manifest.version(), "| noise |",
                "## Confusion", "## Calibration", "not DICOM=1");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("train-qc: epoch 1/1");
        try (QcModel trained = QcModel.load(outDir)) {
            assertThat(trained.version()).isEqualTo(manifest.version());
            assertThat(trained.predict(WorkingImage.of(new float[WorkingImage.SIZE * WorkingImage.SIZE]),
                    QcModality.CT).modelVersion()).isEqualTo(manifest.version());
        }

        // the same command again gives the same parameters (the version is their hash) and the same metrics
        Path again = dir.resolve("again");
        assertThat(run("--data", data.toString(), "--out", again.toString(), "--epochs", "1", "--seed", "7"))
                .isZero();
        ModelManifest repeated = ModelManifest.parse(Files.readString(again.resolve(ModelManifest.FILE_NAME)));
        assertThat(repeated).isEqualTo(manifest);
    }

    @Test
    void missingOptionsAndBadNumbersAreUsageErrors() {
        assertThat(run("--data", "x")).isEqualTo(Main.EXIT_USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--data and --out are required");
        assertThat(run("--data", "x", "--out", "y", "--epochs", "many")).isEqualTo(Main.EXIT_USAGE);
        assertThat(run("--data", "x", "--out", "y", "--epochs", "0")).isEqualTo(Main.EXIT_USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--epochs must be at least 1");
    }

    @Test
    void aFolderWithoutTwoSourcesSaysWhatItFound(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("a.txt"), "not an image");
        assertThat(run("--data", dir.toString(), "--out", dir.resolve("out").toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("found 0 image(s) in 0 source(s)", "not DICOM=1");
    }
}
