package org.hrnode.wado.retrieve;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Objects;
import org.hrnode.dicom.codec.PixelDataException;
import org.hrnode.dicom.data.BulkData;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.Fragments;
import org.hrnode.dicom.data.Sequence;
import org.hrnode.dicom.data.Tags;
import org.hrnode.storage.blob.BlobStore;
import org.hrnode.storage.index.Index;
import org.hrnode.storage.index.StoredInstanceRef;

/**
 * WADO-RS bulk data (PS3.18 §10.4.1.1.5) at the URIs metadata gives: {@code .../instances/{i}/bulkdata/<path>}, the
 * path being tags (8 hexadecimal digits) and item indexes separated by slashes, e.g. {@code 7FE00010} or
 * {@code 00540016/0/00181234}.
 *
 * <p>A value is served from a ranged read of the stored blob, never by loading the object, as
 * {@code application/octet-stream} with HTTP Range support (206 and Content-Range, 416 beyond the end) when the
 * client accepts that, else as a one-part {@code multipart/related; type="application/octet-stream"} (ranges are not
 * applied inside multipart). Encapsulated Pixel Data has no single value to send: its frames go one part each, as
 * stored or decoded as the Accept header says (see {@link #encapsulatedPixelData}).
 */
@Path("/dicomweb")
public final class BulkDataResource {

    private static final int TAG_DIGITS = 8;

    private final Index index;
    private final BlobStore blobs;

    public BulkDataResource(Index index, BlobStore blobs) {
        this.index = Objects.requireNonNull(index, "index");
        this.blobs = Objects.requireNonNull(blobs, "blobs");
    }

    @GET
    @Path("studies/{study}/series/{series}/instances/{instance}/bulkdata/{path: .+}")
    public Response bulkData(@PathParam("study") String study, @PathParam("series") String series,
            @PathParam("instance") String instance, @PathParam("path") String path,
            @HeaderParam(HttpHeaders.ACCEPT) String accept, @HeaderParam("Range") String range) throws IOException {
        List<MediaRange> ranges = MediaRange.parseAccept(accept);
        String[] steps = path.split("/", -1);
        int[] tags = parsePath(steps);
        StoredInstanceRef ref = StoredInstances.find(index, study, series, instance);
        StoredObject object = StoredObject.read(blobs, ref);
        Object value = valueAt(object.dataset(), steps, tags, path);
        if (value instanceof Fragments) {
            return encapsulatedPixelData(object, ranges);
        }
        if (!(value instanceof byte[]) && !(value instanceof BulkData)) {
            throw WadoErrors.badRequest("attribute " + path + " holds " + (value instanceof Sequence ? "a sequence"
                    : "no binary value") + ", not bulk data");
        }
        long total = StoredObject.lengthOf(value);
        if (prefersSinglePart(ranges)) {
            ByteRange byteRange = ByteRange.parse(range, total);
            long first = byteRange == null ? 0 : byteRange.first();
            long length = byteRange == null ? total : byteRange.length();
            StreamingOutput body = out -> {
                try (InputStream in = object.open(value, first, length)) {
                    in.transferTo(out);
                }
            };
            Response.ResponseBuilder response = byteRange == null ? Response.ok(body, FrameMediaTypes.OCTET_STREAM)
                    : Response.status(Response.Status.PARTIAL_CONTENT).entity(body)
                            .type(FrameMediaTypes.OCTET_STREAM)
                            .header("Content-Range", byteRange.contentRange(total));
            return response.header("Accept-Ranges", "bytes").header(HttpHeaders.CONTENT_LENGTH, length).build();
        }
        requireMultipartOctetStream(ranges);
        String boundary = MultipartWriter.newBoundary();
        StreamingOutput body = out -> {
            MultipartWriter parts = new MultipartWriter(out, boundary);
            try (InputStream in = object.open(value, 0, total)) {
                parts.part(FrameMediaTypes.OCTET_STREAM, total, in);
            }
            parts.finish();
        };
        return Response.ok(body, MultipartWriter.contentType(FrameMediaTypes.OCTET_STREAM, boundary)).build();
    }

