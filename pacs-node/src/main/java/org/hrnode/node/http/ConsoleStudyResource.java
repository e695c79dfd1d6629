package org.hrnode.node.http;

import org.hrnode.node.security.Privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.hrnode.aiqc.pipeline.Grade;
import org.hrnode.node.config.ConsoleSettings;
import org.hrnode.storage.qc.QcDecision;
import org.hrnode.storage.qc.QcDecisions;
import org.hrnode.storage.qc.QcJobQueue;
import org.hrnode.storage.qc.QcResultRecord;
import org.hrnode.storage.qc.QcResults;
import org.hrnode.storage.qc.QcStatus;
import org.hrnode.storage.qc.QcWorklist;

/**
 * The QC console's study screens ({@code /api/console/studies/{uid}}): the study for review (exam facts with patient
 * identifiers masked unless the caller may see them ({@link Privacy#mayViewIdentifiers}: clinicians), series with thumbnail and rendered
 * URLs, the AI result and the effective verdict, the viewer link), reviewers' decisions and their history, and
 * re-running QC with its progress. Unknown study: 404; bad decision: 400 with the reason; not judged yet: 409.
 */
@Path("/api/console/studies")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public final class ConsoleStudyResource {

    /** The role that may see patient names and IDs on the review screen. */

    /** The study for review. */
    public record Review(Exam exam, List<SeriesView> series, JsonNode qc, Verdict effective,
                         List<DecisionView> decisions, String viewerUrl) {
    }

    /** Exam facts; {@code patientId} and {@code patientName} masked unless {@code identified}. */
    public record Exam(String studyInstanceUid, boolean identified, String patientId, String patientName,
                       LocalDate studyDate, String studyTime, String accessionNumber, String studyDescription,
                       String institutionCode, String institutionName, List<String> timeliness) {
    }

    /** A series with its DICOMweb thumbnail and the rendered first image (HR mark included when earned). */
    public record SeriesView(String seriesInstanceUid, String modality, Integer seriesNumber, String description,
                             String bodyPart, int instances, String thumbnailUrl, String renderedUrl) {
    }

    /** The verdict that counts: the latest decision's, else the AI's ({@code source} says which). */
    public record Verdict(String source, String grade, String gradeCode, boolean hrEligible, Integer reasonCode,
                          String reasonName) {
    }

    /** A stored decision as the API shows it. */
    public record DecisionView(long id, String decidedBy, Instant decidedAt, String action, String grade,
                               String gradeCode, boolean hrEligible, Integer reasonCode, String reasonName,
                               String comment, boolean reexamine, String aiGrade, boolean aiHrEligible,
                               long aiGeneration) {

        static DecisionView of(QcDecision d) {
            return new DecisionView(d.pk(), d.decidedBy(), d.decidedAt(), d.action(), Grade.valueOf(d.grade()).label(),
                    d.grade(), d.hrEligible(), d.reasonCode(), ReasonCodes.name(d.reasonCode()), d.comment(),
                    d.reexamine(), Grade.valueOf(d.aiGrade()).label(), d.aiHrEligible(), d.aiGeneration());
        }
    }

    /** Progress of a re-run: done once a result of {@code requestedGeneration} or later is stored. */
    public record Rerun(String studyInstanceUid, long requestedGeneration, Long evaluatedGeneration, boolean done,
                        int attempts, String lastError) {
    }

    private final QcWorklist worklist;
    private final QcDecisions decisions;
    private final QcResults results;
    private final QcJobQueue jobs;
    private final QcStudyResource qcStudies;
    private final ConsoleSettings settings;
    private final Consumer<String> verdictChanged;
    private final ObjectMapper json = JsonMapper.create();

    /** @param verdictChanged told the study whose effective verdict a decision changed (the HR mark's cache) */
    public ConsoleStudyResource(QcWorklist worklist, QcDecisions decisions, QcResults results, QcJobQueue jobs,
            QcStudyResource qcStudies, ConsoleSettings settings, Consumer<String> verdictChanged) {
        this.worklist = Objects.requireNonNull(worklist, "worklist");
        this.decisions = Objects.requireNonNull(decisions, "decisions");
        this.results = Objects.requireNonNull(results, "results");
        this.jobs = Objects.requireNonNull(jobs, "jobs");
        this.qcStudies = Objects.requireNonNull(qcStudies, "qcStudies");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.verdictChanged = Objects.requireNonNull(verdictChanged, "verdictChanged");
    }

    @GET
    @Path("/{uid}")
    public Response review(@PathParam("uid") String uid, @Context SecurityContext security) {
        QcWorklist.Exam exam = worklist.exam(uid).orElse(null);
        if (exam == null) {
            return unknown(uid);
        }
        boolean identified = Privacy.mayViewIdentifiers(security);
        List<SeriesView> series = exam.series().stream().map(s -> new SeriesView(s.seriesInstanceUid(), s.modality(),
                s.seriesNumber(), s.description(), s.bodyPart(), s.instances(),
                "/dicomweb/studies/" + uid + "/series/" + s.seriesInstanceUid() + "/thumbnail",
                s.firstSopInstanceUid() == null ? null : "/dicomweb/studies/" + uid + "/series/"
                        + s.seriesInstanceUid() + "/instances/" + s.firstSopInstanceUid() + "/rendered")).toList();
        Response qc = qcStudies.study(uid);
        JsonNode qcBody = json.valueToTree(qc.getEntity());
        List<DecisionView> history = decisions.history(uid).stream().map(DecisionView::of).toList();
        String viewer = settings.viewerUrlTemplate().map(t -> t.replace(ConsoleSettings.STUDY_PLACEHOLDER,
                URLEncoder.encode(uid, StandardCharsets.UTF_8))).orElse(null);
        return Response.ok(new Review(new Exam(uid, identified, identified ? exam.patientId() : mask(exam.patientId()),
                identified ? exam.patientName() : mask(exam.patientName()), exam.studyDate(), exam.studyTime(),
                exam.accessionNumber(), exam.studyDescription(), exam.institutionCode(), exam.institutionName(),
                exam.timeliness()), series, qcBody, effective(uid, history), history, viewer)).build();
    }

    @GET
    @Path("/{uid}/decisions")
    public Response history(@PathParam("uid") String uid) {
        if (results.statusOf(uid).isEmpty()) {
            return unknown(uid);
        }
        return Response.ok(decisions.history(uid).stream().map(DecisionView::of).toList()).build();
    }

    @POST
    @Path("/{uid}/decisions")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response decide(@PathParam("uid") String uid, String body, @Context SecurityContext security) {
        QcStatus status = results.statusOf(uid).orElse(null);
        if (status == null) {
            return unknown(uid);
        }
        DecisionRequest request;
        try {
            request = DecisionRequest.parse(body);
        } catch (IllegalArgumentException e) {
            return ApiError.response(Response.Status.BAD_REQUEST, e.getMessage());
        }
        QcResultRecord ai = status.result();
        if (ai == null) {
            return ApiError.response(Response.Status.CONFLICT, "study " + uid
                    + " has no AI verdict yet to confirm or overrule; wait until QC has judged it");
        }
        boolean confirm = request.action().equals("confirm");
        String grade = confirm ? ai.grade() : request.grade().name();
        boolean eligible = confirm ? ai.hrEligible() : request.hrEligible();
        Integer reason = eligible ? null : request.reasonCode() != null ? request.reasonCode()
                : ReasonCodes.firstOf(ai.reasonsJson()).orElse(null);
        if (!eligible && reason == null) {
            return ApiError.response(Response.Status.BAD_REQUEST, "the AI gave no non-recognition code for this"
                    + " study: a confirmation needs \"reasonCode\" (1-10)");
        }
        QcDecision stored = new QcDecision(0, uid, Callers.name(security), null, request.action(), grade, eligible, reason,
                request.comment(), request.reexamine(), ai.grade(), ai.hrEligible(), ai.generation());
        Optional<Long> id = decisions.record(stored);
        if (id.isEmpty()) {
            return unknown(uid);
        }
        verdictChanged.accept(uid);
        QcDecision saved = decisions.history(uid).getFirst();
        return Response.status(Response.Status.CREATED).entity(DecisionView.of(saved)).build();
    }

    @POST
    @Path("/{uid}/rerun")
    public Response rerun(@PathParam("uid") String uid) {
        Optional<Long> generation = jobs.requeue(uid);
        if (generation.isEmpty()) {
            return unknown(uid);
        }
        return Response.status(Response.Status.ACCEPTED).entity(progress(uid, generation.get())).build();
    }

    /** Polled by the console after a re-run: {@code done} once a result at least as new as requested is stored. */
    @GET
    @Path("/{uid}/rerun")
    public Response rerunProgress(@PathParam("uid") String uid, @QueryParam("generation") Long generation) {
        QcStatus status = results.statusOf(uid).orElse(null);
        if (status == null) {
            return unknown(uid);
        }
        return Response.ok(progress(uid, generation == null ? status.generation() : generation)).build();
    }

    private Rerun progress(String uid, long requested) {
        QcStatus status = results.statusOf(uid).orElseThrow();
        Long evaluated = status.result() == null ? null : status.result().generation();
        return new Rerun(uid, requested, evaluated, evaluated != null && evaluated >= requested, status.attempts(),
                status.lastError());
    }

    private Verdict effective(String uid, List<DecisionView> history) {
        if (!history.isEmpty()) {
            DecisionView d = history.getFirst();
            return new Verdict("reviewer", d.grade(), d.gradeCode(), d.hrEligible(), d.reasonCode(), d.reasonName());
        }
        QcResultRecord ai = results.statusOf(uid).map(QcStatus::result).orElse(null);
        if (ai == null) {
            return null;
        }
        Integer code = ai.hrEligible() ? null : ReasonCodes.firstOf(ai.reasonsJson()).orElse(null);
        return new Verdict("ai", Grade.valueOf(ai.grade()).label(), ai.grade(), ai.hrEligible(), code,
                ReasonCodes.name(code));
    }

    /** Keeps the first character so reviewers can tell records apart without reading the identifier. */
    static String mask(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        return value.codePoints().limit(1).collect(StringBuilder::new, StringBuilder::appendCodePoint,
                StringBuilder::append) + "***";
    }

    private static Response unknown(String uid) {
        return ApiError.response(Response.Status.NOT_FOUND, "no instance of study " + uid + " is stored here");
    }
}
