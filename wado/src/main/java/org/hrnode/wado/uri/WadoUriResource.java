package org.hrnode.wado.uri;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Locale;
import org.hrnode.dicom.codec.Codecs;
import org.hrnode.dicom.codec.PixelDataException;
import org.hrnode.dicom.codec.Transcoder;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.TransferSyntax;
import org.hrnode.dicom.data.VR;
import org.hrnode.dicom.dict.Tag;
import org.hrnode.dicom.io.DicomFile;
import org.hrnode.dicom.io.DicomWriter;
import org.hrnode.dicom.io.FileMetaInformation;
import org.hrnode.storage.index.StoredInstanceRef;
import org.hrnode.wado.DicomWebContext;
import org.hrnode.wado.render.NotRenderableException;
import org.hrnode.wado.render.OutputFormat;
import org.hrnode.wado.render.RenderRequest;
import org.hrnode.wado.render.StoredImages;
import org.hrnode.wado.render.Viewport;
import org.hrnode.wado.render.VoiFunction;
import org.hrnode.wado.render.Window;

/**
 * WADO-URI (PS3.18 §9), for viewers older than DICOMweb: {@code GET /wado?requestType=WADO&studyUID=…&seriesUID=…
 * &objectUID=…}. {@code contentType=application/dicom} returns the object — exactly the stored bytes when it is
 * stored in the transfer syntax asked for, else transcoded; PS3.18 makes Explicit VR Little Endian the syntax when
 * {@code transferSyntax} is absent. {@code image/jpeg} (the default) and {@code image/png} render one frame with
 * {@code frameNumber}, {@code rows}/{@code columns} (fit, keeping the aspect ratio), {@code windowCenter}/
 * {@code windowWidth} and {@code imageQuality}, and carry the "川渝 HR" mark on marked studies. Parameters this node
 * does not implement ({@code region}, {@code anonymize}, {@code presentationUID}, {@code annotation}) are refused
 * with 400 rather than silently ignored.
 */
@Path(WadoUriResource.PATH)
public final class WadoUriResource {

    /** Where WADO-URI lives on the node's HTTP port (older viewers ask for {@code /wado?requestType=WADO&…}). */
    public static final String PATH = "/wado";

    /**
     * {@code transferSyntax=*}: whatever syntax the object is stored in. Not in PS3.18's WADO-URI, but OHIF's WADO-URI
     * loader asks for it (as WADO-RS allows), and Orthanc honours it.
     */
    private static final String AS_STORED = "*";

    private static final String DICOM = "application/dicom";
    private static final String REQUEST_TYPE = "WADO";
    private static final int PREAMBLE_LENGTH = 128;

    private final DicomWebContext context;
    private final StoredImages images;
    private final Transcoder transcoder = Transcoder.standard();

    public WadoUriResource(DicomWebContext context) {
        this.context = context;
        this.images = new StoredImages(context.index(), context.blobs());
    }

    @GET
    public Response get(@QueryParam("requestType") String requestType, @QueryParam("studyUID") String study,
            @QueryParam("seriesUID") String series, @QueryParam("objectUID") String object,
            @QueryParam("contentType") String contentType, @QueryParam("transferSyntax") String transferSyntax,
            @QueryParam("frameNumber") String frameNumber, @QueryParam("rows") String rows,
            @QueryParam("columns") String columns, @QueryParam("windowCenter") String windowCenter,
            @QueryParam("windowWidth") String windowWidth, @QueryParam("imageQuality") String imageQuality,
            @QueryParam("region") String region, @QueryParam("anonymize") String anonymize,
            @QueryParam("presentationUID") String presentationUid, @QueryParam("annotation") String annotation) {
        if (!REQUEST_TYPE.equals(requestType)) {
            throw badRequest("requestType must be WADO" + (requestType == null ? "" : ", got \"" + requestType + "\""));
        }
        refuseUnsupported("region", region);
        refuseUnsupported("anonymize", anonymize);
        refuseUnsupported("presentationUID", presentationUid);
        refuseUnsupported("annotation", annotation);
        String type = mediaType(contentType);
        StoredInstanceRef ref = images.instance(study, series, object);
        if (DICOM.equals(type)) {
            if (frameNumber != null || rows != null || columns != null || windowCenter != null
                    || windowWidth != null || imageQuality != null) {
                throw badRequest("frameNumber, rows, columns, windowCenter, windowWidth and imageQuality apply to "
                        + "image content types, not application/dicom");
            }
            return dicom(ref, transferSyntax);
        }
        if (transferSyntax != null) {
            throw badRequest("transferSyntax applies to application/dicom only");
        }
        RenderRequest request = imageRequest(OutputFormat.ofMediaType(type).orElseThrow(), frameNumber, rows,
                columns, windowCenter, windowWidth, imageQuality);
        try {
            byte[] image = images.render(ref, request, context.marks().hasHrMark(ref.studyInstanceUid()));
            return Response.ok(image, type).build();
        } catch (NotRenderableException e) {
            throw new WebApplicationException(e.getMessage(), e.isBadRequest() ? Response.Status.BAD_REQUEST
                    : Response.Status.NOT_ACCEPTABLE);
        }
    }

