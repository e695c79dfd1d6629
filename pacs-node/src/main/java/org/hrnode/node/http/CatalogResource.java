package org.hrnode.node.http;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.hrnode.aiqc.catalog.CatalogItem;
import org.hrnode.aiqc.catalog.InstitutionMappings;
import org.hrnode.aiqc.catalog.View;
import org.hrnode.dicom.json.DicomJsonException;
import org.hrnode.node.catalog.CatalogMatchResult;
import org.hrnode.node.catalog.CatalogService;
import org.hrnode.storage.catalog.CatalogMapping;

/**
 * The 川渝 catalogue and exam matching ({@code docs/QC.md}, "Catalogue matching"):
 * <ul>
 *   <li>{@code GET /api/qc/catalog}: the 141 items, normalised;</li>
 *   <li>{@code POST /api/qc/catalog/match[?institution=CODE]}: body a DICOM JSON array of a study's instance
 *       headers; the item(s) it is, with confidence and explanation; the institution's mapping table first;</li>
 *   <li>{@code GET|PUT|DELETE /api/qc/catalog/mappings/{institution}}: an institution's whole mapping table (PUT
 *       replaces it with {@code [{"localKey":"…","items":[N…]}…]});</li>
 *   <li>{@code GET|PUT|DELETE /api/qc/catalog/mappings/{institution}/{localKey}}: one entry (PUT body
 *       {@code {"items":[N…]}}).</li>
 * </ul>
 * Local keys are compared and stored normalised (NFKC, trimmed, upper case); 400 for bad bodies or item numbers
 * outside the catalogue, 404 for entries that do not exist.
 */
@Path("/api/qc/catalog")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public final class CatalogResource {

    /** One item as the API shows it. */
    public record ItemJson(int no, String name, String modality, String section, String region, String regionZh,
                           String side, List<String> views, List<String> viewsZh, String posture, String contrast,
                           String population, boolean mammography, boolean requiresLaterality,
                           int minimumImages) {

        static ItemJson of(CatalogItem i) {
            return new ItemJson(i.no(), i.name(), i.modality().label(), i.section(), i.region().key(),
                    i.region().zh(), i.side().name(), i.views().stream().map(View::name).toList(),
                    i.views().stream().map(View::zh).toList(), i.posture().name(), i.contrast().name(),
                    i.population().name(), i.mammography(), i.requiresLaterality(), i.minimumImages());
        }
    }

    /** One entry of a mapping table. */
    public record MappingJson(String localKey, List<Integer> items) {

        static MappingJson of(CatalogMapping m) {
            return new MappingJson(m.localKey(), m.items());
        }
    }

    /** The body of a PUT of one entry. */
    public record ItemsJson(List<Integer> items) {
    }

    private final CatalogService service;

    public CatalogResource(CatalogService service) {
        this.service = Objects.requireNonNull(service, "service");
    }

    @GET
    public List<ItemJson> items() {
        return service.catalog().items().stream().map(ItemJson::of).toList();
    }

    @POST
    @Path("/match")
    @Consumes({MediaType.APPLICATION_JSON, "application/dicom+json"})
    public Response match(@QueryParam("institution") String institution, InputStream body) throws IOException {
        try {
            return Response.ok(CatalogMatchResult.of(service.match(body, institution))).build();
        } catch (DicomJsonException e) {
            return ApiError.response(Response.Status.BAD_REQUEST, "the body must be a DICOM JSON array of the"
                    + " study's instance headers: " + e.getMessage());
        }
    }

    @GET
    @Path("/mappings/{institution}")
    public List<MappingJson> mappings(@PathParam("institution") String institution) {
        return service.mappings(institution).stream().map(MappingJson::of).toList();
    }

    @PUT
    @Path("/mappings/{institution}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response replace(@PathParam("institution") String institution, List<MappingJson> table) {
        if (table == null) {
            return ApiError.response(Response.Status.BAD_REQUEST,
                    "the body must be a JSON array of {\"localKey\":\"…\",\"items\":[N…]}");
        }
        Map<String, List<Integer>> entries = new LinkedHashMap<>();
        for (MappingJson m : table) {
            if (m == null || m.localKey() == null || entries.putIfAbsent(m.localKey(), m.items()) != null) {
                return ApiError.response(Response.Status.BAD_REQUEST, "every entry needs a localKey, once: "
                        + (m == null ? "null" : m.localKey()));
            }
        }
        try {
            return Response.ok(service.replace(institution, entries).stream().map(MappingJson::of).toList())
                    .build();
        } catch (IllegalArgumentException e) {
            return ApiError.response(Response.Status.BAD_REQUEST, e.getMessage());
        }
    }

    @DELETE
    @Path("/mappings/{institution}")
    public Map<String, Integer> removeAll(@PathParam("institution") String institution) {
        return Map.of("removed", service.removeAll(institution));
    }

    @GET
    @Path("/mappings/{institution}/{localKey}")
    public Response mapping(@PathParam("institution") String institution, @PathParam("localKey") String localKey) {
        String key = InstitutionMappings.normaliseKey(localKey);
        return service.mappings(institution).stream().filter(m -> m.localKey().equals(key)).findFirst()
                .map(m -> Response.ok(MappingJson.of(m)).build())
                .orElseGet(() -> notMapped(institution, localKey));
    }

    @PUT
    @Path("/mappings/{institution}/{localKey}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response put(@PathParam("institution") String institution, @PathParam("localKey") String localKey,
            ItemsJson body) {
        if (body == null || body.items() == null) {
            return ApiError.response(Response.Status.BAD_REQUEST, "the body must be {\"items\":[N…]}");
        }
        try {
            return Response.ok(MappingJson.of(service.put(institution, localKey, body.items()))).build();
        } catch (IllegalArgumentException e) {
            return ApiError.response(Response.Status.BAD_REQUEST, e.getMessage());
        }
    }

    @DELETE
    @Path("/mappings/{institution}/{localKey}")
    public Response remove(@PathParam("institution") String institution, @PathParam("localKey") String localKey) {
        return service.remove(institution, localKey) ? Response.noContent().build()
                : notMapped(institution, localKey);
    }

    private static Response notMapped(String institution, String localKey) {
        return ApiError.response(Response.Status.NOT_FOUND, "institution " + institution + " has no mapping for '"
                + localKey + "'");
    }
}
