package org.hrnode.wado.render;

import java.awt.image.BufferedImage;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.TransferSyntax;

/**
 * Renders one frame of a DICOM object to a JPEG or PNG, as PS3.18 §8.3.5 (rendered resources) and §9 (WADO-URI)
 * describe: decode with the dicom module's codecs, apply the grey-scale pipeline or colour conversion, fit the
 * viewport, draw the "川渝 HR" mark when asked, encode. The object is only read; stored DICOM is never altered.
 * Thread-safe and stateless.
 */
public final class Renderer {

    /** The encoded image of the request's frame of {@code dataset}, which holds its Pixel Data. */
    public byte[] render(Dataset dataset, TransferSyntax syntax, RenderRequest request, boolean hrMark)
            throws NotRenderableException {
        return render(DecodedFrame.of(dataset, syntax, request.frameNumber()), dataset, request, hrMark);
    }

    /**
     * The encoded image of one frame read on its own: {@code header} is the object without Pixel Data, {@code frame}
     * the frame's compressed bytes or native little-endian samples (null: the object has no Pixel Data).
     */
    byte[] renderFrame(Dataset header, TransferSyntax syntax, byte[] frame, RenderRequest request, boolean hrMark)
            throws NotRenderableException {
        return render(DecodedFrame.of(header, syntax, request.frameNumber(), frame), header, request, hrMark);
    }

    private static byte[] render(DecodedFrame frame, Dataset dataset, RenderRequest request, boolean hrMark)
            throws NotRenderableException {
        BufferedImage image = frame.description().samplesPerPixel() == 1
                ? GrayscaleRendering.render(frame, FrameAttributes.of(dataset, request.frameNumber()),
                        request.window())
                : ColourRendering.render(frame);
        BufferedImage shown;
        try {
            shown = ImageScaling.fit(image, request.viewport());
        } catch (IllegalArgumentException outside) {
            throw new NotRenderableException(outside.getMessage(), true);
        }
        if (hrMark) {
            HrMark.drawOn(shown);
        }
        return ImageEncoding.encode(shown, request.format(), request.quality());
    }
}
