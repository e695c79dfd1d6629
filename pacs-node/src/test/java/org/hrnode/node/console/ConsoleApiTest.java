package org.hrnode.node.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.hrnode.node.fileimport.FileImporter;
import org.hrnode.node.peers.NodeUnderTest;
import org.hrnode.node.testing.Await;
import org.hrnode.storage.ae.UncompressedImages;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The QC console's API over two real head CT studies judged by the node's engines: one whole (eligible, not
 * flagged), one with a slice missing (vetoed 废, flagged). Worklist filters, sorting, paging and counts; blind
 * samples; the review screen; decisions changing the effective verdict, the HR mark and the dashboard; the audit
 * trail; labelled export; re-running QC; bad input answered 4xx with a reason.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleApiTest {

    private static final String VIEWER = "http://viewer.example/viewer?StudyInstanceUIDs={study}";

    private Path dir;
    private NodeUnderTest node;
    private ApiClient api;
    private String whole;
    private String gap;

    @BeforeAll
    void judgeTwoStudies() throws Exception {
        dir = Files.createTempDirectory("console-api");
        node = NodeUnderTest.start(dir.resolve("data"), "--qc-stable-seconds", "1", "--qc-poll-seconds", "1",
                "--viewer-url-template", VIEWER);
        // stored as sent: compressing in the background while QC reads can make QC see a stale transfer syntax
        node.allowCaller(FileImporter.DEFAULT_SOURCE_AE, UncompressedImages.ACCEPT);
        api = new ApiClient(node.node().httpPort());
        ApiClient.Reply recognised = api.put("/api/qc/recognition/" + NodeUnderTest.INSTITUTION_CODE,
                "{\"items\":[{\"no\":" + JudgedStudies.HEAD_CT_PLAIN + ",\"from\":\"2020-01-01\"}]}");
        assertThat(recognised.status()).as(recognised.body()).isEqualTo(200);
        whole = JudgedStudies.importFiles(node, JudgedStudies.headCt(dir.resolve("whole"), false));
        gap = JudgedStudies.importFiles(node, JudgedStudies.headCt(dir.resolve("gap"), true));
        JsonNode wholeVerdict = JudgedStudies.verdict(api, whole);
        assertThat(wholeVerdict.path("hrEligible").asBoolean()).as(wholeVerdict.toString()).isTrue();
        JsonNode gapVerdict = JudgedStudies.verdict(api, gap);
        assertThat(gapVerdict.path("grade").asText()).as(gapVerdict.toString()).isEqualTo("废");
    }

    @AfterAll
    void stop() throws Exception {
        if (node != null) {
            node.close();
        }
    }

    @Test
    @Order(1)
    void worklistListsWhatTheAiFlaggedWithFiltersSortingPagingAndCounts() {
        JsonNode flagged = ok("/api/console/worklist");
        assertThat(flagged.path("total").asLong()).isEqualTo(1);
        JsonNode row = flagged.path("rows").get(0);
        assertThat(row.path("studyInstanceUid").asText()).isEqualTo(gap);
        assertThat(row.path("grade").asText()).isEqualTo("废");
        assertThat(row.path("vetoes").asInt()).isEqualTo(1);
        assertThat(row.path("modalities").asText()).isEqualTo("CT");
        assertThat(row.path("institutionCode").asText()).isEqualTo(NodeUnderTest.INSTITUTION_CODE);
        assertThat(row.path("items").get(0).path("no").asInt()).isEqualTo(JudgedStudies.HEAD_CT_PLAIN);

        assertThat(uids("/api/console/worklist?flagged=false")).containsExactlyInAnyOrder(whole, gap);
        assertThat(uids("/api/console/worklist?flagged=false&grade=废")).containsExactly(gap);
        assertThat(uids("/api/console/worklist?flagged=false&grade=D")).containsExactly(gap);
        assertThat(uids("/api/console/worklist?flagged=false&check=C1")).containsExactly(gap);
        assertThat(uids("/api/console/worklist?flagged=false&item=92")).hasSize(2);
        assertThat(uids("/api/console/worklist?flagged=false&item=93")).isEmpty();
        assertThat(uids("/api/console/worklist?flagged=false&modality=CT")).hasSize(2);
        assertThat(uids("/api/console/worklist?flagged=false&modality=MR")).isEmpty();
        assertThat(uids("/api/console/worklist?flagged=false&institution=" + NodeUnderTest.INSTITUTION_CODE))
                .hasSize(2);
        assertThat(uids("/api/console/worklist?flagged=false&institution=500000-OTHER")).isEmpty();
        assertThat(uids("/api/console/worklist?flagged=false&region=51")).hasSize(2);
        assertThat(uids("/api/console/worklist?flagged=false&region=50")).isEmpty();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        assertThat(uids("/api/console/worklist?flagged=false&from=" + today.minusDays(1) + "&to=" + today.plusDays(1)))
                .hasSize(2);
        assertThat(uids("/api/console/worklist?flagged=false&to=" + today.minusDays(2))).isEmpty();
        assertThat(uids("/api/console/worklist?flagged=false&sort=grade&order=asc")).containsExactly(whole, gap);
        assertThat(uids("/api/console/worklist?flagged=false&sort=grade&order=desc")).containsExactly(gap, whole);
        assertThat(uids("/api/console/worklist?flagged=false&sort=score")).hasSize(2);

        JsonNode page2 = ok("/api/console/worklist?flagged=false&sort=grade&order=asc&limit=1&offset=1");
        assertThat(page2.path("total").asLong()).isEqualTo(2);
        assertThat(page2.path("rows").size()).isEqualTo(1);
        assertThat(page2.path("rows").get(0).path("studyInstanceUid").asText()).isEqualTo(gap);
        JsonNode beyond = ok("/api/console/worklist?flagged=false&limit=1&offset=5");
        assertThat(beyond.path("rows").size()).isZero();
        assertThat(beyond.path("total").asLong()).as("counted past the last page too").isEqualTo(2);
    }

    @Test
    @Order(1)
    void worklistRefusesBadParametersWithAReason() {
        assertBad("/api/console/worklist?sort=colour", "sort");
        assertBad("/api/console/worklist?order=sideways", "order");
        assertBad("/api/console/worklist?from=yesterday", "from");
        assertBad("/api/console/worklist?grade=Z", "grade");
        assertBad("/api/console/worklist?limit=0", "limit");
        assertBad("/api/console/worklist?limit=ten", "limit");
        assertBad("/api/console/worklist?item=x", "item");
        assertBad("/api/console/worklist?flagged=maybe", "flagged");
        assertBad("/api/console/worklist?decided=perhaps", "decided");
        assertBad("/api/console/sample?size=1000", "limit");
    }

    @Test
    @Order(1)
    void blindSampleHidesTheInstitution() {
        ApiClient.Reply r = api.get("/api/console/sample?size=5&flagged=false");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        assertThat(r.json().size()).isEqualTo(2);
        for (JsonNode row : r.json()) {
            assertThat(row.path("institutionCode").isNull()).isTrue();
            assertThat(row.path("institutionName").isNull()).isTrue();
        }
        assertThat(r.body()).doesNotContain(NodeUnderTest.INSTITUTION_CODE);
        assertThat(ok("/api/console/sample?size=5").size()).isEqualTo(1);
    }

    @Test
    @Order(1)
    void reviewScreenShowsExamSeriesWithThumbnailsChecksAndTheViewerLink() throws Exception {
        JsonNode review = ok("/api/console/studies/" + gap);
        JsonNode exam = review.path("exam");
        // dev mode: the developer holds every role, the clinician's included, so identifiers show (production masks
        // them for reviewers without the viewer role: Privacy, PrivacyTest)
        assertThat(exam.path("identified").asBoolean()).isTrue();
        assertThat(exam.path("patientId").asText()).doesNotEndWith("***");
        assertThat(exam.path("accessionNumber").asText()).isEqualTo("CT20261122002");
        assertThat(exam.path("timeliness").size()).isPositive();
        JsonNode series = review.path("series").get(0);
        assertThat(series.path("modality").asText()).isEqualTo("CT");
        assertThat(series.path("instances").asInt()).isEqualTo(27);
        assertThat(ImageIO.read(new ByteArrayInputStream(api.bytes(series.path("thumbnailUrl").asText()))))
                .isNotNull();
        assertThat(ImageIO.read(new ByteArrayInputStream(api.bytes(series.path("renderedUrl").asText()))))
                .isNotNull();
        JsonNode qc = review.path("qc");
        assertThat(qc.path("grade").asText()).isEqualTo("废");
        JsonNode c1 = null;
        for (JsonNode c : qc.path("checks")) {
            if (c.path("id").asText().equals("C1")) {
                c1 = c;
            }
        }
        assertThat(c1).as(qc.path("checks").toString()).isNotNull();
        assertThat(c1.path("passed").asBoolean(true)).isFalse();
        assertThat(c1.path("zh").asText()).isNotBlank();
        assertThat(c1.path("en").asText()).isNotBlank();
        assertThat(review.path("effective").path("source").asText()).isEqualTo("ai");
        assertThat(review.path("effective").path("hrEligible").asBoolean()).isFalse();
        assertThat(review.path("effective").path("reasonCode").asInt()).isEqualTo(6);
        assertThat(review.path("viewerUrl").asText())
                .isEqualTo("http://viewer.example/viewer?StudyInstanceUIDs=" + gap);

        assertThat(api.get("/api/console/studies/1.2.3.4.404").status()).isEqualTo(404);
        assertThat(api.get("/api/console/studies/1.2.3.4.404").json().path("message").asText())
                .contains("1.2.3.4.404");
    }

    @Test
    @Order(2)
    void decisionsAreValidatedWithAReason() {
        String path = "/api/console/studies/" + whole + "/decisions";
        assertThat(api.post("/api/console/studies/1.2.3.4.404/decisions", "{\"action\":\"confirm\"}").status())
                .isEqualTo(404);
        assertBadPost(path, "{}", "action");
        assertBadPost(path, "not json", "JSON");
        assertBadPost(path, "{\"action\":\"shrug\"}", "action");
        assertBadPost(path, "{\"action\":\"overrule\",\"hrEligible\":false,\"reasonCode\":6}", "grade");
        assertBadPost(path, "{\"action\":\"overrule\",\"grade\":\"丙\",\"reasonCode\":6}", "hrEligible");
        assertBadPost(path, "{\"action\":\"overrule\",\"grade\":\"丙\",\"hrEligible\":false}", "reasonCode");
        assertBadPost(path, "{\"action\":\"overrule\",\"grade\":\"丙\",\"hrEligible\":false,\"reasonCode\":11}",
                "reasonCode");
        assertBadPost(path, "{\"action\":\"overrule\",\"grade\":\"戊\",\"hrEligible\":true}", "grade");
        assertThat(ok(path).size()).as("nothing was stored").isZero();
    }

    @Test
    @Order(3)
    void overrulingChangesTheEffectiveVerdictTheMarkTheHistoryAndTheDashboard() {
        assertThat(node.node().marks().hasHrMark(whole)).isTrue();
        JsonNode before = ok("/api/console/dashboard");
        assertThat(before.path("gradesByInstitution").path(NodeUnderTest.INSTITUTION_CODE).path("废").asLong())
                .isEqualTo(1);

        ApiClient.Reply decided = api.post("/api/console/studies/" + whole + "/decisions",
                "{\"action\":\"overrule\",\"grade\":\"丙\",\"hrEligible\":false,\"reasonCode\":6,"
                        + "\"comment\":\"运动伪影\",\"reexamine\":true}");
        assertThat(decided.status()).as(decided.body()).isEqualTo(201);
        assertThat(decided.json().path("decidedBy").asText()).isNotBlank();
        assertThat(decided.json().path("aiHrEligible").asBoolean()).isTrue();

        JsonNode qc = ok("/api/qc/studies/" + whole);
        assertThat(qc.path("verdictSource").asText()).isEqualTo("reviewer");
        assertThat(qc.path("grade").asText()).isEqualTo("丙");
        assertThat(qc.path("hrEligible").asBoolean()).isFalse();
        assertThat(qc.path("reasons").findValuesAsText("code")).containsExactly("REVIEWER");
        assertThat(qc.path("reasons").get(0).path("xinjiangCode").asInt()).isEqualTo(6);
        assertThat(qc.path("aiGrade").asText()).isIn("甲", "乙");
        assertThat(node.node().marks().hasHrMark(whole)).as("the mark follows the reviewer").isFalse();

        JsonNode history = ok("/api/console/studies/" + whole + "/decisions");
        assertThat(history.size()).isEqualTo(1);
        assertThat(history.get(0).path("comment").asText()).isEqualTo("运动伪影");
        assertThat(history.get(0).path("reexamine").asBoolean()).isTrue();
        assertThat(history.get(0).path("reasonName").asText()).contains("图像质量");

        assertThat(uids("/api/console/worklist")).as("now 丙, the study is flagged").contains(whole);
        assertThat(uids("/api/console/worklist?flagged=false&decided=true")).containsExactly(whole);
        assertThat(uids("/api/console/worklist?flagged=false&decided=false")).containsExactly(gap);
        JsonNode after = ok("/api/console/dashboard");
        assertThat(after.path("gradesByInstitution").path(NodeUnderTest.INSTITUTION_CODE).path("丙").asLong())
                .isEqualTo(1);
        assertThat(after.path("eligibilityByItem").path("92").path("false").asLong()).isEqualTo(2);
        assertThat(after.path("decisionsByInstitution").path(NodeUnderTest.INSTITUTION_CODE).path("overrule")
                .asLong()).isEqualTo(1);

        ApiClient.Reply confirmed = api.post("/api/console/studies/" + gap + "/decisions", "{\"action\":\"confirm\"}");
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(201);
        assertThat(confirmed.json().path("reasonCode").asInt()).as("the AI's own code").isEqualTo(6);
        assertThat(confirmed.json().path("grade").asText()).isEqualTo("废");

        ApiClient.Reply restored = api.post("/api/console/studies/" + whole + "/decisions",
                "{\"action\":\"overrule\",\"grade\":\"乙\",\"hrEligible\":true}");
        assertThat(restored.status()).as(restored.body()).isEqualTo(201);
        assertThat(node.node().marks().hasHrMark(whole)).isTrue();
        assertThat(ok("/api/console/studies/" + whole + "/decisions").size()).as("the trail keeps both").isEqualTo(2);
        assertThat(ok("/api/console/studies/" + whole).path("effective").path("grade").asText()).isEqualTo("乙");
    }

    @Test
    @Order(4)
    void decisionsExportAsLabelledDataInJsonLinesAndCsv() {
        ApiClient.Reply jsonl = api.get("/api/console/export");
        assertThat(jsonl.status()).isEqualTo(200);
        assertThat(jsonl.contentType()).startsWith("application/x-ndjson");
        List<String> lines = jsonl.body().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(jsonl.body()).contains(whole, gap, "\"checks\"", "\"human\"", "\"ai\"");

        ApiClient.Reply csv = api.get("/api/console/export?format=csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body().lines().toList()).hasSize(3);
        assertThat(csv.body().lines().findFirst().orElseThrow()).startsWith("study_instance_uid,");

        assertBad("/api/console/export?format=xml", "format");
    }

    @Test
    @Order(5)
    void reRunningQcQueuesTheStudyAndReportsProgress() throws Exception {
        ApiClient.Reply queued = api.post("/api/console/studies/" + gap + "/rerun", "");
        assertThat(queued.status()).as(queued.body()).isEqualTo(202);
        long requested = queued.json().path("requestedGeneration").asLong();
        assertThat(queued.json().path("done").asBoolean()).isFalse();
        Await.until("the re-run finished", Duration.ofSeconds(120), () -> ok("/api/console/studies/" + gap
                + "/rerun?generation=" + requested).path("done").asBoolean());
        assertThat(api.post("/api/console/studies/1.2.3.4.404/rerun", "").status()).isEqualTo(404);
        assertThat(api.get("/api/console/studies/1.2.3.4.404/decisions").status()).isEqualTo(404);
    }

    @Test
    @Order(1)
    void reasonDictionaryHasTheTenCodes() {
        JsonNode reasons = ok("/api/console/reasons");
        assertThat(reasons.size()).isEqualTo(10);
        assertThat(reasons.get(5).path("code").asInt()).isEqualTo(6);
        assertBad("/api/console/dashboard?from=never", "from");
    }

    @Test
    @Order(1)
    void theNodeServesItsOpenApiDocumentAndTheConsolePage() {
        JsonNode doc = ok("/api/openapi.json");
        assertThat(doc.path("openapi").asText()).startsWith("3.");
        assertThat(doc.path("paths").has("/api/console/worklist")).isTrue();
        ApiClient.Reply page = api.get("/console/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("质控");
        assertThat(api.get("/console").body()).isEqualTo(page.body());
        assertThat(api.get("/console/app.js").status()).isEqualTo(200);
        assertThat(api.get("/console/..%2Fhttp%2Fopenapi.json").status()).isEqualTo(404);
        assertThat(api.get("/console/nothing.js").status()).isEqualTo(404);
    }

    private JsonNode ok(String path) {
        ApiClient.Reply r = api.get(path);
        assertThat(r.status()).as(path + " " + r.body()).isEqualTo(200);
        return r.json();
    }

    private List<String> uids(String path) {
        List<String> out = new ArrayList<>();
        for (JsonNode row : ok(path).path("rows")) {
            out.add(row.path("studyInstanceUid").asText());
        }
        return out;
    }

    private void assertBad(String path, String mentioned) {
        ApiClient.Reply r = api.get(path);
        assertThat(r.status()).as(path + " " + r.body()).isEqualTo(400);
        assertThat(r.json().path("message").asText()).contains(mentioned);
    }

    private void assertBadPost(String path, String body, String mentioned) {
        ApiClient.Reply r = api.post(path, body);
        assertThat(r.status()).as(body + " " + r.body()).isEqualTo(400);
        assertThat(r.json().path("message").asText()).contains(mentioned);
    }
}
