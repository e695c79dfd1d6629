package org.hrnode.node.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.hrnode.node.reports.ConsentRequired;
import org.hrnode.node.reports.DecisionRecords;
import org.hrnode.node.reports.InvalidField;
import org.hrnode.node.reports.RecognisableExam;
import org.hrnode.node.reports.RecognitionService;
import org.hrnode.node.reports.SpecJson;
import org.hrnode.node.reports.SpecRecord;
import org.hrnode.node.reports.SpecXml;
import org.hrnode.storage.reports.Consent;
import org.hrnode.storage.reports.Decision;
import org.hrnode.storage.reports.ItemStatistics;

/**
 * The clinician's recognition service (Xinjiang interface spec §1.3-1.4). Every query and record needs a patient's
 * authorisation: a consent recorded with {@code POST /api/recognition/consents}, whose id the request carries in the
 * {@value #CONSENT_HEADER} header; without one, or with one expired, revoked or of another patient, the answer is
 * 403. Patient identities travel in request bodies, never in URLs (which end up in access logs).
 * <ul>
 *   <li>{@code POST /consents} {@code {"idTypeCode","idNo","orgCode","validHours"}}: 201 with the consent id;
 *       {@code DELETE /consents/{id}} revokes it.</li>
 *   <li>{@code POST /exams} (GetCheckLabList) {@code {"id_type","id_no","days":30|90}}: the recent exams.</li>
 *   <li>{@code POST /matches} (ExistsReCureInfo) the same plus {@code "items":[codes]}: recognisable exams that
 *       cover the items about to be ordered.</li>
 *   <li>{@code POST /decisions} (SubmitAccept, {@code sehr_accept_record}) and {@code POST /quotes} (SubmitQuote,
 *       {@code sehr_quote_record}), JSON or the spec's XML.</li>
 *   <li>{@code GET /statistics?org=}: recognition rate and top rejection reasons per institution and item.</li>
 *   <li>{@code GET /reports/{org}/{reportFormNo}/pdf}: the report's PDF, for the patient of the consent.</li>
 * </ul>
 */
