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
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import org.hrnode.storage.index.StoredInstanceRef;
import org.hrnode.wado.DicomWeb;
import org.hrnode.wado.DicomWebContext;

/**
 * WADO-RS rendered and thumbnail resources (PS3.18 §10.4.1.1.3–4): an instance or one frame as JPEG (default) or
 * PNG, with the {@code window}, {@code viewport}, {@code quality} and {@code accept} parameters; thumbnails of a
 * study (the middle image of its first series with one), a series (its middle image), an instance or a frame,
 * 128 pixels on the longer side unless a viewport says otherwise. Images of studies holding the "川渝 HR" mark carry
 * it in the upper-right corner (spec §6.4). An instance-level rendering of a multi-frame object is its first frame.
 * Study- and series-level rendered resources are {@code multipart/related} with one part per instance that has an
 * image (its first frame), streamed one rendering at a time.
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
    @Path("studies/{study}/rendered")
    public Response study(@PathParam("study") String study, @QueryParam("window") String window,
            @QueryParam("viewport") String viewport, @QueryParam("quality") String quality,
            @QueryParam("accept") String accept, @Context HttpHeaders headers) {
        RenderRequest request = RenderParameters.parse(window, viewport, quality, accept, acceptable(headers),
                RenderRequest.defaults());
        return multipart(images.studyInstances(study), request, "study " + study);
    }

    @GET
    @Path("studies/{study}/series/{series}/rendered")
    public Response series(@PathParam("study") String study, @PathParam("series") String series,
            @QueryParam("window") String window, @QueryParam("viewport") String viewport,
            @QueryParam("quality") String quality, @QueryParam("accept") String accept,
            @Context HttpHeaders headers) {
        RenderRequest request = RenderParameters.parse(window, viewport, quality, accept, acceptable(headers),
                RenderRequest.defaults());
        return multipart(images.seriesInstances(study, series), request, "series " + series);
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

    /**
     * One part per instance with an image. The first is rendered before the response starts, so that a study or
     * series without any image is a 404 rather than an empty multipart; instances without one are left out.
     */
    private Response multipart(List<StoredInstanceRef> instances, RenderRequest request, String what) {
        Iterator<StoredInstanceRef> remaining = instances.iterator();
        byte[] first = null;
        NotRenderableException last = null;
        while (first == null && remaining.hasNext()) {
            try {
                first = renderOrThrow(remaining.next(), request);
            } catch (NotRenderableException e) {
                last = e;
            }
        }
        if (first == null) {
            throw new WebApplicationException("no image of " + what + " can be rendered"
                    + (last == null ? "" : ": " + last.getMessage()), Response.Status.NOT_FOUND);
        }
        String type = request.format().mediaType();
        String boundary = UUID.randomUUID().toString();
        byte[] firstPart = first;
        StreamingOutput body = out -> {
            writePart(out, boundary, type, firstPart);
            while (remaining.hasNext()) {
                try {
                    writePart(out, boundary, type, renderOrThrow(remaining.next(), request));
                } catch (NotRenderableException notAnImage) {
                    // A report or presentation state among the images: the response holds the images there are.
                }
            }
            out.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        };
        return Response.ok(body).header(HttpHeaders.CONTENT_TYPE, "multipart/related; type=\"" + type
                + "\"; boundary=" + boundary).header(VARY, HttpHeaders.ACCEPT).build();
    }

    private static void writePart(OutputStream out, String boundary, String type, byte[] image) throws IOException {
        out.write(("--" + boundary + "\r\nContent-Type: " + type + "\r\nContent-Length: " + image.length
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(image);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
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
