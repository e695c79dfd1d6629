package org.hrnode.node.http;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;
import org.hrnode.node.quality.QualityReports;
import org.hrnode.node.quality.ReportPeriod;

/**
 * {@code GET /api/quality/institutions/{code}?from=YYYY-MM-DD&to=YYYY-MM-DD}: the institution's
 * {@link org.hrnode.node.quality.QualityReport} for the period (both days included, in the node's time zone; by
 * default the last {@value ReportPeriod#DEFAULT_DAYS} days). 400 for bad dates, 404 for an institution no AE of the
 * registry belongs to.
 */
@Path("/api/quality")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public final class QualityResource {

    private final QualityReports reports;
    private final Clock clock;

    public QualityResource(QualityReports reports, Clock clock) {
        this.reports = Objects.requireNonNull(reports, "reports");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @GET
    @Path("/institutions/{code}")
    public Response institution(@PathParam("code") String code, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        ReportPeriod period;
        try {
            period = ReportPeriod.parse(from, to, LocalDate.now(clock.withZone(reports.zone())));
        } catch (IllegalArgumentException e) {
            return ApiError.response(Response.Status.BAD_REQUEST, e.getMessage());
        }
        return reports.forInstitution(code, period).map(r -> Response.ok(r).build())
                .orElseGet(() -> ApiError.response(Response.Status.NOT_FOUND, "no institution with code '" + code
                        + "' is registered; see ./hrnode ae list"));
    }
}
