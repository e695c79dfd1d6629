package org.hrnode.node.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.hrnode.aiqc.pipeline.CatalogueMatch;
import org.hrnode.aiqc.pipeline.Grade;
import org.hrnode.aiqc.pipeline.StudyAssessment;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.TransferSyntax;
import org.hrnode.dicom.data.VR;
import org.hrnode.dicom.dict.Tag;
import org.hrnode.dicom.dict.UID;
import org.hrnode.dicom.io.DicomWriter;
import org.hrnode.node.ingest.IngestSource;
import org.hrnode.node.peers.NodeUnderTest;
import org.hrnode.node.testing.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The recognition service end to end: a patient's chest radiograph is stored at hospital A through the one ingest
 * path and judged HR eligible by the QC pipeline, A's report arrives; a doctor at hospital B, with the patient's
 * consent, sees the exam, finds it covers the item she is about to order (B's own code, mapped to catalogue item 1),
 * accepts one item and rejects the other with a reason, quotes the accepted one; the statistics show it. Queries
 * without consent are refused and every query is recorded.
 */
class RecognitionScenarioTest {

    private static final String HOSPITAL_A = NodeUnderTest.INSTITUTION_CODE;
    private static final String HOSPITAL_B = "500000-B";
    private static final String SENDER = "DR_A";
    private static final String STUDY = "1.2.826.0.1.3680043.2.1125.10.1";
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter SPEC_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @TempDir
    Path dir;
    private NodeUnderTest node;
    private Api api;

    @BeforeEach
    void start() throws Exception {
        // a judge that finds catalogue item 1 (chest PA) in a DX chest study and grades it 甲
        node = NodeUnderTest.startWithAssessor(dir.resolve("data"), study -> new StudyAssessment(
                List.of(new CatalogueMatch(1, "胸部站立后前位摄影", 0.9)), "DX chest", 92, Grade.A, List.of(),
                List.of(), "scenario-1"), "--qc-stable-seconds", "0", "--qc-poll-seconds", "1");
        node.allowCallers(SENDER);
        api = new Api(node.node().httpPort());
        assertThat(api.put("/api/qc/recognition/" + HOSPITAL_A, "{\"items\":[{\"no\":1,\"from\":\"2019-01-01\"}]}")
                .status()).isEqualTo(200);
        assertThat(api.put("/api/qc/catalog/mappings/" + HOSPITAL_B + "/XR-CHEST-PA", "{\"items\":[1]}").status())
                .isEqualTo(200);
    }

    @AfterEach
    void stop() throws Exception {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void hospitalBRecognisesHospitalAsExamAndTheStatisticsShowTheDecisions() throws Exception {
        LocalDateTime acquired = LocalDateTime.now(BEIJING).minusMinutes(30).withNano(0);
        storeChestRadiograph(acquired);
        Await.until("study judged HR eligible", Duration.ofSeconds(30), () -> {
            try {
                return api.get("/api/qc/studies/" + STUDY, null).json().path("hrEligible").asBoolean();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Api.Answer report = api.json("/api/reports", ReportSamples.json(HOSPITAL_A, "A-100", STUDY,
                acquired.format(SPEC_TIME), acquired.plusMinutes(20).format(SPEC_TIME), "DX", "R",
                "250301002", "胸部正位", "250301003", "胸部侧位"));
        assertThat(report.status()).as(report.body()).isEqualTo(201);
        assertThat(report.json().path("reports").get(0).path("linkedStudyUid").asText()).isEqualTo(STUDY);

        String patient = "\"id_type\":\"01\",\"id_no\":\"" + ReportSamples.ID_NO + "\"";
        Api.Answer noConsent = api.post("/api/recognition/exams", "application/json", "{" + patient + "}", null);
        assertThat(noConsent.status()).isEqualTo(403);
        assertThat(noConsent.message()).contains("X-Consent-Id");
        String consent = api.consent(HOSPITAL_B, ReportSamples.ID_NO);
        String otherPatientsConsent = api.consent(HOSPITAL_B, ReportSamples.OTHER_ID_NO);
        assertThat(api.post("/api/recognition/exams", "application/json", "{" + patient + "}",
                otherPatientsConsent).status()).isEqualTo(403);

        Api.Answer recent = api.post("/api/recognition/exams", "application/json", "{" + patient + ",\"days\":30}",
                consent);
        assertThat(recent.status()).as(recent.body()).isEqualTo(200);
        JsonNode exam = recent.json().path("exams").get(0);
        assertThat(exam.path("orgCode").asText()).isEqualTo(HOSPITAL_A);
        assertThat(exam.path("items").findValuesAsText("name")).containsExactly("胸部正位", "胸部侧位");
        assertThat(exam.path("hrEligible").asBoolean()).isTrue();
        assertThat(exam.path("recognisable").asBoolean()).as(exam.toString()).isTrue();
        assertThat(exam.path("expiresOn").asText()).isEqualTo(acquired.toLocalDate().plusMonths(1).toString());
        assertThat(exam.path("dicomWebUrl").asText()).isEqualTo("/dicomweb/studies/" + STUDY);
        assertThat(exam.path("catalogueItems").get(0).asInt()).isEqualTo(1);

        Api.Answer match = api.post("/api/recognition/matches", "application/json", "{" + patient
                + ",\"days\":90,\"items\":[\"XR-CHEST-PA\"]}", consent);
        Api.Answer noMatch = api.post("/api/recognition/matches", "application/xml", "<root><id_no>"
                + ReportSamples.ID_NO + "</id_no><id_type>01</id_type><items><item code=\"CT-HEAD\"/></items></root>",
                consent);
        assertThat(match.status()).as(match.body()).isEqualTo(200);
        assertThat(match.json().path("exams").get(0).path("matchedBy").get(0).asText()).isEqualTo("XR-CHEST-PA");
        assertThat(noMatch.status()).as(noMatch.body()).isEqualTo(200);
        assertThat(noMatch.json().path("exams")).isEmpty();

        String now = LocalDateTime.now(BEIJING).format(SPEC_TIME);
        Api.Answer badReason = api.post("/api/recognition/decisions", "application/json",
                "[" + decision("250301003", "2", "11", now) + "]", consent);
        Api.Answer noReason = api.post("/api/recognition/decisions", "application/json",
                "[" + decision("250301003", "2", "", now) + "]", consent);
        Api.Answer withoutConsent = api.post("/api/recognition/decisions", "application/json",
                "[" + decision("250301002", "1", "", now) + "]", null);
        assertThat(badReason.status()).isEqualTo(400);
        assertThat(badReason.message()).contains("reason: '11' is not a whole number from 1 to 10");
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.message()).contains("reason: is required when is_accept is 2");
        assertThat(withoutConsent.status()).isEqualTo(403);

        Api.Answer decided = api.post("/api/recognition/decisions", "application/xml", "<root><sehr_accept_record>"
                + decisionXml("250301002", "1", "", now) + decisionXml("250301003", "2", "6", now)
                + "</sehr_accept_record></root>", consent);
        Api.Answer quoted = api.post("/api/recognition/quotes", "application/json",
                "{\"sehr_quote_record\":[" + decision("250301002", null, null, now) + "]}", consent);
        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        assertThat(decided.json().path("recorded").asInt()).isEqualTo(2);
        assertThat(quoted.status()).as(quoted.body()).isEqualTo(200);

        JsonNode items = api.get("/api/recognition/statistics?org=" + HOSPITAL_A, null).json().path("items");
        assertThat(items).hasSize(2);
        JsonNode accepted = items.get(0);
        JsonNode rejected = items.get(1);
        assertThat(accepted.path("itemCode").asText()).isEqualTo("250301002");
        assertThat(accepted.path("recognitionRatePercent").asDouble()).isEqualTo(100.0);
        assertThat(accepted.path("quotes").asLong()).isEqualTo(1);
        assertThat(rejected.path("itemCode").asText()).isEqualTo("250301003");
        assertThat(rejected.path("recognitionRatePercent").asDouble()).isEqualTo(0.0);
        assertThat(rejected.path("topRejectionReasons").get(0).path("reason").asInt()).isEqualTo(6);
        assertThat(rejected.path("topRejectionReasons").get(0).path("name").asText()).contains("图像质量");

        // every query under the consent is on record: exams, two matches, and the refused decision has none
        assertThat(node.node().storage().recognitionRecords().queriesUnder(consent)).isEqualTo(3);
    }

    @Test
    void reportsJoinTheDataQualityReportWithTurnaroundConsistencyAndDailyCounts() throws Exception {
        LocalDateTime acquired = LocalDateTime.now(BEIJING).minusHours(4).withNano(0);
        storeChestRadiograph(acquired);
        // the routine radiograph reported in 20 minutes; an emergency CT, whose images never came, in 3 hours
        assertThat(api.json("/api/reports", ReportSamples.json(HOSPITAL_A, "A-1", STUDY, acquired.format(SPEC_TIME),
                acquired.plusMinutes(20).format(SPEC_TIME), "DX", "R", "250301002", "胸部正位")).status())
                .isEqualTo(201);
        assertThat(api.json("/api/reports", ReportSamples.json(HOSPITAL_A, "A-2", "1.2.826.0.1.3680043.2.1125.10.9",
                acquired.format(SPEC_TIME), acquired.plusHours(3).format(SPEC_TIME), "CT", "S", "115", "头颅CT平扫"))
                .status()).isEqualTo(201);
        String day = acquired.toLocalDate().toString();
        String today = LocalDate.now(BEIJING).toString();

        JsonNode q = api.get("/api/quality/institutions/" + HOSPITAL_A + "?from=" + day + "&to=" + today, null).json();

        JsonNode consistency = q.path("consistency");
        assertThat(consistency.path("reports").asLong()).isEqualTo(2);
        assertThat(consistency.path("reportsWithImages").asLong()).isEqualTo(1);
        assertThat(consistency.path("studies").asLong()).isEqualTo(1);
        assertThat(consistency.path("studiesWithReport").asLong()).isEqualTo(1);
        assertThat(consistency.path("percent").asDouble()).isEqualTo(66.7);
        assertThat(consistency.path("meetsTarget").asBoolean()).isFalse();
        JsonNode turnaround = q.path("reportTurnaround");
        assertThat(turnaround.get(1).path("turnaroundClass").asText()).isEqualTo("EMERGENCY_CT_MR");
        assertThat(turnaround.get(1).path("reports").asLong()).isEqualTo(1);
        assertThat(turnaround.get(1).path("withinLimit").asLong()).isZero();
        assertThat(turnaround.get(1).path("medianMinutes").asDouble()).isEqualTo(180.0);
        assertThat(turnaround.get(3).path("turnaroundClass").asText()).isEqualTo("SPECIAL_AND_OTHER");
        assertThat(turnaround.get(3).path("percent").asDouble()).isEqualTo(100.0);
        long exams = 0;
        for (JsonNode d : q.path("dailyReports")) {
            exams += d.path("exams").asLong();
        }
        assertThat(exams).isEqualTo(2);
    }

    @Test
    void anEncapsulatedPdfAndAStructuredReportArrivingByDicomJoinTheStudysReport() throws Exception {
        LocalDateTime acquired = LocalDateTime.now(BEIJING).minusHours(1).withNano(0);
        storeChestRadiograph(acquired);
        assertThat(api.json("/api/reports", ReportSamples.json(HOSPITAL_A, "A-3", STUDY, acquired.format(SPEC_TIME),
                acquired.plusMinutes(20).format(SPEC_TIME), "DX", "R", "250301002", "胸部正位")).status())
                .isEqualTo(201);
        String consent = api.consent(HOSPITAL_B, ReportSamples.ID_NO);
        assertThat(api.getBytes("/api/recognition/reports/" + HOSPITAL_A + "/A-3/pdf", consent).statusCode())
                .isEqualTo(404);

        Dataset pdf = reportObject(UID.EncapsulatedPDFStorage, ".9.1");
        pdf.setString(Tag.MIMETypeOfEncapsulatedDocument, VR.LO, "application/pdf");
        pdf.setBytes(Tag.EncapsulatedDocument, VR.OB, ReportSamples.PDF);
        ingest(pdf);
        // a second report object whose study has no report: a report is made from its header
        Dataset sr = reportObject(UID.BasicTextSRStorage, ".9.2");
        sr.setString(Tag.StudyInstanceUID, VR.UI, STUDY + ".2");
        sr.setString(Tag.AccessionNumber, VR.SH, "ACC-SR-1");
        sr.setString(Tag.StudyDate, VR.DA, acquired.format(DateTimeFormatter.BASIC_ISO_DATE));
        sr.setString(Tag.VerificationFlag, VR.CS, "VERIFIED");
        sr.newSequence(Tag.ContentSequence).addNewItem().setString(Tag.TextValue, VR.UT, "双肺未见异常。");
        ingest(sr);

        HttpResponse<byte[]> attached = api.getBytes("/api/recognition/reports/" + HOSPITAL_A + "/A-3/pdf", consent);
        assertThat(attached.statusCode()).isEqualTo(200);
        assertThat(new String(attached.body(), StandardCharsets.US_ASCII)).startsWith("%PDF-1.4");
        JsonNode exams = api.post("/api/recognition/exams", "application/json", "{\"id_type\":\"01\",\"id_no\":\""
                + ReportSamples.ID_NO + "\",\"days\":30}", consent).json().path("exams");
        assertThat(exams.findValuesAsText("reportFormNo")).containsExactlyInAnyOrder("A-3", "ACC-SR-1");
        for (JsonNode e : exams) {
            if (e.path("reportFormNo").asText().equals("ACC-SR-1")) {
                assertThat(e.path("conclusion").asText()).isEqualTo("双肺未见异常。");
                assertThat(e.path("recognisable").asBoolean()).isFalse();
            }
        }
    }

    private Dataset reportObject(String sopClass, String suffix) {
        Dataset d = new Dataset();
        d.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 192");
        d.setString(Tag.SOPClassUID, VR.UI, sopClass);
        d.setString(Tag.SOPInstanceUID, VR.UI, STUDY + suffix);
        d.setString(Tag.StudyInstanceUID, VR.UI, STUDY);
        d.setString(Tag.SeriesInstanceUID, VR.UI, STUDY + suffix + ".0");
        d.setString(Tag.PatientID, VR.LO, ReportSamples.ID_NO);
        d.setString(Tag.Modality, VR.CS, sopClass.equals(UID.EncapsulatedPDFStorage) ? "DOC" : "SR");
        return d;
    }

    private void ingest(Dataset d) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DicomWriter w = new DicomWriter(bytes)) {
            w.writeDataset(d, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        }
        node.node().ingest().ingest(new IngestSource(SENDER, "test"), d.getString(Tag.SOPClassUID),
                d.getString(Tag.SOPInstanceUID), UID.ExplicitVRLittleEndian,
                new ByteArrayInputStream(bytes.toByteArray()));
    }

    private static String decision(String code, String isAccept, String reason, String recordTime) {
        return "{\"hr_org_code\":\"" + HOSPITAL_A + "\",\"hr_report_form_no\":\"A-100\",\"code\":\"" + code
                + "\",\"id_no\":\"" + ReportSamples.ID_NO + "\",\"id_type_code\":\"01\",\"record_time\":\""
                + recordTime + "\",\"type\":\"1\",\"dept_code\":\"ZSBY-10\",\"dept_name\":\"急诊外科\","
                + "\"dept_std_code\":\"A50.16\",\"doc_code\":\"9050\",\"doc_name\":\"郑伟军\","
                + "\"new_event_no\":\"5036612\",\"new_event_type\":\"1\""
                + (isAccept == null ? "" : ",\"is_accept\":\"" + isAccept + "\",\"reason\":\"" + reason + "\"") + "}";
    }

    private static String decisionXml(String code, String isAccept, String reason, String recordTime) {
        return "<item hr_org_code=\"" + HOSPITAL_A + "\" hr_report_form_no=\"A-100\" code=\"" + code + "\" id_no=\""
                + ReportSamples.ID_NO + "\" id_type_code=\"01\" record_time=\"" + recordTime + "\" type=\"1\""
                + " dept_code=\"ZSBY-10\" dept_name=\"急诊外科\" dept_std_code=\"A50.16\" dept_std_name=\"急诊科专业\""
                + " doc_code=\"9050\" doc_name=\"郑伟军\" new_event_no=\"5036612\" new_event_type=\"1\" is_accept=\""
                + isAccept + "\" reason=\"" + reason + "\"/>";
    }

    private void storeChestRadiograph(LocalDateTime acquired) throws Exception {
        Dataset d = new Dataset();
        d.setString(Tag.SOPClassUID, VR.UI, UID.DigitalXRayImageStorageForPresentation);
        d.setString(Tag.SOPInstanceUID, VR.UI, STUDY + ".1.1");
        d.setString(Tag.StudyInstanceUID, VR.UI, STUDY);
        d.setString(Tag.SeriesInstanceUID, VR.UI, STUDY + ".1");
        d.setString(Tag.Modality, VR.CS, "DX");
        d.setString(Tag.BodyPartExamined, VR.CS, "CHEST");
        d.setString(Tag.StudyDate, VR.DA, acquired.format(DateTimeFormatter.BASIC_ISO_DATE));
        d.setString(Tag.AcquisitionDateTime, VR.DT, acquired.format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss")));
        d.setInts(Tag.SamplesPerPixel, VR.US, 1);
        d.setString(Tag.PhotometricInterpretation, VR.CS, "MONOCHROME2");
        d.setInts(Tag.Rows, VR.US, 8);
        d.setInts(Tag.Columns, VR.US, 8);
        d.setInts(Tag.BitsAllocated, VR.US, 16);
        d.setInts(Tag.BitsStored, VR.US, 12);
        d.setInts(Tag.HighBit, VR.US, 11);
        d.setInts(Tag.PixelRepresentation, VR.US, 0);
        d.setBytes(Tag.PixelData, VR.OW, new byte[8 * 8 * 2]);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DicomWriter w = new DicomWriter(bytes)) {
            w.writeDataset(d, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        }
        node.node().ingest().ingest(new IngestSource(SENDER, "test"), d.getString(Tag.SOPClassUID),
                d.getString(Tag.SOPInstanceUID), UID.ExplicitVRLittleEndian,
                new ByteArrayInputStream(bytes.toByteArray()));
    }
}