    /**
     * Encapsulated Pixel Data as its frames, one part each, negotiated like the frames resource: the stored bitstream
     * when the client accepts that syntax ({@code transfer-syntax=*} or the stored one), else decoded to native
     * pixels (no transfer-syntax parameter means Explicit VR Little Endian, PS3.18 §8.7.3.5.2).
     */
    private static Response encapsulatedPixelData(StoredObject object, List<MediaRange> ranges) throws IOException {
        requireMultipartOctetStream(ranges);
        Frames frames = Frames.of(object);
        FrameMediaTypes.Choice choice = FrameMediaTypes.choose(ranges, frames.storedSyntax(), frames.canDecode());
        String boundary = MultipartWriter.newBoundary();
        StreamingOutput body = out -> {
            MultipartWriter parts = new MultipartWriter(out, boundary);
            for (int number = 1; number <= frames.count(); number++) {
                try {
                    parts.part(choice.partContentType(),
                            choice.decode() ? frames.uncompressed(number) : frames.stored(number));
                } catch (PixelDataException e) {
                    throw new IOException("frame " + number + " could not be read: " + e.getMessage(), e);
                }
            }
            parts.finish();
        };
        return Response.ok(body, MultipartWriter.contentType(choice.partType(), boundary)).build();
    }

    /** Whether the client's first usable choice is the bare value (application/octet-stream, or anything). */
    private static boolean prefersSinglePart(List<MediaRange> ranges) {
        for (MediaRange range : ranges) {
            if (range.admits("application", "octet-stream")) {
                return true;
            }
            if (range.admits("multipart", "related")) {
                return false;
            }
        }
        return false;
    }

    private static void requireMultipartOctetStream(List<MediaRange> ranges) {
        for (MediaRange range : ranges) {
            String type = range.param(MediaRange.TYPE);
            if (range.admits("multipart", "related")
                    && (type == null || type.equalsIgnoreCase(FrameMediaTypes.OCTET_STREAM))) {
                return;
            }
        }
        throw WadoErrors.notAcceptable("this bulk data is sent as multipart/related; type=\"application/octet-stream\""
                + " (or application/octet-stream for a single value); the Accept header asks for neither");
    }

    /** The tags of a path {@code tag[/item/tag]...}; 400 when it is not one. */
    private static int[] parsePath(String[] steps) {
        if (steps.length % 2 == 0) {
            throw badPath();
        }
        int[] tags = new int[(steps.length + 1) / 2];
        for (int i = 0; i < steps.length; i += 2) {
            String step = steps[i];
            if (step.length() != TAG_DIGITS || !step.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                throw badPath();
            }
            tags[i / 2] = Integer.parseUnsignedInt(step, 16);
            if (i + 1 < steps.length && !steps[i + 1].matches("[0-9]{1,6}")) {
                throw badPath();
            }
        }
        return tags;
    }

    private static Object valueAt(Dataset dataset, String[] steps, int[] tags, String path) {
        Dataset current = dataset;
        for (int t = 0; t < tags.length - 1; t++) {
            Sequence sequence = current.getSequence(tags[t]);
            int item = Integer.parseInt(steps[2 * t + 1]);
            if (sequence == null || item >= sequence.size()) {
                throw WadoErrors.notFound("instance has no item " + item + " in " + Tags.toString(tags[t])
                        + " (bulk data path " + path + ")");
            }
            current = sequence.get(item);
        }
        int tag = tags[tags.length - 1];
        if (!current.contains(tag) || current.getValue(tag) == null) {
            throw WadoErrors.notFound("instance has no value of " + Tags.toString(tag) + " (bulk data path "
                    + path + ")");
        }
        return current.getValue(tag);
    }

    private static RuntimeException badPath() {
        return WadoErrors.badRequest("a bulk data path is tags of 8 hexadecimal digits and item numbers, separated"
                + " by slashes (e.g. 7FE00010 or 00540016/0/00181234)");
    }
}
