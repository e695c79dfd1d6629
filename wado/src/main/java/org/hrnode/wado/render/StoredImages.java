package org.hrnode.wado.render;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.hrnode.dicom.codec.PixelDataException;
import org.hrnode.dicom.io.DicomFile;
import org.hrnode.dicom.io.DicomParseException;
import org.hrnode.dicom.io.DicomReader;
import org.hrnode.dicom.io.ReadOptions;
import org.hrnode.storage.blob.BlobNotFoundException;
import org.hrnode.storage.blob.BlobStore;
import org.hrnode.storage.blob.BlobStoreUnavailableException;
import org.hrnode.storage.index.Index;
import org.hrnode.storage.index.StoredInstanceRef;
import org.hrnode.storage.index.query.QueryLevel;

/**
 * Finds stored instances by the UIDs of a rendered, thumbnail or WADO-URI request and reads them. UIDs are checked
 * before they reach the index (PS3.5 §9.1: digits and dots, at most 64), so a path-traversal or injection attempt is
 * a 400 that names the parameter, and an unknown instance — or one that is not in the study and series named — a
 * 404. Failures are {@link WebApplicationException}s carrying the status and a reason.
 *
 * <p>{@link #render} reads only the header and the frame it renders ({@link StoredFrameReader}), so a frame of a
 * large multi-frame object costs one frame of memory; deflated objects, which cannot be addressed by offset, are
 * read whole.
 */
public final class StoredImages {

    private static final Pattern UID = Pattern.compile("[0-9]+(\\.[0-9]+)*");
    private static final int MAX_UID_LENGTH = 64;
    private static final int READ_BUFFER = 64 * 1024;
    /** How many series or instances a study thumbnail tries before concluding there is no image to show. */
    private static final int MAX_THUMBNAIL_CANDIDATES = 8;

    private final Index index;
    private final BlobStore blobs;
    private final Renderer renderer = new Renderer();

    public StoredImages(Index index, BlobStore blobs) {
        this.index = index;
        this.blobs = blobs;
    }

    /** Throws 400 unless {@code uid} is a well-formed UID; {@code parameter} names it in the message. */
    public static String requireUid(String uid, String parameter) {
        if (uid == null || uid.isEmpty()) {
            throw new WebApplicationException(parameter + " is required", Response.Status.BAD_REQUEST);
        }
        if (uid.length() > MAX_UID_LENGTH || !UID.matcher(uid).matches()) {
            throw new WebApplicationException(parameter + " is not a DICOM UID (digits and dots, at most "
                    + MAX_UID_LENGTH + " characters)", Response.Status.BAD_REQUEST);
        }
        return uid;
    }

    /** The instance, which must belong to the study and series named; 404 otherwise. */
    public StoredInstanceRef instance(String study, String series, String instance) {
        requireUid(study, "Study Instance UID");
        requireUid(series, "Series Instance UID");
        requireUid(instance, "SOP Instance UID");
        return index.instancesOf(QueryLevel.IMAGE, instance).stream()
                .filter(ref -> ref.studyInstanceUid().equals(study) && ref.seriesInstanceUid().equals(series))
                .findFirst()
                .orElseThrow(() -> notFound("no instance " + instance + " in series " + series + " of study "
                        + study));
    }

    /**
     * The instances whose images may represent a series (PS3.18 §10.4.1.1.4: "a representative image"): the
     * middle one by instance number first, then the others from the middle outwards.
     */
    public List<StoredInstanceRef> seriesCandidates(String study, String series) {
        return middleOutwards(seriesInstances(study, series));
    }

    /** Every instance of the series, by instance number; 404 when there is none. */
    public List<StoredInstanceRef> seriesInstances(String study, String series) {
        requireUid(study, "Study Instance UID");
        requireUid(series, "Series Instance UID");
        List<StoredInstanceRef> instances = index.instancesOf(QueryLevel.SERIES, series).stream()
                .filter(ref -> ref.studyInstanceUid().equals(study)).toList();
        if (instances.isEmpty()) {
            throw notFound("no series " + series + " in study " + study);
        }
        return instances;
    }

    /** Every instance of the study, by series and instance number; 404 when there is none. */
    public List<StoredInstanceRef> studyInstances(String study) {
        requireUid(study, "Study Instance UID");
        List<StoredInstanceRef> instances = index.instancesOf(QueryLevel.STUDY, study);
        if (instances.isEmpty()) {
            throw notFound("no study " + study);
        }
        return instances;
    }

