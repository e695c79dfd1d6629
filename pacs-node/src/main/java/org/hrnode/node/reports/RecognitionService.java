package org.hrnode.node.reports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.hrnode.aiqc.catalog.InstitutionMappings;
import org.hrnode.storage.reports.Consent;
import org.hrnode.storage.reports.PostgresRecognitionRecords;
import org.hrnode.storage.reports.PostgresReports;
import org.hrnode.storage.reports.PriorExam;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The clinician's recognition service (Xinjiang spec §1.3-1.4): a patient's recent exams across institutions, the
 * ones that can stand in for the items a doctor is about to order, all under a patient's authorisation (consent).
 * Every query is recorded, refused ones too, in {@code recognition_queries}; the general audit log can take its
 * events from {@link #recordQuery} (the one call site).
 */
public final class RecognitionService {

    private static final Logger LOG = LoggerFactory.getLogger(RecognitionService.class);

    /** The windows the spec names: recent exams of the last 90 or 30 days. */
    public static final Set<Integer> WINDOWS = Set.of(30, 90);
    /** How long an exam stays recognisable: exam date + 1 month (the programme's rule). */
    public static final int RECOGNISED_MONTHS = 1;
    static final Duration MAX_CONSENT = Duration.ofDays(7);
    private static final int AUTHENTICATED = 3;
    private static final int CATALOGUE_SIZE = 141;

    private final PostgresReports reports;
    private final PostgresRecognitionRecords records;
    private final Function<String, InstitutionMappings> mappings;
    private final Clock clock;
    private final ZoneId zone;
    private final ObjectMapper json = new ObjectMapper();

    /** @param mappings each institution's local exam codes → catalogue items (storage catalog.*) */
    public RecognitionService(PostgresReports reports, PostgresRecognitionRecords records,
            Function<String, InstitutionMappings> mappings, Clock clock, ZoneId zone) {
        this.reports = Objects.requireNonNull(reports, "reports");
        this.records = Objects.requireNonNull(records, "records");
        this.mappings = Objects.requireNonNull(mappings, "mappings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    public PostgresRecognitionRecords records() {
        return records;
    }

    public PostgresReports reports() {
        return reports;
    }

    /** Records the patient's authorisation for clinicians of {@code orgCode}, valid for {@code validFor}. */
    public Consent grant(String idTypeCode, String idNo, String orgCode, Duration validFor, String by) {
        IdTypes.check("consent.", "idTypeCode", idTypeCode, "idNo", idNo);
        if (orgCode == null || orgCode.isBlank()) {
            throw new InvalidField("consent.orgCode", "is required: the institution whose clinicians may look");
        }
        if (validFor.isNegative() || validFor.isZero() || validFor.compareTo(MAX_CONSENT) > 0) {
            throw new InvalidField("consent.validHours", "must be from 1 to " + MAX_CONSENT.toHours() + " hours");
        }
        Instant now = clock.instant();
        Consent c = new Consent(UUID.randomUUID().toString(), idTypeCode, idNo, orgCode.strip(), by, now,
                now.plus(validFor), null);
        records.addConsent(c);
        LOG.info("event=consent_granted consent={} org={} expires_at={} by={}", c.consentId(), c.orgCode(),
                c.expiresAt(), by);
        return c;
    }

    /** @return false when there is no such consent, or it was revoked already */
    public boolean revoke(String consentId) {
        boolean revoked = records.revokeConsent(consentId, clock.instant());
        LOG.info("event=consent_revoked consent={} revoked={}", consentId, revoked);
        return revoked;
    }

    /**
     * The consent a request carries, valid now and for this patient; a refusal is recorded as a query and thrown.
     *
     * @param idTypeCode with {@code idNo} the patient the request is about; null when each record names its own
     *                   patient (decisions), checked later against the consent's
     * @param kind what the caller tried (recent, matching, decision, quote, report)
     */
    public Consent authorise(String consentId, String idTypeCode, String idNo, String kind, String principal) {
        String refusal = null;
        Consent consent = null;
        if (consentId == null || consentId.isBlank()) {
            refusal = "no patient authorisation: send the consent id in the X-Consent-Id header";
        } else {
            consent = records.consent(consentId.strip()).orElse(null);
            if (consent == null) {
                refusal = "consent " + consentId.strip() + " does not exist";
            } else if (!consent.validAt(clock.instant())) {
                refusal = "consent " + consent.consentId() + " has " + (consent.revokedAt() != null ? "been revoked"
                        : "expired");
            } else if (idTypeCode != null && (!consent.idTypeCode().equals(idTypeCode)
                    || !consent.idNo().equals(idNo))) {
                refusal = "consent " + consent.consentId() + " was given by another patient";
            }
        }
        if (refusal != null) {
            recordQuery(principal, consent == null ? null : consent.consentId(), kind, false, refusal, 0);
            throw new ConsentRequired(refusal);
        }
        return consent;
    }

    /** GetCheckLabList: the patient's exams of the last {@code days} (30 or 90), newest first. */
    public List<RecognisableExam> recent(Consent consent, int days, String principal) {
        checkWindow(days);
        List<RecognisableExam> exams = new ArrayList<>();
        for (PriorExam e : priorExams(consent, days)) {
            exams.add(view(e, List.of()));
        }
        recordQuery(principal, consent.consentId(), "recent", true, "last " + days + " days", exams.size());
        return exams;
    }

    /**
     * ExistsReCureInfo: the patient's recognisable exams of the last {@code days} that cover one of the items a
     * doctor of {@code consent.orgCode()} is about to order. An ordered code is a catalogue item number (1-141), a
     * local code or name of the ordering institution (its catalogue mappings), or a platform exam item code.
     */
    public List<RecognisableExam> matching(Consent consent, List<String> orderedCodes, int days, String principal) {
        checkWindow(days);
        if (orderedCodes == null || orderedCodes.isEmpty()) {
            throw new InvalidField("items", "is required: the codes of the items about to be ordered");
        }
        InstitutionMappings local = mappings.apply(consent.orgCode());
        List<RecognisableExam> found = new ArrayList<>();
        for (PriorExam e : priorExams(consent, days)) {
            RecognisableExam v = view(e, List.of());
            if (!v.recognisable()) {
                continue;
            }
            List<String> matchedBy = new ArrayList<>();
            for (String code : orderedCodes) {
                if (covers(v, code, local)) {
                    matchedBy.add(code);
                }
            }
            if (!matchedBy.isEmpty()) {
                found.add(view(e, matchedBy));
            }
        }
        recordQuery(principal, consent.consentId(), "matching", true, "last " + days + " days, ordered "
                + orderedCodes, found.size());
        return found;
    }

    private static boolean covers(RecognisableExam exam, String code, InstitutionMappings local) {
        String c = code.strip();
        for (RecognisableExam.Item item : exam.items()) {
            if (item.recognition() && item.code().equalsIgnoreCase(c)) {
                return true;
            }
        }
        Set<Integer> wanted = new LinkedHashSet<>(local.lookup(c).orElse(List.of()));
        if (c.matches("[0-9]{1,3}")) {
            int n = Integer.parseInt(c);
            if (n >= 1 && n <= CATALOGUE_SIZE) {
                wanted.add(n);
            }
        }
        return exam.catalogueItems().stream().anyMatch(wanted::contains);
    }

    private List<PriorExam> priorExams(Consent consent, int days) {
        return reports.recentExams(consent.idTypeCode(), consent.idNo(), today().minusDays(days));
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    private static void checkWindow(int days) {
        if (!WINDOWS.contains(days)) {
            throw new InvalidField("days", "must be 30 or 90 (the spec's windows), not " + days);
        }
    }

    private RecognisableExam view(PriorExam e, List<String> matchedBy) {
        LocalDate today = today();
        LocalDate expires = e.performedAt().toLocalDate().plusMonths(RECOGNISED_MONTHS);
        Boolean eligible = e.qcHrEligible() == null ? null
                : e.qcHrEligible() && (e.qcWindowEnd() == null || !today.isAfter(e.qcWindowEnd()));
        List<RecognisableExam.Item> items = e.items().stream()
                .map(i -> new RecognisableExam.Item(i.examItemCode(), i.examItemName(), i.recognition())).toList();
        List<String> why = new ArrayList<>();
        if (e.state() < AUTHENTICATED) {
            why.add("the report is not authenticated (state " + e.state() + ")");
        }
        if (items.stream().noneMatch(RecognisableExam.Item::recognition)) {
            why.add("the reporting institution marked no item recognisable");
        }
        if (e.studyInstanceUid() == null) {
            why.add("the images are not stored here");
        } else if (eligible == null) {
            why.add("AI QC has not judged the images yet");
        } else if (!eligible) {
            why.add("the images are not HR eligible (see /api/qc/studies/" + e.studyInstanceUid() + ")");
        }
        if (today.isAfter(expires)) {
            why.add("expired on " + expires);
        }
        String uid = e.studyInstanceUid();
        return new RecognisableExam(e.orgCode(), e.orgName(), e.reportFormNo(), e.performedAt(), e.className(),
                e.reportTitle(), items, catalogueItems(e.qcItemsJson()), e.conclusion(), e.abnormal(), uid,
                eligible, expires, why.isEmpty(), List.copyOf(why),
                e.hasPdf() ? "/api/recognition/reports/" + path(e.orgCode()) + "/" + path(e.reportFormNo()) + "/pdf" : null,
                uid == null ? null : "/dicomweb/studies/" + uid,
                uid == null ? null : "/viewer?StudyInstanceUIDs=" + uid, e.pacsUrl(), matchedBy);
    }

    private static String path(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private List<Integer> catalogueItems(String qcItemsJson) {
        if (qcItemsJson == null) {
            return List.of();
        }
        try {
            List<Integer> numbers = new ArrayList<>();
            for (JsonNode item : json.readTree(qcItemsJson)) {
                numbers.add(item.path("no").asInt());
            }
            return numbers;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored QC result's items are not JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Records one query (the call site for the general audit log as well): who, under which consent, what, and the
     * outcome. Never the patient's identity: the consent holds it.
     */
    public void recordQuery(String principal, String consentId, String kind, boolean answered, String detail,
            int results) {
        records.recordQuery(clock.instant(), principal, consentId, kind, answered, detail, results);
        LOG.info("event=recognition_query kind={} outcome={} consent={} results={} by={}", kind,
                answered ? "answered" : "refused", consentId, results, principal);
    }
}
