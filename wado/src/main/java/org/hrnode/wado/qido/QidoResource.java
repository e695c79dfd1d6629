package org.hrnode.wado.qido;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.Objects;
import org.hrnode.wado.DicomWeb;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * QIDO-RS (PS3.18 §10.6): the six search resources under {@value DicomWeb#BASE_PATH}. Answers
 * {@code application/dicom+json} (or {@code application/json} when only that is accepted; anything else is 406 by
 * content negotiation), 204 when nothing matches, 400 with the reason in plain text for a request that cannot be run
 * as asked. Logs counts and timings, never names or IDs.
 */
@Path(DicomWeb.BASE_PATH)
@Produces({QidoResource.DICOM_JSON, MediaType.APPLICATION_JSON})
public final class QidoResource {

    public static final String DICOM_JSON = "application/dicom+json";
    private static final Logger LOG = LoggerFactory.getLogger(QidoResource.class);

    private final QidoSearch search;

    public QidoResource(QidoSearch search) {
        this.search = Objects.requireNonNull(search, "search");
    }

    @GET
    @Path("studies")
    public Response studies(@Context UriInfo uri) {
        return answer(QidoTarget.ALL_STUDIES, null, null, uri);
    }

    @GET
    @Path("series")
    public Response series(@Context UriInfo uri) {
        return answer(QidoTarget.ALL_SERIES, null, null, uri);
    }

    @GET
    @Path("studies/{study}/series")
    public Response seriesOfStudy(@PathParam("study") String study, @Context UriInfo uri) {
        return answer(QidoTarget.STUDY_SERIES, study, null, uri);
    }

    @GET
    @Path("instances")
    public Response instances(@Context UriInfo uri) {
        return answer(QidoTarget.ALL_INSTANCES, null, null, uri);
    }

    @GET
    @Path("studies/{study}/instances")
    public Response instancesOfStudy(@PathParam("study") String study, @Context UriInfo uri) {
        return answer(QidoTarget.STUDY_INSTANCES, study, null, uri);
    }

    @GET
    @Path("studies/{study}/series/{series}/instances")
    public Response instancesOfSeries(@PathParam("study") String study, @PathParam("series") String series,
                                      @Context UriInfo uri) {
        return answer(QidoTarget.SERIES_INSTANCES, study, series, uri);
    }

    private Response answer(QidoTarget target, String study, String series, UriInfo uri) {
        long started = System.nanoTime();
        QidoSearch.Result result;
        try {
            QidoRequest request = QidoRequest.parse(target, study, series, uri.getQueryParameters());
            result = search.run(request, retrieveBase(uri.getBaseUri()));
        } catch (InvalidQidoRequestException e) {
            // The reason goes to the client only: it may quote a value, and values may be names or IDs.
            LOG.debug("event=qido_refused target={}", target);
            return Response.status(Response.Status.BAD_REQUEST).type(MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8"))
                    .entity(e.getMessage()).build();
        }
        LOG.debug("event=qido target={} matches={} truncated={} ms={}", target, result.matches(),
                result.truncatedByServer(), (System.nanoTime() - started) / 1_000_000);
        if (result.matches() == 0) {
            return Response.noContent().build();
        }
        Response.ResponseBuilder response = Response.ok(result.body());
        if (result.truncatedByServer()) {
            response.header("Warning", "299 " + uri.getBaseUri().getAuthority() + ": "
                    + QidoSearch.TRUNCATED_WARNING);
        }
        return response.build();
    }

    private static String retrieveBase(URI base) {
        String root = base.toString();
        return (root.endsWith("/") ? root.substring(0, root.length() - 1) : root) + DicomWeb.BASE_PATH;
    }
}
