package org.hrnode.wado;

import java.util.ArrayList;
import java.util.List;
import org.hrnode.wado.qido.QidoResource;
import org.hrnode.wado.qido.QidoSearch;
import org.hrnode.wado.retrieve.WadoRs;

/**
 * The DICOMweb service as Jakarta REST resources and providers, rooted at {@value #BASE_PATH}: what the node's HTTP
 * server deploys. Everything it reads and writes goes through {@link DicomWebContext}, so this module knows the index
 * and blob store but not how the node ingests or grades studies.
 */
public final class DicomWeb {

    /** Where the service lives on the node's HTTP port. */
    public static final String BASE_PATH = "/dicomweb";

    private DicomWeb() {
    }

    /** The resources and providers serving DICOMweb over {@code context}. */
    public static List<Object> resources(DicomWebContext context) {
        List<Object> resources = new ArrayList<>();
        resources.add(new QidoResource(new QidoSearch(context.index(), context.settings().qidoMaxResults())));
        resources.addAll(WadoRs.resources(context));
        return List.copyOf(resources);
    }
}
