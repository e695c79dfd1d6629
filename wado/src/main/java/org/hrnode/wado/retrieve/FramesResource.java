package org.hrnode.wado.retrieve;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.hrnode.dicom.codec.PixelDataException;
import org.hrnode.storage.blob.BlobStore;
import org.hrnode.storage.index.Index;
import org.hrnode.storage.index.StoredInstanceRef;

/**
 * WADO-RS frames (PS3.18 §10.4.1.1.4): {@code /studies/{s}/series/{se}/instances/{i}/frames/{list}} as
 * multipart/related, one part per listed frame in the order listed ({@link FrameMediaTypes} decides the part type).
 * A malformed list is 400, a frame number beyond the image's frames 404, both before anything is sent.
 */
@Path("/dicomweb")
public final class FramesResource {

    /** More frames than any image holds; bounds the work one request can ask for. */
    private static final int MAX_LISTED_FRAMES = 100_000;

    private final Index index;
    private final BlobStore blobs;

    public FramesResource(Index index, BlobStore blobs) {
        this.index = Objects.requireNonNull(index, "index");
        this.blobs = Objects.requireNonNull(blobs, "blobs");
    }

    @GET
    @Path("studies/{study}/series/{series}/instances/{instance}/frames/{frames}")
    public Response frames(@PathParam("study") String study, @PathParam("series") String series,
            @PathParam("instance") String instance, @PathParam("frames") String frameList,
            @HeaderParam(HttpHeaders.ACCEPT) String accept) throws IOException {
        List<MediaRange> ranges = MediaRange.parseAccept(accept);
        List<Integer> numbers = parseFrameList(frameList);
        StoredInstanceRef ref = StoredInstances.find(index, study, series, instance);
        Frames frames = Frames.of(StoredObject.read(blobs, ref));
        for (int number : numbers) {
            if (number > frames.count()) {
                throw WadoErrors.notFound("frame " + number + " does not exist: instance " + instance + " has "
                        + frames.count() + (frames.count() == 1 ? " frame" : " frames"));
            }
        }
        FrameMediaTypes.Choice choice = FrameMediaTypes.choose(ranges, frames.storedSyntax(), frames.canDecode());
        String boundary = MultipartWriter.newBoundary();
        StreamingOutput body = out -> {
            MultipartWriter parts = new MultipartWriter(out, boundary);
            for (int number : numbers) {
                try {
                    parts.part(choice.partContentType(),
                            choice.decode() ? frames.uncompressed(number) : frames.stored(number));
                } catch (PixelDataException e) {
                    throw new IOException("frame " + number + " of instance " + instance + " could not be read: "
                            + e.getMessage() + "; response cut short", e);
                }
            }
            parts.finish();
        };
        return Response.ok(body, MultipartWriter.contentType(choice.partType(), boundary)).build();
    }

    /** "1,3,5" → [1, 3, 5]; 400 for anything but positive decimal frame numbers separated by commas. */
    static List<Integer> parseFrameList(String list) {
        List<Integer> numbers = new ArrayList<>();
        String[] items = list == null ? new String[0] : list.split(",", -1);
        if (items.length > MAX_LISTED_FRAMES) {
            throw WadoErrors.badRequest("the frame list names " + items.length + " frames; at most "
                    + MAX_LISTED_FRAMES + " may be asked for at once");
        }
        for (String item : items) {
            String trimmed = item.strip();
            if (trimmed.isEmpty() || trimmed.length() > 9 || !trimmed.chars().allMatch(c -> c >= '0' && c <= '9')
                    || Integer.parseInt(trimmed) == 0) {
                throw WadoErrors.badRequest("the frame list must be frame numbers from 1, separated by commas"
                        + " (e.g. 1,3,5)");
            }
            numbers.add(Integer.parseInt(trimmed));
        }
        return numbers;
    }
}
