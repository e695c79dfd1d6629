package org.hrnode.wado.retrieve;

import java.util.List;
import org.hrnode.wado.DicomWebContext;

/** WADO-RS retrieval: instances, metadata, frames and bulk data, as Jakarta REST resources under /dicomweb. */
public final class WadoRs {

    private WadoRs() {
    }

    public static List<Object> resources(DicomWebContext context) {
        return List.of(
                new RetrieveResource(context.index(), context.blobs()),
                new MetadataResource(context.index(), context.metadata()),
                new FramesResource(context.index(), context.blobs()),
                new BulkDataResource(context.index(), context.blobs()));
    }
}
