package org.hrnode.wado.render;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * Reads the query parameters and Accept header of a rendered or thumbnail request (PS3.18 §8.3.5.1, §8.7.4) into a
 * {@link RenderRequest}; anything malformed is a 400 naming the parameter, an unsupported media type a 406.
 */
final class RenderParameters {

    private RenderParameters() {
    }

    /**
     * @param accept the {@code accept} query parameter (overrides the header, PS3.18 §8.3.3), or null
     * @param header the Accept header's media types, most preferred first
     */
    static RenderRequest parse(String window, String viewport, String quality, String accept,
            List<MediaType> header, RenderRequest defaults) {
        RenderRequest request = defaults.withFormat(format(accept, header));
        try {
            if (window != null && !window.isBlank()) {
                request = request.withWindow(Window.parse(window));
            }
            if (viewport != null && !viewport.isBlank()) {
                request = request.withViewport(Viewport.parse(viewport));
            }
            if (quality != null && !quality.isBlank()) {
                request = request.withQuality(Integer.parseInt(quality.strip()));
            }
        } catch (NumberFormatException e) {
            throw badRequest("quality must be an integer 1..100, got \"" + quality + "\"");
        } catch (IllegalArgumentException e) {
            throw badRequest(e.getMessage());
        }
        return request;
    }

    /** A 1-based frame number from the path; PS3.18 allows a list, a rendered response holds one frame. */
    static int frameNumber(String frames) {
        try {
            int frame = Integer.parseInt(frames.strip());
            if (frame < 1) {
                throw badRequest("frame numbers start at 1, got " + frame);
            }
            return frame;
        } catch (NumberFormatException e) {
            throw badRequest("a rendered or thumbnail frame must be one frame number, got \"" + frames + "\"");
        }
    }

    /** JPEG unless the client prefers PNG; 406 when it accepts neither. */
    static OutputFormat format(String accept, List<MediaType> header) {
        if (accept != null && !accept.isBlank()) {
            for (String type : accept.split(",")) {
                OutputFormat format = chosen(parse(type));
                if (format != null) {
                    return format;
                }
            }
            throw notAcceptable(accept);
        }
        if (header == null || header.isEmpty()) {
            return OutputFormat.JPEG;
        }
        for (MediaType type : header) {
            OutputFormat format = chosen(type);
            if (format != null) {
                return format;
            }
        }
        throw notAcceptable(header.toString());
    }

    /**
     * The format a media type asks for: an image type itself, or the {@code type} parameter of
     * {@code multipart/related} (study- and series-level rendered responses); null when it is none of ours.
     */
    private static OutputFormat chosen(MediaType mediaType) {
        if (mediaType == null) {
            return null;
        }
        String type = mediaType.getType() + "/" + mediaType.getSubtype();
        if ("multipart/related".equalsIgnoreCase(type)) {
            String inner = mediaType.getParameters().get("type");
            return inner == null ? OutputFormat.JPEG : chosen(parse(inner));
        }
        if ("*/*".equals(type) || "image/*".equalsIgnoreCase(type)) {
            return OutputFormat.JPEG;
        }
        return OutputFormat.ofMediaType(type).orElse(null);
    }

    private static MediaType parse(String type) {
        try {
            return MediaType.valueOf(type.strip());
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }

    static WebApplicationException badRequest(String reason) {
        return new WebApplicationException(reason, Response.Status.BAD_REQUEST);
    }

    private static WebApplicationException notAcceptable(String asked) {
        return new WebApplicationException("rendered images are available as " + OutputFormat.mediaTypes()
                + ", not " + asked, Response.Status.NOT_ACCEPTABLE);
    }
}
