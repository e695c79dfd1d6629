package org.hrnode.node.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.hrnode.node.peers.NodeUnderTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST /api/reports} with the spec's sample report, as XML and as JSON: stored, replaced by resubmission,
 * cancelled by DeleteExamInfo, and bad input refused with a 400 naming the field.
 */
class ReportApiTest {

    private static final String ORG = "457759922";
    private static final String UID = "1.2.840.113619.2.437.3.279741441.35.1709683344.354";

    @TempDir
    static Path dir;
    private static NodeUnderTest node;
    private static Api api;

    @BeforeAll
    static void start() throws Exception {
        node = NodeUnderTest.start(dir.resolve("data"));
        api = new Api(node.node().httpPort());
    }

    @AfterAll
    static void stop() throws Exception {
        if (node != null) {
            node.close();
        }
    }

    private static String sample(String reportNo, String conclusion) {
        return ReportSamples.xml(ORG, reportNo, UID, "2024-05-11 08:20:00", "2024-05-11 08:58:48", conclusion);
    }

    private static JsonNode exams(String consent) throws Exception {
        Api.Answer a = api.post("/api/recognition/exams", "application/json",
                "{\"id_type\":\"01\",\"id_no\":\"" + ReportSamples.ID_NO + "\",\"days\":90}", consent);
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        return a.json().path("exams");
    }

    @Test
    void theSpecsSampleXmlIsStoredThenReplacedByResubmission() throws Exception {
        Api.Answer first = api.post("/api/reports", "application/xml", sample("71468573", "鼻息肉。"), null);
        Api.Answer again = api.post("/api/reports", "text/xml; charset=UTF-8", sample("71468573", "鼻息肉,修订。"),
                null);

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(first.json().path("reports").get(0).path("created").asBoolean()).isTrue();
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().path("reports").get(0).path("created").asBoolean()).isFalse();
        // the images are not here: the report waits for them
        assertThat(again.json().path("reports").get(0).path("linkedStudyUid").isNull()).isTrue();
        // exam dated 2024: outside any window of today; the stored report is checked through the PDF link
        String consent = api.consent("500000-B", ReportSamples.ID_NO);
        HttpResponse<byte[]> pdf = api.getBytes("/api/recognition/reports/" + ORG + "/71468573/pdf", consent);
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.body()).isEqualTo(ReportSamples.PDF);
    }

    @Test
    void jsonReportIsStoredAndCancellationRemovesItFromTheClinicianView() throws Exception {
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        Api.Answer stored = api.json("/api/reports", ReportSamples.json(ORG, "J-1", "1.2.3.4.5.6", today
                + " 08:00:00", today + " 09:00:00", "DX", "R", "250301002", "胸部正位"));
        assertThat(stored.status()).as(stored.body()).isEqualTo(201);
        String consent = api.consent("500000-B", ReportSamples.ID_NO);
        assertThat(exams(consent).findValuesAsText("reportFormNo")).contains("J-1");

        Api.Answer wrongPatient = api.json("/api/reports/cancellations", "{\"org_code\":\"" + ORG
                + "\",\"report_form_no\":\"J-1\",\"id_type\":\"01\",\"id_no\":\"" + ReportSamples.OTHER_ID_NO + "\"}");
        Api.Answer cancelled = api.post("/api/reports/cancellations", "application/xml", "<root><org_code>" + ORG
                + "</org_code><report_form_no>J-1</report_form_no><patient_id>1658522</patient_id>"
                + "<event_type>1</event_type><event_no>2022208962</event_no><id_no>" + ReportSamples.ID_NO
                + "</id_no><id_type>01</id_type></root>", null);

        assertThat(wrongPatient.status()).isEqualTo(404);
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(exams(consent).findValuesAsText("reportFormNo")).doesNotContain("J-1");
    }

    @Test
    void badReportsAreRefusedWithTheFieldNamed() throws Exception {
        String good = ReportSamples.json(ORG, "B-1", "1.2.3.4.5.7", "2025-01-01 08:00:00", "2025-01-01 09:00:00",
                "CT", "S", "115", "CT平扫");

        assertRefused(good.replace("\"report_form_no\":\"B-1\",", ""), "exammaster.report_form_no: is required");
        assertRefused(good.replace("\"id_type_code\":\"01\"", "\"id_type_code\":\"42\""),
                "exammaster.id_type_code: '42' is not an STD_ID_TYPE code");
        assertRefused(good.replace(ReportSamples.ID_NO, "110105194912310021"),
                "exammaster.id_no: is not a resident identity card number");
        assertRefused(good.replace("2025-01-01 09:00:00", "yesterday"),
                "exammaster.authenticator_dtime: 'yesterday' is not a time");
        assertRefused(good.replace("\"is_abnormal\":\"1\"", "\"is_abnormal\":\"maybe\""),
                "exammaster.is_abnormal: 'maybe' is neither 1 nor 0");
        assertRefused(good.replace("\"state\":4", "\"state\":7"), "exammaster.state: '7' is not a whole number");
        assertRefused(good.replace("\"recognition\":\"1\"", "\"recognition\":\"yes\""),
                "exam_subitem[1].recognition: 'yes' is neither 1 nor 0");
        assertRefused(good.replace("\"conclusion\":\"心肺膈未见异常。\",", ""),
                "exammaster.conclusion: is required for an authenticated report");
        assertRefused(good.replace("\"1.2.3.4.5.7\"", "\"1.2.abc\""), "exammaster.study_instance_uid:");
        assertRefused(good.replace("\"exam_subitem\":[", "\"pdf\":\"bm90IGEgcGRm\",\"exam_subitem\":["),
                "exammaster.pdf: is not a PDF");
        assertRefused("{\"org_code\":", "body: not JSON");
        assertRefused(good.replace("\"exam_subitem\":[", "\"exam_subitem\":[{\"exam_item_code\":\"115\","
                + "\"exam_item_name\":\"CT平扫\",\"recognition\":\"1\"},"),
                "exam_subitem[2].exam_item_code: item 115 appears twice");
        // the patient's number is never echoed in an error
        Api.Answer a = api.json("/api/reports", good.replace(ReportSamples.ID_NO, "110105194912310021"));
        assertThat(a.body()).doesNotContain("110105194912310021");
    }

    @Test
    void xmlWithADoctypeIsRefusedSoNoExternalEntityIsRead() throws Exception {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE root [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<root><exammaster><item org_code=\"&x;\"/></exammaster></root>";

        Api.Answer a = api.post("/api/reports", "application/xml", xxe, null);

        assertThat(a.status()).isEqualTo(400);
        assertThat(a.message()).contains("xml: not well-formed XML").doesNotContain("root:x:0");
    }

    @Test
    void anExamSubitemOfNoReportIsRefused() throws Exception {
        String xml = sample("X-1", "ok").replace("report_form_no=\"X-1\" exam_site_code=\"116\"",
                "report_form_no=\"X-2\" exam_site_code=\"116\"");

        Api.Answer a = api.post("/api/reports", "application/xml", xml, null);

        assertThat(a.status()).isEqualTo(400);
        assertThat(a.message()).contains("exam_subitem[2].report_form_no: belongs to no exammaster item");
    }

    private static void assertRefused(String body, String message) throws Exception {
        Api.Answer a = api.json("/api/reports", body);
        assertThat(a.status()).as(body).isEqualTo(400);
        assertThat(a.message()).as(body).contains(message);
    }
}
