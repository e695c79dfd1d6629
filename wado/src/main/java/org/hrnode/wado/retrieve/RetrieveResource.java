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
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.hrnode.dicom.codec.PixelDataException;
import org.hrnode.dicom.data.TransferSyntax;
import org.hrnode.storage.blob.BlobStore;
import org.hrnode.storage.index.Index;
import org.hrnode.storage.index.StoredInstanceRef;
import org.hrnode.storage.index.query.QueryLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * WADO-RS retrieval of whole instances (PS3.18 §10.4): a study, a series or one instance as
 * {@code multipart/related; type="application/dicom"}, one Part 10 object per part, each part's Content-Type naming
 * its transfer syntax.
 *
 * <p>Which syntax each instance goes out in is decided before the first byte is written ({@link InstanceSyntaxes}),
 * so a request nothing can satisfy is a clean 406 rather than a broken stream. Stored bytes whose syntax is accepted
 * are copied from the blob store as they are read; others are transcoded one instance at a time. If transcoding one
 * fails (a frame its encoder cannot take), the next acceptable syntax is tried; when none is left the response is
 * cut off without its closing delimiter, which a multipart parser reports as truncated.
 */
@Path("/dicomweb")
public final class RetrieveResource {

    private static final Logger LOG = LoggerFactory.getLogger(RetrieveResource.class);
    private static final String DICOM = "application/dicom";

    private final Index index;
    private final BlobStore blobs;

    public RetrieveResource(Index index, BlobStore blobs) {
        this.index = Objects.requireNonNull(index, "index");
        this.blobs = Objects.requireNonNull(blobs, "blobs");
    }

    @GET
    @Path("studies/{study}")
    public Response study(@PathParam("study") String study, @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        Uids.require(study, "Study Instance UID");
        List<StoredInstanceRef> refs = index.instancesOf(QueryLevel.STUDY, study);
        if (refs.isEmpty()) {
            throw WadoErrors.notFound("no study " + study + " is stored here");
        }
        return send(refs, accept);
    }

    @GET
    @Path("studies/{study}/series/{series}")
    public Response series(@PathParam("study") String study, @PathParam("series") String series,
            @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        Uids.require(study, "Study Instance UID");
        Uids.require(series, "Series Instance UID");
        List<StoredInstanceRef> refs = index.instancesOf(QueryLevel.SERIES, series).stream()
                .filter(r -> r.studyInstanceUid().equals(study)).toList();
        if (refs.isEmpty()) {
            throw WadoErrors.notFound("no series " + series + " of study " + study + " is stored here");
        }
        return send(refs, accept);
    }

    @GET
    @Path("studies/{study}/series/{series}/instances/{instance}")
    public Response instance(@PathParam("study") String study, @PathParam("series") String series,
            @PathParam("instance") String instance, @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        return send(List.of(StoredInstances.find(index, study, series, instance)), accept);
    }

    private Response send(List<StoredInstanceRef> refs, String accept) {
        InstanceSyntaxes syntaxes = InstanceSyntaxes.fromAccept(MediaRange.parseAccept(accept));
        List<List<TransferSyntax>> plan = new ArrayList<>(refs.size());
        for (StoredInstanceRef ref : refs) {
            List<TransferSyntax> candidates = syntaxes.candidates(ref);
            if (candidates.isEmpty()) {
                throw WadoErrors.notAcceptable("instance " + ref.sopInstanceUid() + " is stored in "
                        + ref.transferSyntaxUid() + " and cannot be sent in any accepted transfer syntax "
                        + syntaxes.accepted() + " without loss; accept transfer-syntax=* or "
                        + TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid());
            }
            plan.add(candidates);
        }
        String boundary = MultipartWriter.newBoundary();
        StreamingOutput body = out -> write(refs, plan, out, boundary);
        Response.ResponseBuilder response = Response.ok(body, MultipartWriter.contentType(DICOM, boundary));
        if (allAsStored(refs, plan)) {
            // every part's length is known from the index: the client gets a Content-Length (progress, no chunking)
            long length = MultipartWriter.closingLength(boundary);
            for (int i = 0; i < refs.size(); i++) {
                length += MultipartWriter.partLength(boundary, partType(plan.get(i).getFirst()), refs.get(i).size());
            }
            response.header(HttpHeaders.CONTENT_LENGTH, length);
            if (refs.size() == 1) {
                response.tag(refs.getFirst().sha256());
            }
        }
        return response.build();
    }

    private static boolean allAsStored(List<StoredInstanceRef> refs, List<List<TransferSyntax>> plan) {
        for (int i = 0; i < refs.size(); i++) {
            if (!isStored(refs.get(i), plan.get(i).getFirst())) {
                return false;
            }
        }
        return true;
    }

    private static boolean isStored(StoredInstanceRef ref, TransferSyntax ts) {
        return ts.uid().equals(TransferSyntax.orDefault(ref.transferSyntaxUid()).uid());
    }

    private void write(List<StoredInstanceRef> refs, List<List<TransferSyntax>> plan, OutputStream out,
            String boundary) throws IOException {
        MultipartWriter parts = new MultipartWriter(out, boundary);
        for (int i = 0; i < refs.size(); i++) {
            writeInstance(parts, refs.get(i), plan.get(i));
        }
        parts.finish();
    }

    private void writeInstance(MultipartWriter parts, StoredInstanceRef ref, List<TransferSyntax> candidates)
            throws IOException {
        for (TransferSyntax ts : candidates) {
            if (isStored(ref, ts)) {
                try (InputStream in = blobs.get(ref.blobKey())) {
                    parts.part(partType(ts), ref.size(), in);
                }
                return;
            }
            try (InputStream in = blobs.get(ref.blobKey())) {
                parts.part(partType(ts), Transcoding.toPart10(in, ts));
                return;
            } catch (PixelDataException e) {
                LOG.warn("event=wado_transcode_failed sop_instance_uid={} from={} to={} reason=\"{}\"",
                        ref.sopInstanceUid(), ref.transferSyntaxUid(), ts.uid(), e.getMessage());
            }
        }
        throw new IOException("instance " + ref.sopInstanceUid() + " could not be transcoded to any accepted"
                + " transfer syntax; response cut short");
    }

    private static String partType(TransferSyntax ts) {
        return DICOM + "; transfer-syntax=" + ts.uid();
    }
}