@Path("/api/recognition")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public final class RecognitionServiceResource {

    public static final String CONSENT_HEADER = "X-Consent-Id";
    private static final String XML_TEXT = "text/xml";
    private static final long DEFAULT_CONSENT_HOURS = 24;

    private final RecognitionService service;
    private final DecisionRecords decisions;
    private final ObjectMapper json = JsonMapper.create();

    public RecognitionServiceResource(RecognitionService service) {
        this.service = Objects.requireNonNull(service, "service");
        this.decisions = new DecisionRecords(service.reports());
    }

    /** The body of {@code POST /consents}. */
    public record ConsentRequest(String idTypeCode, String idNo, String orgCode, Long validHours) {
    }

    @POST
    @Path("/consents")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response grant(ConsentRequest request, @Context SecurityContext security) {
        if (request == null) {
            return ApiError.response(Response.Status.BAD_REQUEST, "body: a JSON object is required");
        }
        try {
            Consent c = service.grant(request.idTypeCode(), request.idNo(), request.orgCode(),
                    Duration.ofHours(request.validHours() == null ? DEFAULT_CONSENT_HOURS : request.validHours()),
                    Callers.name(security));
            return Response.status(Response.Status.CREATED).entity(Map.of("consentId", c.consentId(), "orgCode",
                    c.orgCode(), "grantedAt", c.grantedAt().toString(), "expiresAt", c.expiresAt().toString()))
                    .build();
        } catch (InvalidField e) {
            return ApiError.response(Response.Status.BAD_REQUEST, e.getMessage());
        }
    }

    @DELETE
    @Path("/consents/{id}")
    public Response revoke(@PathParam("id") String id) {
        if (!service.revoke(id)) {
            return ApiError.response(Response.Status.NOT_FOUND, "no consent " + id + " to revoke");
        }
        return Response.ok(Map.of("consentId", id, "revoked", true)).build();
    }

    @POST
    @Path("/exams")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.APPLICATION_XML, XML_TEXT})
    public Response recent(InputStream body, @HeaderParam(CONSENT_HEADER) String consentId,
            @Context HttpHeaders headers, @Context SecurityContext security) throws IOException {
        return query(body, consentId, headers, security, false);
    }

    @POST
    @Path("/matches")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.APPLICATION_XML, XML_TEXT})
    public Response matches(InputStream body, @HeaderParam(CONSENT_HEADER) String consentId,
            @Context HttpHeaders headers, @Context SecurityContext security) throws IOException {
        return query(body, consentId, headers, security, true);
    }

    private Response query(InputStream body, String consentId, HttpHeaders headers, SecurityContext security,
            boolean matching) throws IOException {
        String principal = Callers.name(security);
        String kind = matching ? "matching" : "recent";
        try {
            SpecRecord filter;
            List<String> items = new ArrayList<>();
            if (isXml(headers)) {
                SpecXml xml = SpecXml.parse(body);
                filter = xml.fields("filter");
                for (SpecRecord item : xml.items("items")) {
                    items.add(item.required("code"));
                }
            } else {
                JsonNode tree = tree(body);
                filter = SpecJson.record("filter", tree);
                JsonNode codes = tree.path("items");
                if (!codes.isMissingNode() && !codes.isArray()) {
                    throw new InvalidField("filter.items", "must be an array of item codes");
                }
                codes.forEach(c -> items.add(c.asText()));
            }
            String idType = filter.optional("id_type") != null ? filter.optional("id_type")
                    : filter.optional("id_type_code");
            Consent consent = service.authorise(consentId, idType, filter.optional("id_no"), kind, principal);
            Integer days = filter.integer("days", 1, Integer.MAX_VALUE);
            int window = days == null ? 90 : days;
            List<RecognisableExam> exams = matching ? service.matching(consent, items, window, principal)
                    : service.recent(consent, window, principal);
            return Response.ok(Map.of("days", window, "exams", exams)).build();
        } catch (InvalidField e) {
            return ApiError.response(Response.Status.BAD_REQUEST, e.getMessage());
        } catch (ConsentRequired e) {
            return ApiError.response(Response.Status.FORBIDDEN, e.getMessage());
        }
    }

    @POST
    @Path("/decisions")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.APPLICATION_XML, XML_TEXT})
    public Response accept(InputStream body, @HeaderParam(CONSENT_HEADER) String consentId,
            @Context HttpHeaders headers, @Context SecurityContext security) throws IOException {
        return record(body, consentId, headers, security, false);
    }

    @POST
    @Path("/quotes")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.APPLICATION_XML, XML_TEXT})
    public Response quote(InputStream body, @HeaderParam(CONSENT_HEADER) String consentId,
            @Context HttpHeaders headers, @Context SecurityContext security) throws IOException {
        return record(body, consentId, headers, security, true);
    }

    private Response record(InputStream body, String consentId, HttpHeaders headers, SecurityContext security,
            boolean quotes) throws IOException {
        String principal = Callers.name(security);
        String section = quotes ? "sehr_quote_record" : "sehr_accept_record";
        try {
            Consent consent = service.authorise(consentId, null, null, quotes ? "quote" : "decision", principal);
            List<SpecRecord> items;
            if (isXml(headers)) {
                items = SpecXml.parse(body).items(section);
            } else {
                JsonNode tree = tree(body);
                items = tree.isArray() ? SpecJson.records(json.createObjectNode().set(section, tree), section)
                        : SpecJson.records(tree, section);
            }
            List<Decision> read = decisions.read(items, quotes, consent, principal);
            service.records().save(read);
            return Response.ok(Map.of("recorded", read.size())).build();
        } catch (InvalidField e) {
            return ApiError.response(Response.Status.BAD_REQUEST, e.getMessage());
        } catch (ConsentRequired e) {
            return ApiError.response(Response.Status.FORBIDDEN, e.getMessage());
        }
    }

    /** One row of {@code GET /statistics}. */
    public record ItemRow(String orgCode, String itemCode, String itemName, long decisions, long accepted,
                          long rejected, Double recognitionRatePercent, long quotes,
                          List<Map<String, Object>> topRejectionReasons) {
    }

    @GET
    @Path("/statistics")
    public Map<String, Object> statistics(@QueryParam("org") String org) {
        List<ItemRow> rows = new ArrayList<>();
        for (ItemStatistics s : service.records().statistics(org == null || org.isBlank() ? null : org.strip())) {
            long decided = s.accepted() + s.rejected();
            List<Map<String, Object>> reasons = new ArrayList<>();
            s.rejectionsByReason().forEach((code, count) -> {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("reason", code);
                r.put("name", DecisionRecords.reason(code).dictionaryName());
                r.put("count", count);
                reasons.add(r);
            });
            rows.add(new ItemRow(s.orgCode(), s.itemCode(), s.itemName(), decided, s.accepted(), s.rejected(),
                    decided == 0 ? null : Math.round(1000.0 * s.accepted() / decided) / 10.0, s.quotes(),
                    reasons));
        }
        return Map.of("items", rows);
    }

    @GET
    @Path("/reports/{org}/{reportFormNo}/pdf")
    @Produces({"application/pdf", MediaType.APPLICATION_JSON})
    public Response pdf(@PathParam("org") String org, @PathParam("reportFormNo") String reportFormNo,
            @HeaderParam(CONSENT_HEADER) String consentId, @Context SecurityContext security) {
        String principal = Callers.name(security);
        var ref = service.reports().reportRef(org, reportFormNo, "");
        if (ref.isEmpty()) {
            return ApiError.response(Response.Status.NOT_FOUND, "no report " + org + "/" + reportFormNo);
        }
        try {
            service.authorise(consentId, ref.get().idTypeCode(), ref.get().idNo(), "report", principal);
        } catch (ConsentRequired e) {
            return ApiError.response(Response.Status.FORBIDDEN, e.getMessage());
        }
        return service.reports().pdf(org, reportFormNo)
                .map(p -> {
                    service.recordQuery(principal, consentId.strip(), "report", true, "PDF of " + org + "/"
                            + reportFormNo, 1);
                    return Response.ok(p, "application/pdf").build();
                })
                .orElseGet(() -> ApiError.response(Response.Status.NOT_FOUND, "report " + org + "/" + reportFormNo
                        + " has no PDF"));
    }

    private static boolean isXml(HttpHeaders headers) {
        MediaType type = headers.getMediaType();
        return type != null && type.getSubtype().endsWith("xml");
    }

    private JsonNode tree(InputStream body) throws IOException {
        try {
            JsonNode tree = json.readTree(body);
            if (tree == null) {
                throw new InvalidField("body", "is empty");
            }
            return tree;
        } catch (JacksonException e) {
            throw new InvalidField("body", "not JSON: " + e.getOriginalMessage());
        }
    }
}
