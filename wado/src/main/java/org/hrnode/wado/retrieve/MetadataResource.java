package org.hrnode.wado.retrieve;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.hrnode.storage.index.Index;
import org.hrnode.storage.index.query.QueryLevel;
import org.hrnode.storage.metadata.InstanceMetadataIndex;
import org.hrnode.storage.metadata.InstanceMetadataIndex.InstanceMetadata;
import org.hrnode.storage.metadata.InstanceMetadataIndex.SeriesDocument;
import org.hrnode.wado.DicomWeb;

/**
 * WADO-RS metadata (PS3.18 §10.4.1.1.2) as {@code application/dicom+json}: the DICOM JSON of every instance of a
 * study, a series or one instance, bulk values and Pixel Data as absolute {@code BulkDataURI}s
 * ({@link InstanceJson}); or, asked for {@code multipart/related; type="application/dicom+xml"}, one Native DICOM
 * Model document per instance ({@link InstanceXml}), streamed part by part.
 *
 * <p>Series metadata, what viewers load for every series they open, is a pre-built gzip document
 * ({@link SeriesMetadataDocuments}): sent as it is to clients that accept gzip, inflated on the way out to those
 * that do not, with an ETag from the series generation so a client's cached copy is answered 304. Study and
 * instance metadata stream from the index row by row (gzip-compressed on the fly when accepted).
 */
@Path("/dicomweb")
public final class MetadataResource {

    static final String DICOM_JSON = "application/dicom+json";
    private static final int COPY_BUFFER = 64 * 1024;

    private final Index index;
    private final InstanceMetadataIndex metadata;
    private final SeriesMetadataDocuments seriesDocuments;

    MetadataResource(Index index, InstanceMetadataIndex metadata, SeriesMetadataDocuments seriesDocuments) {
        this.index = Objects.requireNonNull(index, "index");
        this.metadata = Objects.requireNonNull(metadata, "metadata");
        this.seriesDocuments = Objects.requireNonNull(seriesDocuments, "seriesDocuments");
    }

    @GET
    @Path("studies/{study}/metadata")
    public Response study(@PathParam("study") String study, @HeaderParam(HttpHeaders.ACCEPT) String accept,
            @HeaderParam(HttpHeaders.ACCEPT_ENCODING) String acceptEncoding, @Context UriInfo uri) {
        Uids.require(study, "Study Instance UID");
        boolean xml = xmlRequested(accept);
        if (index.instancesOf(QueryLevel.STUDY, study).isEmpty()) {
            throw WadoErrors.notFound("no study " + study + " is stored here");
        }
        String base = baseUri(uri);
        if (xml) {
            return xmlParts(visitor -> metadata.forEach(QueryLevel.STUDY, study, visitor), base);
        }
        return streamed(out -> {
            InstanceJson.ArrayWriter array = new InstanceJson.ArrayWriter(out, base);
            metadata.forEach(QueryLevel.STUDY, study, array::add);
            array.finish();
        }, ContentCoding.acceptsGzip(acceptEncoding));
    }

