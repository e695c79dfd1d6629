package org.hrnode.wado.render;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.hrnode.storage.index.StoredInstanceRef;
import org.hrnode.wado.DicomWeb;
import org.hrnode.wado.DicomWebContext;

/**
 * WADO-RS rendered and thumbnail resources (PS3.18 §10.4.1.1.3–4): an instance or one frame as JPEG (default) or
 * PNG, with the {@code window}, {@code viewport}, {@code quality} and {@code accept} parameters; thumbnails of a
 * study (the middle image of its first series with one), a series (its middle image), an instance or a frame,
 * 128 pixels on the longer side unless a viewport says otherwise. Images of studies holding the "川渝 HR" mark carry
 * it in the upper-right corner (spec §6.4). An instance-level rendering of a multi-frame object is its first frame.
 * Study- and series-level rendered resources (every instance, multipart) are not offered.
 */
@Path(DicomWeb.BASE_PATH)
public final class RenderedResource {

    /** Longest side of a thumbnail when the request has no viewport. */
    public static final int THUMBNAIL_SIZE = 128;

    private static final String INSTANCE = "studies/{study}/series/{series}/instances/{instance}";
    private static final String VARY = "Vary";

    private final DicomWebContext context;
    private final StoredImages images;

    public RenderedResource(DicomWebContext context) {
        this.context = context;
        this.images = new StoredImages(context.index(), context.blobs());
    }

    @GET
    @Path(INSTANCE + "/rendered")
    public Response instance(@PathParam("study") String study, @PathParam("series") String series,
            @PathParam("instance") String instance, @QueryParam("window") String window,
            @QueryParam("viewport") String viewport, @QueryParam("quality") String quality,
            @QueryParam("accept") String accept, @Context HttpHeaders headers) {
        RenderRequest request = RenderParameters.parse(window, viewport, quality, accept, acceptable(headers),
                RenderRequest.defaults());
        return render(images.instance(study, series, instance), request);
    }

    @GET
    @Path(INSTANCE + "/frames/{frames}/rendered")
    public Response frame(@PathParam("study") String study, @PathParam("series") String series,
            @PathParam("instance") String instance, @PathParam("frames") String frames,
            @QueryParam("window") String window, @QueryParam("viewport") String viewport,
            @QueryParam("quality") String quality, @QueryParam("accept") String accept,
            @Context HttpHeaders headers) {
        RenderRequest request = RenderParameters.parse(window, viewport, quality, accept, acceptable(headers),
                RenderRequest.defaults().withFrame(RenderParameters.frameNumber(frames)));
        return render(images.instance(study, series, instance), request);
    }

    @GET
    @Path("studies/{study}/thumbnail")
    public Response studyThumbnail(@PathParam("study") String study, @QueryParam("viewport") String viewport,
            @QueryParam("quality") String quality, @QueryParam("accept") String accept,
            @Context HttpHeaders headers) {
        RenderRequest request = thumbnailRequest(viewport, quality, accept, headers, 1);
        return firstRendered(images.studyCandidates(study), request, "study " + study);
    }

    @GET
    @Path("studies/{study}/series/{series}/thumbnail")
    public Response seriesThumbnail(@PathParam("study") String study, @PathParam("series") String series,
            @QueryParam("viewport") String viewport, @QueryParam("quality") String quality,
            @QueryParam("accept") String accept, @Context HttpHeaders headers) {
        RenderRequest request = thumbnailRequest(viewport, quality, accept, headers, 1);
        return firstRendered(images.seriesCandidates(study, series), request, "series " + series);
    }

    @GET
    @Path(INSTANCE + "/thumbnail")
    public Response instanceThumbnail(@PathParam("study") String study, @PathParam("series") String series,
            @PathParam("instance") String instance, @QueryParam("viewport") String viewport,
            @QueryParam("quality") String quality, @QueryParam("accept") String accept,
            @Context HttpHeaders headers) {
        RenderRequest request = thumbnailRequest(viewport, quality, accept, headers, 1);
        return render(images.instance(study, series, instance), request);
    }

    @GET
    @Path(INSTANCE + "/frames/{frames}/thumbnail")
    public Response frameThumbnail(@PathParam("study") String study, @PathParam("series") String series,
            @PathParam("instance") String instance, @PathParam("frames") String frames,
            @QueryParam("viewport") String viewport, @QueryParam("quality") String quality,
            @QueryParam("accept") String accept, @Context HttpHeaders headers) {
        RenderRequest request = thumbnailRequest(viewport, quality, accept, headers,
                RenderParameters.frameNumber(frames));
        return render(images.instance(study, series, instance), request);
    }

    private static RenderRequest thumbnailRequest(String viewport, String quality, String accept,
            HttpHeaders headers, int frame) {
        RenderRequest defaults = RenderRequest.defaults().withFrame(frame)
                .withViewport(Viewport.fitting(THUMBNAIL_SIZE, THUMBNAIL_SIZE));
        return RenderParameters.parse(null, viewport, quality, accept, acceptable(headers), defaults);
    }

    private Response render(StoredInstanceRef ref, RenderRequest request) {
        try {
            return ok(renderOrThrow(ref, request), request);
        } catch (NotRenderableException e) {
            throw new WebApplicationException(e.getMessage(), e.isBadRequest() ? Response.Status.BAD_REQUEST
                    : Response.Status.NOT_ACCEPTABLE);
        }
    }

    /** The first candidate with an image; one without Pixel Data (a report, a presentation state) is passed over. */
    private Response firstRendered(List<StoredInstanceRef> candidates, RenderRequest request, String what) {
        NotRenderableException last = null;
        for (StoredInstanceRef ref : candidates) {
            try {
                return ok(renderOrThrow(ref, request), request);
            } catch (NotRenderableException e) {
                last = e;
            }
        }
        throw new WebApplicationException("no image of " + what + " can be rendered"
                + (last == null ? "" : ": " + last.getMessage()), Response.Status.NOT_FOUND);
    }

    private byte[] renderOrThrow(StoredInstanceRef ref, RenderRequest request) throws NotRenderableException {
        return images.render(ref, request, context.marks().hasHrMark(ref.studyInstanceUid()));
    }

    private static Response ok(byte[] image, RenderRequest request) {
        return Response.ok(image, request.format().mediaType()).header(VARY, HttpHeaders.ACCEPT).build();
    }

    private static List<MediaType> acceptable(HttpHeaders headers) {
        return headers == null ? List.of() : headers.getAcceptableMediaTypes();
    }
}
