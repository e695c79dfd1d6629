package org.hrnode.wado.retrieve;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.zip.GZIPOutputStream;
import org.hrnode.storage.metadata.InstanceMetadataIndex;
import org.hrnode.storage.metadata.InstanceMetadataIndex.SeriesDocument;
import org.hrnode.storage.metadata.InstanceMetadataIndex.SeriesState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Series metadata from pre-built documents: the JSON array of a series' instances, gzip-compressed, kept in the
 * index (V8) with the series generation it was built from. A request finds the current document and copies it;
 * when the series changed since (an instance arrived, was replaced or compressed, which bumps the generation in
 * the same transaction), it is rebuilt from one snapshot of the index and kept: ahead of any request once the series
 * has been quiet for a moment after the change ({@link #refresh}), or by the first request that finds it stale. A
 * series being filled by a modality is thus rebuilt after its last instance, never once per arriving instance.
 *
 * <p>Documents are built per DICOMweb base URI because their BulkDataURIs are absolute; a node reached under one
 * name keeps one document per series.
 */
final class SeriesMetadataDocuments {

    private static final Logger LOG = LoggerFactory.getLogger(SeriesMetadataDocuments.class);

    private final InstanceMetadataIndex metadata;
    /**
     * The base URI the last served document was built for: what a settled series is rebuilt for. One, because the
     * index keeps one document per series (a node reached under two names rebuilds as requests alternate), and
     * only from served documents, so a request with an invented Host header cannot make the node build for it.
     */
    private volatile String lastBaseUri;

    SeriesMetadataDocuments(InstanceMetadataIndex metadata) {
        this.metadata = Objects.requireNonNull(metadata, "metadata");
    }

    /**
     * Rebuilds the series' documents for the base URIs clients use, unless they are current: called when a series
     * has settled after a change ({@link InstanceMetadataIndex#whenSeriesSettle}), so that the first viewer finds
     * the document ready. A failure is logged; the next request builds instead.
     */
    void refresh(String series) {
        String baseUri = lastBaseUri;
        if (baseUri == null) {
            return;
        }
        try {
            Optional<SeriesState> state = metadata.seriesState(series, baseUri);
            if (state.isPresent() && state.get().document() == null) {
                build(series, baseUri);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("event=series_metadata_prebuild_failed series_instance_uid={} reason=\"{}\"", series,
                    e.getMessage());
        }
    }

    /** The current document of the series in that study, built if needed; empty when no such series is stored. */
    Optional<SeriesDocument> current(String study, String series, String baseUri) throws IOException {
        Optional<SeriesState> state = metadata.seriesState(series, baseUri);
        if (state.isEmpty() || !state.get().studyInstanceUid().equals(study)) {
            return Optional.empty();
        }
        Optional<SeriesDocument> document = state.get().document() != null ? Optional.of(state.get().document())
                : build(series, baseUri);
        if (document.isPresent()) {
            lastBaseUri = baseUri;
        }
        return document;
    }

    private Optional<SeriesDocument> build(String series, String baseUri) throws IOException {
        long started = System.nanoTime();
        ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
        long jsonLength;
        OptionalLong generation;
        int instances;
        try (GZIPOutputStream gzip = new GZIPOutputStream(gzipped, 64 * 1024)) {
            InstanceJson.ArrayWriter array = new InstanceJson.ArrayWriter(gzip, baseUri);
            generation = metadata.forEachInSeries(series, array::add);
            jsonLength = array.finish();
            instances = array.count();
        }
        if (generation.isEmpty() || instances == 0) {
            return Optional.empty();
        }
        SeriesDocument document = new SeriesDocument(generation.getAsLong(), baseUri, gzipped.toByteArray(),
                jsonLength);
        boolean kept = metadata.storeSeriesDocument(series, document);
        LOG.debug("event=series_metadata_built series_instance_uid={} instances={} json_bytes={} gzip_bytes={} "
                + "kept={} ms={}", series, instances, jsonLength, document.jsonGzip().length, kept,
                (System.nanoTime() - started) / 1_000_000);
        return Optional.of(document);
    }
}