    @GET
    @Path("studies/{study}/series/{series}/metadata")
    public Response series(@PathParam("study") String study, @PathParam("series") String series,
            @HeaderParam(HttpHeaders.ACCEPT) String accept,
            @HeaderParam(HttpHeaders.ACCEPT_ENCODING) String acceptEncoding, @Context UriInfo uri,
            @Context Request request) throws IOException {
        Uids.require(study, "Study Instance UID");
        Uids.require(series, "Series Instance UID");
        if (xmlRequested(accept)) {
            boolean stored = index.instancesOf(QueryLevel.SERIES, series).stream()
                    .anyMatch(ref -> ref.studyInstanceUid().equals(study));
            if (!stored) {
                throw WadoErrors.notFound("no series " + series + " of study " + study + " is stored here");
            }
            return xmlParts(visitor -> metadata.forEach(QueryLevel.SERIES, series, visitor), baseUri(uri));
        }
        Optional<SeriesDocument> found = seriesDocuments.current(study, series, baseUri(uri));
        SeriesDocument document = found.orElseThrow(() -> WadoErrors.notFound("no series " + series + " of study "
                + study + " is stored here"));
        boolean gzip = ContentCoding.acceptsGzip(acceptEncoding);
        EntityTag tag = new EntityTag(document.generation() + "-" + document.jsonLength() + (gzip ? "-gzip" : ""));
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        if (notModified != null) {
            return notModified.header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING).build();
        }
        Response.ResponseBuilder response;
        if (gzip) {
            response = Response.ok(document.jsonGzip(), DICOM_JSON)
                    .header(HttpHeaders.CONTENT_ENCODING, ContentCoding.GZIP)
                    .header(HttpHeaders.CONTENT_LENGTH, document.jsonGzip().length);
        } else {
            StreamingOutput inflated = out -> {
                try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(document.jsonGzip()),
                        COPY_BUFFER)) {
                    in.transferTo(out);
                }
            };
            response = Response.ok(inflated, DICOM_JSON).header(HttpHeaders.CONTENT_LENGTH, document.jsonLength());
        }
        return response.tag(tag).header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING).build();
    }

    @GET
    @Path("studies/{study}/series/{series}/instances/{instance}/metadata")
    public Response instance(@PathParam("study") String study, @PathParam("series") String series,
            @PathParam("instance") String instance, @HeaderParam(HttpHeaders.ACCEPT) String accept,
            @HeaderParam(HttpHeaders.ACCEPT_ENCODING) String acceptEncoding, @Context UriInfo uri)
            throws IOException {
        boolean xml = xmlRequested(accept);
        StoredInstances.find(index, study, series, instance);
        InstanceMetadata[] found = new InstanceMetadata[1];
        metadata.forEach(QueryLevel.IMAGE, instance, m -> found[0] = m);
        if (found[0] == null) {
            throw WadoErrors.notFound("instance " + instance + " is no longer stored here");
        }
        String base = baseUri(uri);
        if (xml) {
            return xmlParts(visitor -> visitor.visit(found[0]), base);
        }
        return streamed(out -> {
            InstanceJson.ArrayWriter array = new InstanceJson.ArrayWriter(out, base);
            array.add(found[0]);
            array.finish();
        }, ContentCoding.acceptsGzip(acceptEncoding));
    }

    /** The DICOMweb base URI as this request reached it, without a trailing slash. */
    static String baseUri(UriInfo uri) {
        String base = uri.getBaseUri().toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + DicomWeb.BASE_PATH;
    }

    /**
     * Whether the client asks for XML (PS3.18 §8.7.3: {@code multipart/related; type="application/dicom+xml"}, one
     * part per instance) rather than DICOM JSON, the most preferred acceptable range deciding; 406 when it accepts
     * neither.
     */
    static boolean xmlRequested(String accept) {
        for (MediaRange range : MediaRange.parseAccept(accept)) {
            if (range.admits("application", "dicom+json") || range.admits("application", "json")) {
                return false;
            }
            if (range.type().equals("multipart") && range.subtype().equals("related")
                    && InstanceXml.DICOM_XML.equalsIgnoreCase(range.param(MediaRange.TYPE))) {
                return true;
            }
        }
        throw WadoErrors.notAcceptable("metadata is sent as " + DICOM_JSON + " or as multipart/related; type=\""
                + InstanceXml.DICOM_XML + "\"; the Accept header asks for neither");
    }

    @FunctionalInterface
    private interface Instances {
        void forEach(InstanceMetadataIndex.Visitor visitor) throws IOException;
    }

    /** One Native DICOM Model document per instance, each a part of a multipart/related body, streamed. */
    private static Response xmlParts(Instances instances, String base) {
        String boundary = MultipartWriter.newBoundary();
        StreamingOutput body = out -> {
            MultipartWriter parts = new MultipartWriter(out, boundary);
            instances.forEach(instance -> parts.part(InstanceXml.DICOM_XML, InstanceXml.of(instance, base)));
            parts.finish();
        };
        return Response.ok(body, MultipartWriter.contentType(InstanceXml.DICOM_XML, boundary)).build();
    }

    @FunctionalInterface
    private interface Body {
        void write(OutputStream out) throws IOException;
    }

    private static Response streamed(Body body, boolean gzip) {
        StreamingOutput output = out -> {
            if (gzip) {
                GZIPOutputStream compressed = new GZIPOutputStream(out, COPY_BUFFER);
                body.write(compressed);
                compressed.finish();
            } else {
                body.write(out);
            }
        };
        Response.ResponseBuilder response = Response.ok(output, DICOM_JSON)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
        if (gzip) {
            response.header(HttpHeaders.CONTENT_ENCODING, ContentCoding.GZIP);
        }
        return response.build();
    }
}
