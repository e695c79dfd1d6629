package org.hrnode.node.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.hrnode.storage.qc.InstitutionRecognitions;
import org.hrnode.storage.qc.RecognitionEntry;

/**
 * The recognition registry: which catalogue items each institution is recognised for (an HR eligibility condition).
 * <ul>
 *   <li>{@code GET /api/qc/recognition}: the institutions with entries.</li>
 *   <li>{@code GET /api/qc/recognition/{institution}}: its entries; 404 when it has none.</li>
 *   <li>{@code PUT /api/qc/recognition/{institution}} with {@code {"items":[{"no":1,"from":"2025-01-01",
 *       "until":null}]}}: replaces its entries ({@code from} is required; {@code until} null or absent =
 *       open-ended); 400 naming what is wrong.</li>
 *   <li>{@code DELETE /api/qc/recognition/{institution}}: removes them; 204, or 404 when it had none.</li>
 * </ul>
 * Changes apply to studies judged afterwards; studies already judged keep their result until judged again.
 */
@Path("/api/qc/recognition")
@Produces(MediaType.APPLICATION_JSON + ";charset=UTF-8")
public final class RecognitionResource {

    /** Items of the 川渝 catalogue (spec Appendix A: DR 66, CT 49, MR 26). */
    public static final int CATALOGUE_ITEMS = 141;

    /** One entry as the API reads and writes it; {@code until} null = open-ended. */
    public record Item(int no, LocalDate from, LocalDate until) {
    }

    /** An institution's entries. */
    public record Institution(String institution, List<Item> items) {
    }

    private final InstitutionRecognitions registry;
    private final ObjectMapper json = new ObjectMapper();

    public RecognitionResource(InstitutionRecognitions registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    @GET
    public Map<String, List<String>> institutions() {
        return Map.of("institutions", registry.institutions());
    }

    @GET
    @Path("/{institution}")
    public Response get(@PathParam("institution") String institution) {
        List<RecognitionEntry> entries = registry.of(institution);
        if (entries.isEmpty()) {
            return ApiError.response(Response.Status.NOT_FOUND, "institution '" + institution
                    + "' is recognised for no catalogue item; PUT its items to register them");
        }
        return Response.ok(view(institution, entries)).build();
    }

    @PUT
    @Path("/{institution}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response put(@PathParam("institution") String institution, String body) {
        List<RecognitionEntry> entries;
        try {
            entries = parse(body);
            registry.replace(institution, entries);
        } catch (IllegalArgumentException e) {
            return ApiError.response(Response.Status.BAD_REQUEST, e.getMessage());
        }
        return Response.ok(view(institution, registry.of(institution))).build();
    }

    @DELETE
    @Path("/{institution}")
    public Response delete(@PathParam("institution") String institution) {
        if (!registry.remove(institution)) {
            return ApiError.response(Response.Status.NOT_FOUND,
                    "institution '" + institution + "' is recognised for no catalogue item");
        }
        return Response.noContent().build();
    }

    private List<RecognitionEntry> parse(String body) {
        JsonNode root;
        try {
            root = json.readTree(body == null ? "" : body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the body is not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.path("items").isArray()) {
            throw new IllegalArgumentException("expected {\"items\":[{\"no\":N,\"from\":\"YYYY-MM-DD\","
                    + "\"until\":\"YYYY-MM-DD\" or null}]}");
        }
        List<RecognitionEntry> entries = new ArrayList<>();
        int index = 0;
        for (JsonNode item : root.get("items")) {
            String where = "items[" + index++ + "]";
            JsonNode no = item.path("no");
            if (!no.canConvertToInt() || !no.isIntegralNumber() || no.asInt() < 1 || no.asInt() > CATALOGUE_ITEMS) {
                throw new IllegalArgumentException(where + ".no must be a catalogue item number 1-" + CATALOGUE_ITEMS);
            }
            LocalDate from = date(item.path("from"), where + ".from");
            if (from == null) {
                throw new IllegalArgumentException(where + ".from is required (YYYY-MM-DD)");
            }
            entries.add(new RecognitionEntry(no.asInt(), from, date(item.path("until"), where + ".until")));
        }
        return entries;
    }

    private static LocalDate date(JsonNode node, String where) {
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        try {
            return LocalDate.parse(node.asText());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(where + " '" + node.asText() + "' is not a date (YYYY-MM-DD)");
        }
    }

    private static Institution view(String institution, List<RecognitionEntry> entries) {
        return new Institution(institution, entries.stream().map(e -> new Item(e.itemNo(), e.from(), e.until()))
                .toList());
    }
}
