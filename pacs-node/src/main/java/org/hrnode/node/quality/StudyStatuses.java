package org.hrnode.node.quality;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.hrnode.dicom.data.TransferSyntax;
import org.hrnode.storage.quality.InstanceQuality;
import org.hrnode.storage.quality.PostgresQualityStatistics;

/** Builds {@link StudyStatus} from the index: the study's instances, rolled up per series and for the study. */
public final class StudyStatuses {

    private static final String ROWS = "00280010";
    private static final String COLUMNS = "00280011";
    private static final String BITS_ALLOCATED = "00280100";
    private static final String SAMPLES_PER_PIXEL = "00280002";
    private static final String NUMBER_OF_FRAMES = "00280008";
    private static final double BITS_PER_BYTE = 8.0;
    private static final double HUNDREDTHS = 100.0;
    private static final String MISSING_PREFIX = "MISSING:";

    private final PostgresQualityStatistics statistics;
    private final ObjectMapper json = new ObjectMapper();

    public StudyStatuses(PostgresQualityStatistics statistics) {
        this.statistics = Objects.requireNonNull(statistics, "statistics");
    }

    /** The study's status, empty when the node holds no instance of it. */
    public Optional<StudyStatus> of(String studyInstanceUid) {
        List<InstanceQuality> rows = statistics.studyInstances(studyInstanceUid);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        List<StudyStatus.InstanceStatus> instances = new ArrayList<>();
        Map<String, List<InstanceQuality>> bySeries = new LinkedHashMap<>();
        Set<String> syntaxes = new LinkedHashSet<>();
        Set<String> defects = new LinkedHashSet<>();
        long storedBytes = 0;
        double decodedOfCompressed = 0;
        long storedOfCompressed = 0;
        for (InstanceQuality r : rows) {
            Double ratio = null;
            Long decoded = decodedPixelBytes(r);
            if (decoded != null && r.sizeBytes() > 0) {
                ratio = Math.round(HUNDREDTHS * decoded / r.sizeBytes()) / HUNDREDTHS;
                decodedOfCompressed += decoded;
                storedOfCompressed += r.sizeBytes();
            }
            instances.add(new StudyStatus.InstanceStatus(r.sopInstanceUid(), r.seriesInstanceUid(),
                    r.transferSyntaxUid(), r.sizeBytes(), ratio, r.arrivedLossless(), r.arrivedAt(), r.acquiredAt(),
                    r.acquisitionSource(), r.timeliness(), r.latenessSeconds(), r.missingFields(), r.defects()));
            bySeries.computeIfAbsent(r.seriesInstanceUid(), k -> new ArrayList<>()).add(r);
            syntaxes.add(r.transferSyntaxUid());
            storedBytes += r.sizeBytes();
            if (r.defects() != null) {
                defects.addAll(r.defects());
            }
            if (r.missingFields() != null) {
                r.missingFields().forEach(f -> defects.add(MISSING_PREFIX + f));
            }
        }
        List<StudyStatus.SeriesStatus> series = bySeries.values().stream().map(StudyStatuses::rollUp).toList();
        Double studyRatio = storedOfCompressed == 0 ? null
                : Math.round(HUNDREDTHS * decodedOfCompressed / storedOfCompressed) / HUNDREDTHS;
        return Optional.of(new StudyStatus(studyInstanceUid, rows.getFirst().institutionCode(), rows.size(),
                List.copyOf(syntaxes), storedBytes, studyRatio, firstArrival(rows), lastArrival(rows),
                worstLateness(rows), Timeliness.worstOf(rows.stream().map(InstanceQuality::timeliness).toList()),
                List.copyOf(defects), series, instances));
    }

    private static StudyStatus.SeriesStatus rollUp(List<InstanceQuality> rows) {
        InstanceQuality first = rows.getFirst();
        return new StudyStatus.SeriesStatus(first.seriesInstanceUid(), first.modality(), rows.size(),
                firstArrival(rows), lastArrival(rows), worstLateness(rows),
                Timeliness.worstOf(rows.stream().map(InstanceQuality::timeliness).toList()));
    }

    private static Instant firstArrival(Collection<InstanceQuality> rows) {
        return rows.stream().map(InstanceQuality::arrivedAt).min(Comparator.naturalOrder()).orElseThrow();
    }

    private static Instant lastArrival(Collection<InstanceQuality> rows) {
        return rows.stream().map(InstanceQuality::arrivedAt).max(Comparator.naturalOrder()).orElseThrow();
    }

    private static Long worstLateness(Collection<InstanceQuality> rows) {
        return rows.stream().map(InstanceQuality::latenessSeconds).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(null);
    }

    /**
     * The size of the decoded pixels of a compressed instance (rows × columns × samples × bits ÷ 8 × frames), or null
     * when it is not compressed or its metadata lacks the geometry.
     */
    private Long decodedPixelBytes(InstanceQuality r) {
        TransferSyntax ts = TransferSyntax.of(r.transferSyntaxUid());
        if (ts == null || !ts.isEncapsulated() || ts.compression() == TransferSyntax.Compression.NONE
                || r.metadataJson() == null) {
            return null;
        }
        try {
            JsonNode m = json.readTree(r.metadataJson());
            Long rows = number(m, ROWS);
            Long columns = number(m, COLUMNS);
            Long bits = number(m, BITS_ALLOCATED);
            if (rows == null || columns == null || bits == null) {
                return null;
            }
            long samples = Optional.ofNullable(number(m, SAMPLES_PER_PIXEL)).orElse(1L);
            long frames = Optional.ofNullable(number(m, NUMBER_OF_FRAMES)).orElse(1L);
            return (long) (rows * columns * samples * frames * (bits / BITS_PER_BYTE));
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** The first value of a numeric (or numeric-string) attribute in DICOM JSON. */
    private static Long number(JsonNode metadata, String tag) {
        JsonNode value = metadata.path(tag).path("Value").path(0);
        if (value.isNumber()) {
            return value.asLong();
        }
        if (value.isTextual()) {
            try {
                return Long.parseLong(value.asText().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
