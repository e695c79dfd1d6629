package org.hrnode.node.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.hrnode.node.reports.InvalidField;
import org.hrnode.node.reports.ReportRecords;
import org.hrnode.node.reports.ReportService;
import org.hrnode.node.reports.SpecJson;
import org.hrnode.node.reports.SpecRecord;
import org.hrnode.node.reports.SpecXml;
import org.hrnode.storage.reports.Report;

/**
 * Diagnostic reports in the Xinjiang exam report model (interface spec §1.2.2.3-4), as JSON or as the spec's XML:
 * <ul>
 *   <li>{@code POST /api/reports}: register or replace (same org_code + report_form_no) reports. JSON: one
 *       {@code exammaster} object (the spec's field names) with its {@code exam_subitem} array, or an array of them;
 *       XML: the spec's {@code <root><exammaster><item …/></exammaster><exam_subitem>…</exam_subitem></root>}.
 *       201 when all were new, 200 otherwise; 400 naming the first bad field (nothing is stored then).</li>
 *   <li>{@code POST /api/reports/cancellations}: DeleteExamInfo with the spec's filter (org_code, report_form_no,
 *       id_no, id_type) as JSON or XML; 200, or 404 when no such report is stored for that patient.</li>
 * </ul>
 */
@Path("/api/reports")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public final class ReportResource {

    private static final String XML_TEXT = "text/xml";

    private final ReportService reports;
    private final ObjectMapper json = JsonMapper.create();

    public ReportResource(ReportService reports) {
        this.reports = Objects.requireNonNull(reports, "reports");
    }

    @POST
    @Consumes({MediaType.APPLICATION_JSON, MediaType.APPLICATION_XML, XML_TEXT})
    public Response submit(InputStream body, @Context HttpHeaders headers, @Context SecurityContext security)
            throws IOException {
        List<Report> parsed;
        try {
            parsed = isXml(headers) ? fromXml(body) : fromJson(body);
        } catch (InvalidField e) {
            return ApiError.response(Response.Status.BAD_REQUEST, e.getMessage());
        }
        List<ReportService.Stored> stored = reports.store(parsed, Callers.name(security));
        boolean allNew = stored.stream().allMatch(ReportService.Stored::created);
        return Response.status(allNew ? Response.Status.CREATED : Response.Status.OK)
                .entity(Map.of("reports", stored)).build();
    }

    @POST
    @Path("/cancellations")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.APPLICATION_XML, XML_TEXT})
    public Response cancel(InputStream body, @Context HttpHeaders headers, @Context SecurityContext security)
            throws IOException {
        boolean cancelled;
        SpecRecord filter;
        try {
            filter = isXml(headers) ? SpecXml.parse(body).fields("filter") : SpecJson.record("filter", tree(body));
            cancelled = reports.cancel(filter, Callers.name(security));
        } catch (InvalidField e) {
            return ApiError.response(Response.Status.BAD_REQUEST, e.getMessage());
        }
        if (!cancelled) {
            return ApiError.response(Response.Status.NOT_FOUND, "no report " + filter.optional("org_code") + "/"
                    + filter.optional("report_form_no") + " of that patient is stored (or it is cancelled already)");
        }
        return Response.ok(Map.of("cancelled", true, "orgCode", filter.optional("org_code"), "reportFormNo",
                filter.optional("report_form_no"))).build();
    }

    private static boolean isXml(HttpHeaders headers) {
        MediaType type = headers.getMediaType();
        return type != null && type.getSubtype().endsWith("xml");
    }

    private static List<Report> fromXml(InputStream body) throws IOException {
        SpecXml xml = SpecXml.parse(body);
        return ReportRecords.fromSections(xml.items("exammaster"), xml.items("exam_subitem"), "xml");
    }

    private List<Report> fromJson(InputStream body) throws IOException {
        List<ReportRecords.Submitted> submitted = new ArrayList<>();
        List<JsonNode> masters = SpecJson.oneOrMany(tree(body));
        for (JsonNode m : masters) {
            String name = masters.size() == 1 ? "exammaster" : "exammaster[" + (submitted.size() + 1) + "]";
            submitted.add(new ReportRecords.Submitted(SpecJson.record(name, m), SpecJson.records(m, "exam_subitem")));
        }
        return ReportRecords.reports(submitted, "json");
    }

    private JsonNode tree(InputStream body) throws IOException {
        try {
            return json.readTree(body);
        } catch (JacksonException e) {
            throw new InvalidField("body", "not JSON: " + e.getOriginalMessage());
        }
    }
}
