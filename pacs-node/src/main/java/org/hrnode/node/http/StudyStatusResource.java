package org.hrnode.node.http;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Objects;
import org.hrnode.node.quality.StudyStatuses;

/**
 * {@code GET /api/studies/{StudyInstanceUID}/status}: what the node holds of a study and how its upload went
 * ({@link org.hrnode.node.quality.StudyStatus}); 404 when it holds none of it.
 */
@Path("/api/studies")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public final class StudyStatusResource {

    private final StudyStatuses statuses;

    public StudyStatusResource(StudyStatuses statuses) {
        this.statuses = Objects.requireNonNull(statuses, "statuses");
    }

    @GET
    @Path("/{studyInstanceUid}/status")
    public Response status(@PathParam("studyInstanceUid") String studyInstanceUid) {
        return statuses.of(studyInstanceUid).map(s -> Response.ok(s).build())
                .orElseGet(() -> ApiError.response(Response.Status.NOT_FOUND,
                        "no instance of study " + studyInstanceUid + " is stored here"));
    }
}
