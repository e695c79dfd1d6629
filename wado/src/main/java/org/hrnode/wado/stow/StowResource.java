package org.hrnode.wado.stow;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.hrnode.wado.DicomWeb;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * STOW-RS (PS3.18 §10.5): {@code POST /dicomweb/studies} and {@code POST /dicomweb/studies/{study}} with a
 * {@code multipart/related; type="application/dicom"} body, each part a Part 10 object handed to the node's ingest
 * path ({@link StowIngest}) as its bytes arrive. Parts are handled one after another; the response
 * ({@link StowResponse}) lists what was stored and what failed, and why.
 *
 * <p>Nothing is held whole in memory: the body is read through {@link MultipartRelatedReader}, and each part's data
 * set flows straight to the ingest path. A part counts as stored only when the ingest path returned
 * {@link StowResult.Stored} (durable); a request that breaks off leaves the parts before it stored and listed, and
 * nothing of the broken part.
 */
@Path(DicomWeb.BASE_PATH)
public final class StowResource {

    static final String DICOM_JSON = "application/dicom+json";
    /** A study UID in a path: digits and dots, at most 64 characters (PS3.5 §9.1); anything else is refused. */
    private static final Pattern UID = Pattern.compile("[0-9]+(\\.[0-9]+)*");
    private static final int MAX_UID_LENGTH = 64;
    /** Encodings under which a part's body is its bytes as they are. */
    private static final Set<String> IDENTITY_ENCODINGS = Set.of("binary", "8bit", "7bit");
    private static final Logger LOG = LoggerFactory.getLogger(StowResource.class);

    private final StowIngest ingest;

    public StowResource(StowIngest ingest) {
        this.ingest = Objects.requireNonNull(ingest, "ingest");
    }

    @POST
    @Path("studies")
    public Response storeInstances(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @Context UriInfo uri, InputStream body) {
        return store(contentType, Optional.empty(), uri, body);
    }

    @POST
    @Path("studies/{study}")
    public Response storeStudyInstances(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @PathParam("study") String study, @Context UriInfo uri, InputStream body) {
        if (study.length() > MAX_UID_LENGTH || !UID.matcher(study).matches()) {
            return plain(400, "the study in the path is not a UID (digits and dots, at most 64 characters)");
        }
        return store(contentType, Optional.of(study), uri, body);
    }

    private Response store(String contentType, Optional<String> study, UriInfo uri, InputStream body) {
        if (ingest == StowIngest.READ_ONLY) {
            return plain(405, "this DICOMweb service is read-only: it stores nothing");
        }
        StowContentType type;
        try {
            type = StowContentType.parse(contentType);
        } catch (StowContentType.Rejected e) {
            return plain(e.status(), e.getMessage());
        }
        URI base = uri.getBaseUriBuilder().path(DicomWeb.BASE_PATH).build();
        StowResponse response = new StowResponse(base, study);
        MultipartRelatedReader reader = new MultipartRelatedReader(body, type.boundary());
        try {
            for (Optional<MultipartPart> next = reader.next(); next.isPresent(); next = reader.next()) {
                MultipartPart part = next.get();
                StowResult result = storePart(part, study);
                Optional<MalformedMultipartException> broken = reader.failure();
                if (broken.isPresent()) {
                    // the part's stream failed under the ingest path: whatever it answered, the cause is the request
                    response.add(part.number(), failedBecauseBroken(result, broken.get()));
                    response.malformed(broken.get().getMessage());
                    break;
                }
                response.add(part.number(), result);
                if (result instanceof StowResult.Failed f && f.storageUnavailable()) {
                    break;
                }
            }
        } catch (MalformedMultipartException e) {
            response.malformed(e.getMessage());
        } catch (IOException e) {
            // the client went away or the connection failed: no one is left to read an answer, but log what was kept
            response.malformed("the request body could not be read: " + e.getMessage());
        }
        LOG.info("event=stow parts={} stored={} failed={} status={} study_scoped={}", reader.partsStarted(),
                response.storedCount(), response.failedCount(), response.status(), study.isPresent());
        Response.ResponseBuilder answer = Response.status(response.status()).type(DICOM_JSON).entity(response.json());
        for (String warning : response.warnings()) {
            answer.header("Warning", warning);
        }
        return answer.build();
    }

    private StowResult storePart(MultipartPart part, Optional<String> study) throws IOException {
        Optional<String> partType = part.header("content-type")
                .map(t -> t.split(";", 2)[0].strip().toLowerCase(Locale.ROOT));
        if (partType.isPresent() && !partType.get().equals(StowContentType.APPLICATION_DICOM)) {
            return StowResult.Failed.of(null, null, FailureReasons.CANNOT_UNDERSTAND,
                    "Content-Type " + partType.get() + " is not supported: each part must be application/dicom");
        }
        Optional<String> encoding = part.header("content-transfer-encoding")
                .map(e -> e.strip().toLowerCase(Locale.ROOT));
        if (encoding.isPresent() && !IDENTITY_ENCODINGS.contains(encoding.get())) {
            return StowResult.Failed.of(null, null, FailureReasons.CANNOT_UNDERSTAND,
                    "Content-Transfer-Encoding " + encoding.get() + " is not supported: send the bytes as binary");
        }
        Part10Part object;
        try {
            object = Part10Part.read(part.body());
        } catch (Part10Part.NotPart10 e) {
            return StowResult.Failed.of(null, null, FailureReasons.CANNOT_UNDERSTAND, e.getMessage());
        }
        return ingest.store(object.instance(), object.dataSet(), study);
    }

    private static StowResult.Failed failedBecauseBroken(StowResult result, MalformedMultipartException broken) {
        String sopClass = null;
        String sopInstance = null;
        if (result instanceof StowResult.Failed f) {
            sopClass = f.sopClassUid();
            sopInstance = f.sopInstanceUid();
        } else if (result instanceof StowResult.Stored s) {
            // cannot happen when the ingest path honours its contract (a failed read stores nothing); say so if it does
            throw new IllegalStateException("ingest reported " + s.sopInstanceUid() + " stored from a broken part");
        }
        return StowResult.Failed.of(sopClass, sopInstance, FailureReasons.CANNOT_UNDERSTAND,
                "nothing stored: " + broken.getMessage());
    }

    private static Response plain(int status, String reason) {
        return Response.status(status).type("text/plain; charset=UTF-8").entity(reason + "\n")
                .header("Warning", "299 " + StowResponse.WARN_AGENT + " \"" + reason.replace("\"", "'") + "\"")
                .build();
    }
}