    /** For a study: the middle instance of each series, series in order, then nothing else. */
    public List<StoredInstanceRef> studyCandidates(String study) {
        requireUid(study, "Study Instance UID");
        Map<String, List<StoredInstanceRef>> bySeries = new LinkedHashMap<>();
        for (StoredInstanceRef ref : index.instancesOf(QueryLevel.STUDY, study)) {
            bySeries.computeIfAbsent(ref.seriesInstanceUid(), s -> new ArrayList<>()).add(ref);
        }
        if (bySeries.isEmpty()) {
            throw notFound("no study " + study);
        }
        return bySeries.values().stream().map(list -> list.get(list.size() / 2)).limit(MAX_THUMBNAIL_CANDIDATES)
                .toList();
    }

    private static List<StoredInstanceRef> middleOutwards(List<StoredInstanceRef> instances) {
        List<StoredInstanceRef> order = new ArrayList<>();
        int middle = instances.size() / 2;
        for (int step = 0; order.size() < Math.min(instances.size(), MAX_THUMBNAIL_CANDIDATES); step++) {
            if (middle + step < instances.size()) {
                order.add(instances.get(middle + step));
            }
            if (step > 0 && middle - step >= 0) {
                order.add(instances.get(middle - step));
            }
        }
        return order;
    }

    /** The request's frame of the stored object, rendered. */
    public byte[] render(StoredInstanceRef ref, RenderRequest request, boolean hrMark)
            throws NotRenderableException {
        try {
            Optional<StoredFrameReader.Frame> frame = StoredFrameReader.read(blobs, ref.blobKey(), ref.size(),
                    request.frameNumber());
            if (frame.isPresent()) {
                StoredFrameReader.Frame f = frame.get();
                return renderer.renderFrame(f.header(), f.syntax(), f.bytes(), request, hrMark);
            }
        } catch (DicomParseException e) {
            throw unparsable(ref, e);
        } catch (PixelDataException e) {
            throw new NotRenderableException("frame " + request.frameNumber() + " cannot be read: "
                    + e.getMessage(), e);
        } catch (IOException e) {
            throw storageFailure(ref, e);
        }
        DicomFile whole = read(ref);
        return renderer.render(whole.dataset(), whole.transferSyntax(), request, hrMark);
    }

    /** The stored object, parsed. */
    public DicomFile read(StoredInstanceRef ref) {
        try (InputStream in = open(ref)) {
            return new DicomReader(new BufferedInputStream(in, READ_BUFFER), ref.size(), ReadOptions.defaults())
                    .read();
        } catch (DicomParseException e) {
            throw unparsable(ref, e);
        } catch (IOException e) {
            throw storageFailure(ref, e);
        }
    }

    private static WebApplicationException unparsable(StoredInstanceRef ref, DicomParseException e) {
        return new WebApplicationException("stored object " + ref.sopInstanceUid() + " does not parse: "
                + e.getMessage(), e, Response.Status.INTERNAL_SERVER_ERROR);
    }

    /** The stored bytes, as they were stored; the caller closes the stream. */
    public InputStream open(StoredInstanceRef ref) {
        try {
            return blobs.get(ref.blobKey());
        } catch (IOException e) {
            throw storageFailure(ref, e);
        }
    }

    /** What an I/O failure on a stored object means to the caller: gone (404), try later (503), or 500. */
    public static WebApplicationException storageFailure(StoredInstanceRef ref, IOException e) {
        if (e instanceof BlobNotFoundException) {
            return new WebApplicationException("instance " + ref.sopInstanceUid() + " is indexed but its stored "
                    + "object is missing", e, Response.Status.NOT_FOUND);
        }
        if (e instanceof BlobStoreUnavailableException) {
            return new WebApplicationException("storage is unavailable; try again later (" + e.getMessage() + ")",
                    e, Response.Status.SERVICE_UNAVAILABLE);
        }
        return new WebApplicationException("reading instance " + ref.sopInstanceUid() + " failed: "
                + e.getMessage(), e, Response.Status.INTERNAL_SERVER_ERROR);
    }

    private static WebApplicationException notFound(String message) {
        return new WebApplicationException(message, Response.Status.NOT_FOUND);
    }
}
