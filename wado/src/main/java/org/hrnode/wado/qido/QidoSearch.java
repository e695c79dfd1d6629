package org.hrnode.wado.qido;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.hrnode.dicom.data.Dataset;
import org.hrnode.dicom.data.Tags;
import org.hrnode.dicom.data.VR;
import org.hrnode.dicom.dict.ElementDictionary;
import org.hrnode.dicom.dict.Tag;
import org.hrnode.dicom.json.DicomJsonWriter;
import org.hrnode.storage.index.Index;
import org.hrnode.storage.index.QueryResults;
import org.hrnode.storage.index.query.InvalidQueryException;
import org.hrnode.storage.index.query.Query;
import org.hrnode.storage.index.query.QueryLevel;

/**
 * Runs a {@link QidoRequest} against the index and writes the matches as a DICOM JSON array (PS3.18 F.2), UTF-8.
 *
 * <p>What each match holds: the defaults of the target (PS3.18 Table 10.6.3-3), the {@code includefield} attributes
 * and the matching keys, each as far as the index holds it at the level searched or above (others are left out:
 * PS3.18 lets the origin server omit what it does not support), plus Instance Availability ({@code ONLINE}: every
 * indexed instance is in the blob store) and Retrieve URL, computed here. In instance searches, attributes named in
 * {@code includefield} that the index does not hold are read from each instance's stored metadata (empty where the
 * instance has none; sequences stay empty).
 *
 * <p>Matches are read from the index's cursor and serialised one at a time. The body is assembled in memory because
 * the Warning header that announces truncation (PS3.18 §8.3.4.4, wording of §8.3.3.1.2) must precede the body and
 * the index knows it truncated only after the last row; {@code maxResults} bounds that buffer.
 */
public final class QidoSearch {

    /** PS3.18 §8.3.3.1.2; the service's host comes in front. */
    static final String TRUNCATED_WARNING = "\"The number of results exceeded the maximum supported by the server."
            + " Additional results can be requested.\"";
    private static final JsonFactory JSON = JsonFactory.builder().build();
    private static final DicomJsonWriter WRITER = new DicomJsonWriter();
    private static final String ONLINE = "ONLINE";
    /** Computed here, never by the index. */
    private static final Set<Integer> COMPUTED = Set.of(Tag.RetrieveURL, Tag.InstanceAvailability);

    /** The answer: how many matches the body holds, the body, and whether the server's maximum cut it short. */
    public record Result(int matches, byte[] body, boolean truncatedByServer) {
    }

    private final Index index;
    private final int maxResults;

    /**
     * @param index      the index searched
     * @param maxResults the most matches one response holds, at least 1
     */
    public QidoSearch(Index index, int maxResults) {
        this.index = Objects.requireNonNull(index, "index");
        if (maxResults < 1) {
            throw new IllegalArgumentException("maxResults must be at least 1, got " + maxResults);
        }
        this.maxResults = maxResults;
    }

    /**
     * Runs {@code request}; {@code retrieveBase} is the service's absolute base URL ({@code http://host/dicomweb})
     * that Retrieve URLs start with.
     *
     * @throws InvalidQidoRequestException if a matching key cannot be matched at the level searched, or its value
     *                                     not as given
     */
    public Result run(QidoRequest request, String retrieveBase) {
        QidoTarget target = request.target();
        QueryLevel level = target.level();
        boolean serverLimits = request.limit() == 0 || request.limit() > maxResults;
        Query query = toQuery(request, serverLimits ? maxResults : request.limit());
        Set<Integer> output = outputAttributes(request, level);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int count = 0;
        boolean truncated;
        try (QueryResults results = index.query(query);
             JsonGenerator g = JSON.createGenerator(body, JsonEncoding.UTF8)) {
            g.writeStartArray();
            while (results.hasNext()) {
                WRITER.write(shape(results.next(), output, level, retrieveBase), g);
                count++;
            }
            g.writeEndArray();
            truncated = results.truncated();
        } catch (IOException e) {
            // Only memory is written to; a failure here is a bug in a value, not the network.
            throw new UncheckedIOException("writing QIDO-RS matches failed: " + e.getMessage(), e);
        }
        return new Result(count, count == 0 ? new byte[0] : body.toByteArray(), truncated && serverLimits);
    }

