package org.hrnode.node.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.hrnode.aiqc.pipeline.Grade;
import org.hrnode.aiqc.pipeline.NonRecognitionReason;
import org.hrnode.node.config.ConsoleSettings;
import org.hrnode.storage.qc.QcDecisions;
import org.hrnode.storage.qc.QcWorklist;
import org.hrnode.storage.qc.WorklistQuery;

/**
 * The QC console's lists ({@code /api/console}): the worklist of judged studies (by default only those the AI
 * flagged), blind samples with the institution hidden (spec §9.2), dashboard counts per institution and catalogue
 * item, the reason dictionary, and the reviewers' decisions exported as labelled data for retraining.
 */
@Path("/api/console")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public final class ConsoleWorklistResource {

    /** One worklist row; {@code grade} and {@code hrEligible} are the effective ones. */
    public record Row(String studyInstanceUid, LocalDate studyDate, String institutionCode, String institutionName,
                      String modalities, String studyDescription, JsonNode items, double score, String aiGrade,
                      boolean aiHrEligible, String grade, String gradeCode, boolean hrEligible, int vetoes,
                      boolean decided, Instant evaluatedAt) {
    }

    /** A page of the worklist. */
    public record Page(long total, int offset, int limit, List<Row> rows) {
    }

    /** A reason of the non-recognition dictionary. */
    public record Reason(int code, String name) {
    }

    /** The dashboard's counts over judged studies with dates in [from, to]. */
    public record Dashboard(String region, LocalDate from, LocalDate to,
                            Map<String, Map<String, Long>> gradesByInstitution,
                            Map<String, Map<String, Long>> eligibilityByItem,
                            Map<String, Map<String, Long>> decisionsByInstitution) {
    }

    private static final String CSV_HEADER = "study_instance_uid,decided_by,decided_at,action,ai_grade,"
            + "ai_hr_eligible,ai_score,human_grade,human_hr_eligible,reason_code,reexamine,model_version,items,"
            + "checks\n";

    private final QcWorklist worklist;
    private final QcDecisions decisions;
    private final ConsoleSettings settings;
    private final ObjectMapper json = JsonMapper.create();

    public ConsoleWorklistResource(QcWorklist worklist, QcDecisions decisions, ConsoleSettings settings) {
        this.worklist = Objects.requireNonNull(worklist, "worklist");
        this.decisions = Objects.requireNonNull(decisions, "decisions");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * @param flagged  only AI-flagged studies (default true): grade 丙/废, a veto, no catalogue item, or low confidence
     * @param grade    effective grade, 甲乙丙废 or A-D
     * @param check    id of a check that failed
     * @param decided  true: only studies a reviewer decided; false: only those still to review
     * @param sort     date (default), score, grade, institution, evaluated; {@code order} asc or desc (default)
     */
    @GET
    @Path("/worklist")
    public Response worklist(@QueryParam("flagged") String flagged, @QueryParam("institution") String institution,
            @QueryParam("region") String region, @QueryParam("modality") String modality,
            @QueryParam("item") String item, @QueryParam("grade") String grade, @QueryParam("check") String check,
            @QueryParam("decided") String decided, @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("sort") String sort,
            @QueryParam("order") String order, @QueryParam("limit") String limit,
            @QueryParam("offset") String offset) {
        try {
            WorklistQuery q = query(flagged, institution, region, modality, item, grade, check, decided, from, to,
                    sort, order, limit, offset);
            QcWorklist.Page page = worklist.page(q);
            return Response.ok(new Page(page.total(), q.offset(), q.limit(),
                    page.rows().stream().map(r -> row(r, false)).toList())).build();
        } catch (IllegalArgumentException e) {
            return ApiError.response(Response.Status.BAD_REQUEST, e.getMessage());
        }
    }

    /** Random judged studies (flagged only unless {@code flagged=false}), institution hidden: blind online QC. */
    @GET
    @Path("/sample")
    public Response sample(@QueryParam("size") String size, @QueryParam("flagged") String flagged,
            @QueryParam("modality") String modality, @QueryParam("region") String region) {
        try {
            WorklistQuery q = query(flagged, null, region, modality, null, null, null, null, null, null, null, null,
                    size == null ? "10" : size, null);
            return Response.ok(worklist.sample(q).stream().map(r -> row(r, true)).toList()).build();
        } catch (IllegalArgumentException e) {
            return ApiError.response(Response.Status.BAD_REQUEST, e.getMessage());
        }
    }

    @GET
    @Path("/reasons")
    public List<Reason> reasons() {
        return Arrays.stream(NonRecognitionReason.values()).map(r -> new Reason(r.code(), r.dictionaryName()))
                .toList();
    }

    /** Counts for the dashboard; {@code region} is an institution-code prefix (51 四川, 50 重庆). */
    @GET
    @Path("/dashboard")
    public Response dashboard(@QueryParam("region") String region, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        try {
            LocalDate f = day("from", from);
            LocalDate t = day("to", to);
            String r = blank(region);
            return Response.ok(new Dashboard(r, f, t, grouped(worklist.gradesByInstitution(r, f, t), true),
                    grouped(worklist.eligibilityByItem(r, f, t), false),
                    grouped(worklist.decisionsByInstitution(r, f, t), false))).build();
        } catch (IllegalArgumentException e) {
            return ApiError.response(Response.Status.BAD_REQUEST, e.getMessage());
        }
    }

    /**
     * Each decided study's latest human verdict beside the AI verdict and checks, as JSON lines (default) or CSV:
     * labelled data for retraining, streamed.
     */
    @GET
    @Path("/export")
    @Produces({"application/x-ndjson;charset=UTF-8", "text/csv;charset=UTF-8"})
    public Response export(@QueryParam("format") String format) {
        String f = format == null ? "jsonl" : format;
        if (!f.equals("jsonl") && !f.equals("csv")) {
            return ApiError.response(Response.Status.BAD_REQUEST, "format must be jsonl or csv, not " + f);
        }
        boolean csv = f.equals("csv");
        StreamingOutput body = out -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            if (csv) {
                w.write(CSV_HEADER);
            }
            try {
                decisions.labelled(l -> {
                    try {
                        w.write(csv ? csvLine(l) : jsonLine(l));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            w.flush();
        };
        return Response.ok(body, csv ? "text/csv;charset=UTF-8" : "application/x-ndjson;charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"qc-decisions." + f + "\"").build();
    }

    private String jsonLine(QcDecisions.Labelled l) throws JsonProcessingException {
        Map<String, Object> line = new LinkedHashMap<>();
        var d = l.decision();
        line.put("studyInstanceUid", d.studyInstanceUid());
        line.put("decidedBy", d.decidedBy());
        line.put("decidedAt", d.decidedAt());
        line.put("action", d.action());
        line.put("ai", Map.of("grade", d.aiGrade(), "hrEligible", d.aiHrEligible(), "score", l.aiScore(),
                "modelVersion", l.modelVersion(), "generation", d.aiGeneration()));
        Map<String, Object> human = new LinkedHashMap<>();
        human.put("grade", d.grade());
        human.put("hrEligible", d.hrEligible());
        human.put("reasonCode", d.reasonCode());
        human.put("reexamine", d.reexamine());
        line.put("human", human);
        line.put("items", json.readTree(l.itemsJson()));
        line.put("checks", json.readTree(l.checksJson()));
        return json.writeValueAsString(line) + "\n";
    }

    private static String csvLine(QcDecisions.Labelled l) {
        var d = l.decision();
        return String.join(",", csv(d.studyInstanceUid()), csv(d.decidedBy()), d.decidedAt().toString(), d.action(),
                d.aiGrade(), Boolean.toString(d.aiHrEligible()), Double.toString(l.aiScore()), d.grade(),
                Boolean.toString(d.hrEligible()), d.reasonCode() == null ? "" : d.reasonCode().toString(),
                Boolean.toString(d.reexamine()), csv(l.modelVersion()), csv(l.itemsJson()), csv(l.checksJson()))
                + "\n";
    }

    /** RFC 4180 quoting: the JSON columns hold commas and quotes. */
    private static String csv(String value) {
        return value == null ? "" : "\"" + value.replace("\"", "\"\"") + "\"";
    }

    private Row row(QcWorklist.Row r, boolean blind) {
        JsonNode items;
        try {
            items = json.readTree(r.itemsJson());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored catalogue items are not JSON: " + e.getOriginalMessage(), e);
        }
        Grade g = Grade.valueOf(r.grade());
        return new Row(r.studyInstanceUid(), r.studyDate(), blind ? null : r.institutionCode(),
                blind ? null : r.institutionName(), r.modalities(), r.studyDescription(), items, r.score(),
                Grade.valueOf(r.aiGrade()).label(), r.aiHrEligible(), g.label(), g.name(), r.hrEligible(),
                r.vetoes(), r.decided(), r.evaluatedAt());
    }

    private WorklistQuery query(String flagged, String institution, String region, String modality, String item,
            String grade, String check, String decided, String from, String to, String sort, String order,
            String limit, String offset) {
        boolean flaggedOnly = flagged == null || flagged.isBlank() || bool("flagged", flagged);
        String o = order == null || order.isBlank() ? "desc" : order;
        if (!o.equals("asc") && !o.equals("desc")) {
            throw new IllegalArgumentException("order must be asc or desc, not " + order);
        }
        return new WorklistQuery(flaggedOnly, settings.minConfidence(), blank(institution), blank(region),
                blank(modality), item == null || item.isBlank() ? null : integer("item", item),
                grade == null || grade.isBlank() ? null : Grade.parse(grade).name(), blank(check),
                decided == null || decided.isBlank() ? null : bool("decided", decided), day("from", from),
                day("to", to), sort == null || sort.isBlank() ? "date" : sort, o.equals("desc"),
                limit == null || limit.isBlank() ? 50 : integer("limit", limit),
                offset == null || offset.isBlank() ? 0 : integer("offset", offset));
    }

    /** Nested counts: key → subKey → count; grades shown as 甲乙丙废 when {@code grades}. */
    private static Map<String, Map<String, Long>> grouped(List<QcWorklist.Count> counts, boolean grades) {
        Map<String, Map<String, Long>> out = new LinkedHashMap<>();
        for (QcWorklist.Count c : counts) {
            String sub = grades ? Grade.valueOf(c.subKey()).label() : c.subKey();
            out.computeIfAbsent(c.key(), k -> new LinkedHashMap<>()).put(sub, c.count());
        }
        return out;
    }

    private static boolean bool(String name, String value) {
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(name + " must be true or false, not " + value);
        };
    }

    private static int integer(String name, String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, not " + value);
        }
    }

    private static LocalDate day(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be a date YYYY-MM-DD, not " + value);
        }
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
