package org.hrnode.node.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.VR;
import org.hrnode.dicom.dict.Tag;
import org.hrnode.dicom.io.DicomFile;
import org.hrnode.dicom.io.DicomReader;
import org.hrnode.dicom.io.DicomWriter;
import org.hrnode.dicom.testing.TestData;
import org.hrnode.node.app.Node;
import org.hrnode.node.fileimport.FileImporter;
import org.hrnode.node.fileimport.ImportSummary;
import org.hrnode.node.peers.NodeUnderTest;
import org.hrnode.node.testing.Await;

/**
 * Real studies judged by the node's own engines for the console's tests: copies of the GE head CT of
 * {@code ../shared/data}, ordered today under fresh UIDs, one whole (earns 甲/乙 and the mark once item 92 is
 * recognised) and one with a slice missing (vetoed 废: the AI flags it).
 */
final class JudgedStudies {

    static final int HEAD_CT_PLAIN = 92;
    private static final Duration VERDICT_TIMEOUT = Duration.ofSeconds(120);
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private JudgedStudies() {
    }

    /** Writes a copy of the head CT under new UIDs into {@code dir}; without one slice when {@code gap}. */
    static List<Path> headCt(Path dir, boolean gap) throws Exception {
        Path series = TestData.sharedData().resolve("ct-head-ge");
        TestData.require(Files.isDirectory(series), "the GE head CT series " + series);
        List<Path> originals;
        try (Stream<Path> files = Files.list(series)) {
            originals = new ArrayList<>(files.filter(f -> f.toString().endsWith(".dcm")).sorted().toList());
        }
        if (gap) {
            originals.remove(originals.size() * 3 / 4);
        }
        LocalDateTime now = LocalDateTime.now(BEIJING).minusMinutes(30);
        String study = uid();
        String seriesUid = uid();
        Files.createDirectories(dir);
        List<Path> out = new ArrayList<>();
        for (Path f : originals) {
            DicomFile file = DicomReader.readFile(f);
            Dataset d = file.dataset();
            d.setString(Tag.StudyDate, VR.DA, now.format(DateTimeFormatter.BASIC_ISO_DATE));
            d.setString(Tag.StudyTime, VR.TM, now.format(DateTimeFormatter.ofPattern("HHmmss")));
            d.setString(Tag.AccessionNumber, VR.SH, gap ? "CT20261122002" : "CT20261122001");
            d.setString(Tag.StudyInstanceUID, VR.UI, study);
            d.setString(Tag.SeriesInstanceUID, VR.UI, seriesUid);
            d.setString(Tag.SOPInstanceUID, VR.UI, uid());
            Path copy = dir.resolve(f.getFileName());
            DicomWriter.writeFile(copy, d, file.transferSyntax());
            out.add(copy);
        }
        return out;
    }

    /** Imports through the one ingest path; the study's UID. */
    static String importFiles(NodeUnderTest node, List<Path> files) throws Exception {
        Node n = node.node();
        ImportSummary summary = new FileImporter(n.ingest(), Node.readOptions(n.config()), (f, c, d, s) -> {
        }).importAll(files);
        assertThat(summary.anythingRefused()).as(summary.refusalReasons().toString()).isFalse();
        return DicomReader.readFile(files.getFirst()).dataset().getString(Tag.StudyInstanceUID);
    }

    /** Waits until {@code /api/qc/studies/{uid}} shows a result with no newer run pending. */
    static JsonNode verdict(ApiClient api, String study) throws InterruptedException {
        AtomicReference<JsonNode> last = new AtomicReference<>();
        Await.until("study judged (last: " + last + ")", VERDICT_TIMEOUT, () -> {
            ApiClient.Reply r = api.get("/api/qc/studies/" + study);
            last.set(r.json());
            return r.status() == 200 && !r.json().path("pending").asBoolean();
        });
        return last.get();
    }

    private static String uid() {
        return "2.25." + new BigInteger(UUID.randomUUID().toString().replace("-", ""), 16);
    }
}