    private Query toQuery(QidoRequest request, int limit) {
        QueryLevel level = request.target().level();
        Set<Integer> matchable = index.matchableAt(level);
        Query.Builder query = Query.builder(level).fuzzyPersonNames(request.fuzzy()).offset(request.offset())
                .limit(limit);
        try {
            for (Map.Entry<Integer, List<String>> match : request.matches().entrySet()) {
                int tag = match.getKey();
                if (!matchable.contains(tag)) {
                    throw new InvalidQidoRequestException(describe(tag) + " cannot be matched in a "
                            + level.name().toLowerCase(Locale.ROOT) + " search; attributes that can: "
                            + keywords(matchable));
                }
                query.match(tag, match.getValue().toArray(String[]::new));
            }
            if (request.studyUid() != null) {
                query.match(Tag.StudyInstanceUID, request.studyUid());
            }
            if (request.seriesUid() != null) {
                query.match(Tag.SeriesInstanceUID, request.seriesUid());
            }
        } catch (InvalidQueryException e) {
            throw new InvalidQidoRequestException(e.getMessage(), e);
        }
        Set<Integer> returnable = index.returnableAt(level);
        for (int tag : outputAttributes(request, level)) {
            // Instance attributes asked for by name come from the stored metadata when the index lacks them; defaults
            // do not, so that the usual instance search never parses metadata.
            if (returnable.contains(tag) || level == QueryLevel.IMAGE && request.includeFields().contains(tag)
                    && !COMPUTED.contains(tag)) {
                query.returnKeys(tag);
            }
        }
        return query.build();
    }

    /** Every attribute a match may carry: defaults, includefield (all: everything the index returns), matches. */
    private Set<Integer> outputAttributes(QidoRequest request, QueryLevel level) {
        Set<Integer> tags = new LinkedHashSet<>(request.target().defaultAttributes());
        tags.addAll(request.includeFields());
        if (request.includeAll()) {
            tags.addAll(index.returnableAt(level));
            tags.addAll(COMPUTED);
        }
        tags.addAll(request.matches().keySet());
        return tags;
    }

    /** Drops what only C-FIND needs and adds the attributes computed here. */
    private static Dataset shape(Dataset match, Set<Integer> output, QueryLevel level, String retrieveBase) {
        match.remove(Tag.QueryRetrieveLevel);
        if (output.contains(Tag.InstanceAvailability)) {
            match.setString(Tag.InstanceAvailability, VR.CS, ONLINE);
        }
        if (output.contains(Tag.RetrieveURL)) {
            match.setString(Tag.RetrieveURL, VR.UR, retrieveUrl(match, level, retrieveBase));
        }
        return match;
    }

    /** PS3.18 §10.6.3.3: the WADO-RS URL of the study, series or instance matched. */
    private static String retrieveUrl(Dataset match, QueryLevel level, String retrieveBase) {
        // UIDs are digits and dots, so they need no escaping in a path.
        StringBuilder url = new StringBuilder(retrieveBase).append("/studies/")
                .append(match.getString(Tag.StudyInstanceUID));
        if (level == QueryLevel.SERIES || level == QueryLevel.IMAGE) {
            url.append("/series/").append(match.getString(Tag.SeriesInstanceUID));
        }
        if (level == QueryLevel.IMAGE) {
            url.append("/instances/").append(match.getString(Tag.SOPInstanceUID));
        }
        return url.toString();
    }

    private static String describe(int tag) {
        String keyword = ElementDictionary.keywordOf(tag);
        return keyword != null ? keyword : Tags.toString(tag);
    }

    private static String keywords(Set<Integer> tags) {
        return String.join(", ", tags.stream().sorted().map(QidoSearch::describe).toList());
    }
}
