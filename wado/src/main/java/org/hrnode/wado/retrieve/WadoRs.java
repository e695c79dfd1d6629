package org.hrnode.wado.retrieve;

import java.util.List;
import org.hrnode.wado.DicomWebContext;

/** WADO-RS retrieval: instances, metadata, frames and bulk data, as Jakarta REST resources under /dicomweb. */
public final class WadoRs {

    private WadoRs() {
    }

    /**
     * The resources; also subscribes the series metadata documents to settled series, so they are rebuilt before
     * they are asked for (the subscription ends when the context's metadata index is closed).
     */
    public static List<Object> resources(DicomWebContext context) {
        SeriesMetadataDocuments documents = new SeriesMetadataDocuments(context.metadata());
        context.metadata().whenSeriesSettle(documents::refresh);
        return List.of(
                new RetrieveResource(context.index(), context.blobs()),
                new MetadataResource(context.index(), context.metadata(), documents),
                new FramesResource(context.index(), context.blobs()),
                new BulkDataResource(context.index(), context.blobs()));
    }
}
