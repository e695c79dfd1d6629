package org.hrnode.wado.render;

import java.util.Objects;

/**
 * What to render: which frame, which VOI window (or the object's own), what size, and how to encode.
 *
 * @param frameNumber 1-based frame of the object
 * @param window      the requested window, or null for the object's (or the frame's range when it has none)
 * @param viewport    the box to fit, or null for the source size
 * @param quality     JPEG quality 1..100 (ignored for PNG)
 */
public record RenderRequest(int frameNumber, Window window, Viewport viewport, int quality, OutputFormat format) {

    /** JPEG quality when the request names none: visually lossless for grey-scale images. */
    public static final int DEFAULT_QUALITY = 90;

    public RenderRequest {
        Objects.requireNonNull(format, "format");
        if (frameNumber < 1) {
            throw new IllegalArgumentException("frame numbers start at 1, got " + frameNumber);
        }
        if (quality < 1 || quality > 100) {
            throw new IllegalArgumentException("quality must be 1..100, got " + quality);
        }
    }

    /** The first frame at its own size and window, as JPEG of the default quality. */
    public static RenderRequest defaults() {
        return new RenderRequest(1, null, null, DEFAULT_QUALITY, OutputFormat.JPEG);
    }

    public RenderRequest withFrame(int frame) {
        return new RenderRequest(frame, window, viewport, quality, format);
    }

    public RenderRequest withWindow(Window w) {
        return new RenderRequest(frameNumber, w, viewport, quality, format);
    }

    public RenderRequest withViewport(Viewport v) {
        return new RenderRequest(frameNumber, window, v, quality, format);
    }

    public RenderRequest withQuality(int q) {
        return new RenderRequest(frameNumber, window, viewport, q, format);
    }

    public RenderRequest withFormat(OutputFormat f) {
        return new RenderRequest(frameNumber, window, viewport, quality, f);
    }
}
