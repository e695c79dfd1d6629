package org.hrnode.node.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.hrnode.aiqc.catalog.Catalog;
import org.hrnode.aiqc.catalog.CatalogMatch;
import org.hrnode.aiqc.catalog.CatalogMatcher;
import org.hrnode.aiqc.catalog.InstitutionMappings;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.json.DicomJsonException;
import org.hrnode.dicom.json.DicomJsonReader;
import org.hrnode.dicom.json.JsonReadOptions;
import org.hrnode.storage.catalog.CatalogMapping;
import org.hrnode.storage.catalog.CatalogMappings;

/**
 * Catalogue matching as the node offers it: the shipped catalogue and matcher, the institutions' mapping tables in
 * the database (keys stored as the matcher compares them), and validation of what callers send. Shared by the CLI
 * and the HTTP API so both answer alike. Thread-safe.
 */
public final class CatalogService {

    /**
     * Headers only: a study of a few thousand instances fits in 64 MiB of DICOM JSON, and no header value needs
     * 1 MiB, so pixel data sent inline is refused with the reason instead of filling the heap.
     */
    private static final JsonReadOptions HEADERS_ONLY = JsonReadOptions.defaults()
            .withMaxDocumentLength(64L * 1024 * 1024).withMaxValueLength(1024 * 1024);

    private final CatalogMatcher matcher;
    private final CatalogMappings mappings;

    /** @param mappings the institutions' tables; null when there is no database (the CLI without --institution) */
    public CatalogService(CatalogMatcher matcher, CatalogMappings mappings) {
        this.matcher = Objects.requireNonNull(matcher, "matcher");
        this.mappings = mappings;
    }

    public static CatalogService withoutMappings() {
        return new CatalogService(new CatalogMatcher(Catalog.standard()), null);
    }

    public Catalog catalog() {
        return matcher.catalog();
    }

    /**
     * Matches a study given as a DICOM JSON array of its instance headers.
     *
     * @param institution whose mapping table applies first; null for none
     * @throws DicomJsonException when the document is not a DICOM JSON array
     */
    public CatalogMatch match(InputStream dicomJsonArray, String institution)
            throws IOException, DicomJsonException {
        List<Dataset> instances = new DicomJsonReader(HEADERS_ONLY).readArray(dicomJsonArray);
        return matcher.match(instances, institution == null || institution.isBlank() ? InstitutionMappings.none()
                : mappingsOf(institution));
    }

    /** The matcher this service answers with. */
    public CatalogMatcher matcher() {
        return matcher;
    }

    /** The institution's mapping table from the database (empty when it has none). */
    public InstitutionMappings mappingsOf(String institution) {
        Map<String, List<Integer>> entries = new LinkedHashMap<>();
        for (CatalogMapping m : requireMappings().list(institution)) {
            entries.put(m.localKey(), m.items());
        }
        return InstitutionMappings.of(institution, entries);
    }

    public List<CatalogMapping> mappings(String institution) {
        return requireMappings().list(institution);
    }

    /** Stores one entry, its key normalised; item numbers must be in the catalogue. */
    public CatalogMapping put(String institution, String localKey, List<Integer> items) {
        CatalogMapping m = valid(institution, localKey, items);
        requireMappings().put(m);
        return m;
    }

    /** Replaces the institution's table; every entry is checked before anything changes. */
    public List<CatalogMapping> replace(String institution, Map<String, List<Integer>> entries) {
        List<CatalogMapping> table = new ArrayList<>();
        Map<String, String> seen = new LinkedHashMap<>();
        for (Map.Entry<String, List<Integer>> e : entries.entrySet()) {
            CatalogMapping m = valid(institution, e.getKey(), e.getValue());
            String earlier = seen.putIfAbsent(m.localKey(), e.getKey());
            if (earlier != null) {
                throw new IllegalArgumentException("'" + earlier + "' and '" + e.getKey() + "' are the same key ("
                        + m.localKey() + ")");
            }
            table.add(m);
        }
        requireMappings().replace(institution, table);
        return requireMappings().list(institution);
    }

    public boolean remove(String institution, String localKey) {
        return requireMappings().remove(institution, InstitutionMappings.normaliseKey(localKey));
    }

    public int removeAll(String institution) {
        return requireMappings().removeAll(institution);
    }

    private CatalogMapping valid(String institution, String localKey, List<Integer> items) {
        if (localKey == null || items == null) {
            throw new IllegalArgumentException("a mapping needs a local exam code or name and its item numbers");
        }
        for (Integer no : items) {
            if (no == null || catalog().item(no).isEmpty()) {
                throw new IllegalArgumentException("item " + no + " is not in the catalogue (1-"
                        + catalog().items().size() + ")");
            }
        }
        return new CatalogMapping(institution, InstitutionMappings.normaliseKey(localKey), items);
    }

    private CatalogMappings requireMappings() {
        if (mappings == null) {
            throw new IllegalStateException("institution mappings need the node's database");
        }
        return mappings;
    }
}
