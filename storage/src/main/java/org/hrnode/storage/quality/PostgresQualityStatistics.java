package org.hrnode.storage.quality;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.hrnode.storage.index.IndexException;
import org.hrnode.storage.index.IndexUnavailableException;

/**
 * The SQL behind the data-quality metrics: aggregates over the per-instance facts recorded at ingest
 * ({@link org.hrnode.storage.index.QualityFacts}). Series and study roll-ups are computed here at query time, never
 * maintained at ingest, so a late instance or a new version is reflected the moment it is indexed.
 *
 * <p>A study's timeliness is its worst instance: any LATE makes it late; otherwise any instance without a usable
 * time (or stored before quality was judged) makes it unknown; otherwise any clock skew; otherwise on time.
 */
public final class PostgresQualityStatistics {

    /** The institution's instances that arrived in [from, to), with their study. */
    private static final String PERIOD = """
            WITH period AS (
                SELECT i.*, se.study_fk FROM instances i JOIN series se ON se.pk = i.series_fk
                WHERE i.institution_code = ? AND i.arrived_at >= ? AND i.arrived_at < ?)
            """;

    private static final String TOTALS = PERIOD + """
            SELECT count(*), count(DISTINCT study_fk),
                   coalesce(sum(required_field_count), 0),
                   coalesce(sum(required_field_count - coalesce(cardinality(missing_fields), 0)), 0),
                   count(timeliness), count(*) FILTER (WHERE cardinality(defects) = 0),
                   count(*) FILTER (WHERE arrived_lossless), min(arrived_at), max(arrived_at)
            FROM period""";

    private static final String STUDY_VERDICTS = PERIOD + """
            , verdicts AS (
                SELECT CASE WHEN bool_or(timeliness = 'LATE') THEN 'LATE'
                            WHEN bool_or(timeliness IS NULL OR timeliness = 'UNKNOWN') THEN 'UNKNOWN'
                            WHEN bool_or(timeliness = 'CLOCK_SKEW') THEN 'CLOCK_SKEW'
                            ELSE 'ON_TIME' END AS verdict
                FROM period GROUP BY study_fk)
            SELECT count(*) FILTER (WHERE verdict = 'ON_TIME'), count(*) FILTER (WHERE verdict = 'LATE'),
                   count(*) FILTER (WHERE verdict = 'UNKNOWN'), count(*) FILTER (WHERE verdict = 'CLOCK_SKEW')
            FROM verdicts""";

    private static final String LONGEST_GAP = PERIOD + """
            , gaps AS (
                SELECT lag(arrived_at) OVER (ORDER BY arrived_at) AS gap_start, arrived_at AS gap_end FROM period)
            SELECT gap_start, gap_end FROM gaps WHERE gap_start IS NOT NULL
            ORDER BY gap_end - gap_start DESC, gap_start LIMIT 1""";

    private static final String STUDY_INSTANCES = """
            SELECT se.series_instance_uid, se.modality, i.sop_instance_uid, i.transfer_syntax_uid, i.size_bytes,
                   i.arrived_at, i.institution_code, i.acquisition_at, i.acquisition_source, i.timeliness,
                   i.lateness_seconds, i.missing_fields, i.defects, i.arrived_lossless, i.metadata
            FROM studies st JOIN series se ON se.study_fk = st.pk JOIN instances i ON i.series_fk = se.pk
            WHERE st.study_instance_uid = ?
            ORDER BY se.series_number NULLS LAST, se.pk, i.instance_number NULLS LAST, i.pk""";

    private final DataSource dataSource;

    public PostgresQualityStatistics(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /** The counts for {@code institutionCode}'s arrivals in [{@code from}, {@code to}). */
    public PeriodCounts period(String institutionCode, Instant from, Instant to) {
        try (Connection c = dataSource.getConnection()) {
            long[] totals = new long[7];
            Instant[] arrivals = new Instant[2];
            try (PreparedStatement s = bindPeriod(c.prepareStatement(TOTALS), institutionCode, from, to);
                 ResultSet rs = s.executeQuery()) {
                rs.next();
                for (int i = 0; i < totals.length; i++) {
                    totals[i] = rs.getLong(i + 1);
                }
                arrivals[0] = instant(rs, totals.length + 1);
                arrivals[1] = instant(rs, totals.length + 2);
            }
            long[] verdicts = new long[4];
            try (PreparedStatement s = bindPeriod(c.prepareStatement(STUDY_VERDICTS), institutionCode, from, to);
                 ResultSet rs = s.executeQuery()) {
                rs.next();
                for (int i = 0; i < verdicts.length; i++) {
                    verdicts[i] = rs.getLong(i + 1);
                }
            }
            Instant gapStart = null;
            Duration gap = null;
            try (PreparedStatement s = bindPeriod(c.prepareStatement(LONGEST_GAP), institutionCode, from, to);
                 ResultSet rs = s.executeQuery()) {
                if (rs.next()) {
                    gapStart = instant(rs, 1);
                    gap = Duration.between(gapStart, instant(rs, 2));
                }
            }
            return new PeriodCounts(totals[0], totals[1], verdicts[0], verdicts[1], verdicts[2], verdicts[3],
                    totals[2], totals[3], totals[4], totals[5], totals[6], arrivals[0], arrivals[1], gap, gapStart);
        } catch (SQLException e) {
            throw failure("reading quality statistics", e);
        }
    }

    /** The study's current instances in series and instance order; empty when the study is unknown. */
    public List<InstanceQuality> studyInstances(String studyInstanceUid) {
        List<InstanceQuality> result = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(STUDY_INSTANCES)) {
            s.setString(1, studyInstanceUid);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Long lateness = rs.getObject(11) == null ? null : rs.getLong(11);
                    Boolean lossless = rs.getObject(14) == null ? null : rs.getBoolean(14);
                    result.add(new InstanceQuality(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getLong(5), instant(rs, 6), rs.getString(7), instant(rs, 8),
                            rs.getString(9), rs.getString(10), lateness, texts(rs.getArray(12)),
                            texts(rs.getArray(13)), lossless, rs.getString(15)));
                }
            }
            return result;
        } catch (SQLException e) {
            throw failure("reading the status of a study", e);
        }
    }

    /** Whether the database answers a trivial query, for health checks. */
    public boolean reachable() {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("SELECT 1");
             ResultSet rs = s.executeQuery()) {
            return rs.next();
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    private static PreparedStatement bindPeriod(PreparedStatement s, String institutionCode, Instant from,
            Instant to) throws SQLException {
        s.setString(1, institutionCode);
        s.setObject(2, OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
        s.setObject(3, OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
        return s;
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static List<String> texts(Array array) throws SQLException {
        return array == null ? null : Arrays.asList((String[]) array.getArray());
    }

    private static RuntimeException failure(String what, SQLException e) {
        String state = e.getSQLState();
        if (state != null && state.startsWith("08")) {
            return new IndexUnavailableException(what + ": database unreachable: " + e.getMessage(), e);
        }
        return new IndexException(what + " failed: " + e.getMessage(), e);
    }
}