    private static RenderRequest imageRequest(OutputFormat format, String frameNumber, String rows, String columns,
            String windowCenter, String windowWidth, String imageQuality) {
        RenderRequest request = RenderRequest.defaults().withFormat(format)
                .withFrame(positive(frameNumber, "frameNumber", 1));
        if (rows != null || columns != null) {
            request = request.withViewport(viewport(rows, columns));
        }
        if (windowCenter != null || windowWidth != null) {
            request = request.withWindow(window(windowCenter, windowWidth));
        }
        if (imageQuality != null) {
            int quality = positive(imageQuality, "imageQuality", RenderRequest.DEFAULT_QUALITY);
            if (quality > 100) {
                throw badRequest("imageQuality must be 1..100, got " + quality);
            }
            request = request.withQuality(quality);
        }
        return request;
    }

    /**
     * The first type of the {@code contentType} list this node serves (PS3.18 §9 allows a list, with
     * {@code *}/{@code image/*}); {@code image/jpeg} when absent.
     */
    private static String mediaType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return OutputFormat.JPEG.mediaType();
        }
        for (String item : contentType.split(",")) {
            String type = item.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
            if (DICOM.equals(type)) {
                return DICOM;
            }
            if ("image/*".equals(type) || "*/*".equals(type)) {
                return OutputFormat.JPEG.mediaType();
            }
            if (OutputFormat.ofMediaType(type).isPresent()) {
                return type;
            }
        }
        throw new WebApplicationException("contentType " + contentType + " is not served; use application/dicom, "
                + String.join(" or ", OutputFormat.mediaTypes()), Response.Status.NOT_ACCEPTABLE);
    }

    private Response dicom(StoredInstanceRef ref, String transferSyntax) {
        String wanted = transferSyntax == null || transferSyntax.isBlank()
                ? TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid()
                : AS_STORED.equals(transferSyntax.strip()) ? ref.transferSyntaxUid()
                : StoredImages.requireUid(transferSyntax.strip(), "transferSyntax");
        if (wanted.equals(ref.transferSyntaxUid())) {
            StreamingOutput stored = out -> {
                try (InputStream in = images.open(ref)) {
                    in.transferTo(out);
                }
            };
            return Response.ok(stored, DICOM).header("Content-Length", ref.size()).build();
        }
        TransferSyntax target = TransferSyntax.of(wanted);
        if (target == null) {
            throw new WebApplicationException("transferSyntax " + wanted + " is not a transfer syntax this node "
                    + "knows", Response.Status.NOT_ACCEPTABLE);
        }
        if (target.isEncapsulated() && (!target.isLossless() || Codecs.encoderFor(target).isEmpty())) {
            throw new WebApplicationException("this node does not encode " + target.name() + " (it only writes "
                    + "lossless syntaxes it can prove); ask for the stored syntax " + ref.transferSyntaxUid()
                    + " or Explicit VR Little Endian", Response.Status.NOT_ACCEPTABLE);
        }
        DicomFile file = images.read(ref);
        Dataset transcoded;
        try {
            transcoded = transcoder.transcode(file.dataset(), file.transferSyntax(), target);
        } catch (PixelDataException e) {
            throw new WebApplicationException("the object cannot be sent in " + target.name() + ": "
                    + e.getMessage(), Response.Status.NOT_ACCEPTABLE);
        }
        StreamingOutput part10 = out -> Part10.write(out, file.fileMetaInformation(), transcoded, target);
        return Response.ok(part10, DICOM).build();
    }

    private static Viewport viewport(String rows, String columns) {
        int height = rows == null ? Viewport.MAX_SIDE : positive(rows, "rows", 0);
        int width = columns == null ? Viewport.MAX_SIDE : positive(columns, "columns", 0);
        try {
            return Viewport.fitting(width, height);
        } catch (IllegalArgumentException e) {
            throw badRequest(e.getMessage());
        }
    }

    private static Window window(String center, String width) {
        if (center == null || width == null) {
            throw badRequest("windowCenter and windowWidth go together");
        }
        try {
            return Window.parse(center + "," + width + "," + VoiFunction.LINEAR.name());
        } catch (IllegalArgumentException e) {
            throw badRequest(e.getMessage());
        }
    }

    private static int positive(String value, String parameter, int absent) {
        if (value == null) {
            return absent;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number < 1) {
                throw badRequest(parameter + " must be at least 1, got " + number);
            }
            return number;
        } catch (NumberFormatException e) {
            throw badRequest(parameter + " must be an integer, got \"" + value + "\"");
        }
    }

    private static void refuseUnsupported(String parameter, String value) {
        if (value != null) {
            throw badRequest(parameter + " is not supported by this node");
        }
    }

    private static WebApplicationException badRequest(String reason) {
        return new WebApplicationException(reason, Response.Status.BAD_REQUEST);
    }

    /** Writes a transcoded object as a Part 10 file: a new File Meta Information naming the new syntax. */
    private static final class Part10 {

        private Part10() {
        }

        static void write(OutputStream out, Dataset originalMeta, Dataset dataset, TransferSyntax syntax)
                throws IOException {
            Dataset meta = FileMetaInformation.create(dataset.getString(Tag.SOPClassUID),
                    dataset.getString(Tag.SOPInstanceUID), syntax.uid());
            String sourceAe = originalMeta.getString(Tag.SourceApplicationEntityTitle);
            if (sourceAe != null) {
                meta.setString(Tag.SourceApplicationEntityTitle, VR.AE, sourceAe);
            }
            out.write(new byte[PREAMBLE_LENGTH]);
            out.write(new byte[] {'D', 'I', 'C', 'M'});
            // Closing the writer finishes a deflated data set; the response stream may be closed with it.
            try (DicomWriter writer = new DicomWriter(out)) {
                writer.writeFileMetaInformation(meta);
                writer.writeDataset(dataset, syntax);
            }
        }
    }
}
