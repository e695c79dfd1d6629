package org.hrnode.wado;

import java.util.ArrayList;
import java.util.List;
import org.hrnode.wado.cors.CorsFilter;
import org.hrnode.wado.qido.QidoResource;
import org.hrnode.wado.qido.QidoSearch;
import org.hrnode.wado.retrieve.WadoRs;
import org.hrnode.wado.stow.StowResource;
import org.hrnode.wado.render.RenderedResource;
import org.hrnode.wado.uri.WadoUriResource;

/**
 * The DICOMweb service as Jakarta REST resources and providers, rooted at {@value #BASE_PATH}: what the node's HTTP
 * server deploys. Everything it reads and writes goes through {@link DicomWebContext}, so this module knows the index
 * and blob store but not how the node ingests or grades studies.
 */
public final class DicomWeb {

    /** Where the service lives on the node's HTTP port. */
    public static final String BASE_PATH = "/dicomweb";
    /**
     * Where STOW-RS takes uploads ({@code POST studies} and {@code POST studies/{study}}): request bodies of any size,
     * streamed, so the HTTP server must not cap them.
     */
    public static final String STOW_PATH = BASE_PATH + "/studies";

    private DicomWeb() {
    }

    /** The resources and providers serving DICOMweb over {@code context}. */
    public static List<Object> resources(DicomWebContext context) {
        List<Object> resources = new ArrayList<>();
        resources.add(new QidoResource(new QidoSearch(context.index(), context.settings().qidoMaxResults())));
        resources.addAll(WadoRs.resources(context));
        resources.add(new StowResource(context.stow()));
        resources.add(new RenderedResource(context));
        resources.add(new WadoUriResource(context));
        if (!context.settings().corsAllowedOrigins().isEmpty()) {
            resources.add(new CorsFilter(context.settings().corsAllowedOrigins()));
        }
        return List.copyOf(resources);
    }
}
