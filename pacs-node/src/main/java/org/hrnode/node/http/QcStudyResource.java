package org.hrnode.node.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import org.hrnode.aiqc.pipeline.Grade;
import org.hrnode.aiqc.pipeline.HrEligibility;
import org.hrnode.node.qc.QcResultJson;
import org.hrnode.storage.qc.QcDecision;
import org.hrnode.storage.qc.QcDecisions;
import org.hrnode.storage.qc.QcResultRecord;
import org.hrnode.storage.qc.QcResults;
import org.hrnode.storage.qc.QcStatus;

/**
 * {@code GET /api/qc/studies/{StudyInstanceUID}}: the study's AI QC result, with the effective verdict (a QC centre
 * reviewer's latest decision replaces the AI's grade and eligibility), (catalogue items, checks, score, grade,
 * vetoes, HR eligibility with reasons, model version), and whether a newer run is pending. 200 with the latest
 * result; 202 while the study has not been judged yet (status {@code pending}, or {@code failed} with the last error
 * once its retries are used up); 404 when no instance of the study is stored here.
 */
@Path("/api/qc/studies")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public final class QcStudyResource {

    /**
     * The API's view of a study's QC state; fields of the result are null while none is stored.
     *
     * @param status     {@code evaluated}, {@code pending} (not judged yet) or {@code failed} (not judged, retries
     *                   used up until a new instance arrives)
     * @param pending    a newer run is due or running (instances arrived after the judged generation)
     * @param generation instances recorded so far; {@code evaluatedGeneration} is how many the result saw
     * @param grade      甲, 乙, 丙 or 废; {@code gradeCode} the same as A-D
     * @param hrEligible eligible today: when judged, and the recognition window ({@code hrEligibleUntil}) not
     *                   passed since; once it has, {@code reasons} says so
     * @param verdictSource {@code ai}, or {@code reviewer} when a QC centre's decision (the latest) replaced the AI
     *                   verdict: then {@code grade}, {@code hrEligible} and {@code reasons} are the reviewer's and
     *                   {@code aiGrade}, {@code aiHrEligible} the AI's
     */
    public record StudyQc(String studyInstanceUid, String status, boolean pending, long generation,
                          Long evaluatedGeneration, JsonNode items, String explanation, JsonNode checks,
                          Double score, String grade, String gradeCode, JsonNode vetoes, Boolean hrEligible,
                          LocalDate examDate, LocalDate hrEligibleUntil, JsonNode reasons, JsonNode defects,
                          String modelVersion, Instant evaluatedAt, int attempts, String lastError,
                          String verdictSource, String aiGrade, Boolean aiHrEligible) {
    }

    private final QcResults results;
    private final QcDecisions decisions;
    private final int maxAttempts;
    private final Clock clock;
    private final ZoneId zone;
    private final ObjectMapper json = new ObjectMapper();

    /**
     * @param maxAttempts failed runs after which a study waits for a new instance
     * @param zone        whose calendar day the recognition window is judged in
     */
    public QcStudyResource(QcResults results, QcDecisions decisions, int maxAttempts, Clock clock, ZoneId zone) {
        this.results = Objects.requireNonNull(results, "results");
        this.decisions = Objects.requireNonNull(decisions, "decisions");
        this.maxAttempts = maxAttempts;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    @GET
    @Path("/{studyInstanceUid}")
    public Response study(@PathParam("studyInstanceUid") String studyInstanceUid) {
        QcStatus status = results.statusOf(studyInstanceUid).orElse(null);
        if (status == null) {
            return ApiError.response(Response.Status.NOT_FOUND,
                    "no instance of study " + studyInstanceUid + " is stored here");
        }
        QcResultRecord r = status.result();
        if (r == null) {
            String state = status.attempts() >= maxAttempts ? "failed" : "pending";
            return Response.status(Response.Status.ACCEPTED).entity(new StudyQc(studyInstanceUid, state, true,
                    status.generation(), null, null, null, null, null, null, null, null, null, null, null, null,
                    null, null, null, status.attempts(), status.lastError(), null, null, null)).build();
        }
        Grade aiGrade = Grade.valueOf(r.grade());
        QcDecision decision = decisions.latest(studyInstanceUid).orElse(null);
        Grade grade = decision == null ? aiGrade : Grade.valueOf(decision.grade());
        boolean eligibleWhenJudged = decision == null ? r.hrEligible() : decision.hrEligible();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        boolean eligibleToday = eligibleWhenJudged && r.hrWindowEnd() != null && !today.isAfter(r.hrWindowEnd());
        ArrayNode reasons = decision == null ? (ArrayNode) tree(r.reasonsJson()) : json.createArrayNode();
        if (decision != null && !decision.hrEligible()) {
            reasons.add(json.valueToTree(new QcResultJson.Reason("REVIEWER", decision.reasonCode(),
                    ReasonCodes.name(decision.reasonCode()), "质控中心复核判定不予互认",
                    "a QC centre reviewer judged the study not eligible")));
        }
        if (eligibleWhenJudged && !eligibleToday) {
            // judged eligible, but the window has passed since: the mark lapsed without a new judgement
            reasons.add(json.valueToTree(QcResultJson.Reason.of(
                    HrEligibility.outsideWindow(r.examDate(), r.hrWindowEnd()))));
        }
        return Response.ok(new StudyQc(studyInstanceUid, "evaluated", status.pending(), status.generation(),
                r.generation(), tree(r.itemsJson()), r.explanation(), tree(r.checksJson()), r.score(), grade.label(),
                grade.name(), tree(r.vetoesJson()), eligibleToday, r.examDate(), r.hrWindowEnd(), reasons,
                tree(r.defectsJson()), r.modelVersion(), r.evaluatedAt(), status.attempts(), status.lastError(),
                decision == null ? "ai" : "reviewer", aiGrade.label(), r.hrEligible()))
                .build();
    }

    private JsonNode tree(String stored) {
        try {
            return json.readTree(stored);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored QC result is not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
