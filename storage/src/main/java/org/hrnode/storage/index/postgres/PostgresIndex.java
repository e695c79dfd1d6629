package org.hrnode.storage.index.postgres;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.sql.DataSource;
import org.hrnode.storage.db.Transactor;
import org.hrnode.storage.index.Index;
import org.hrnode.storage.index.IndexException;
import org.hrnode.storage.index.InstanceRecord;
import org.hrnode.storage.index.QueryResults;
import org.hrnode.storage.index.StoreOutcome;
import org.hrnode.storage.index.StoredInstanceRef;
import org.hrnode.storage.index.query.Query;
import org.hrnode.storage.index.query.QueryLevel;
import org.postgresql.PGStatement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Index} on PostgreSQL (schema in {@code db/migration}). Writes go through a {@link Transactor}, so each
 * instance is recorded in one transaction retried on serialization failures and deadlocks; see
 * {@link InstanceWriter} for the statements and their order. Queries are translated by {@link QuerySqlBuilder} and
 * streamed from a cursor ({@link CursorQueryResults}).
 *
 * <p>Every query is bounded: at most {@code maxResults} matches are returned whatever the query's own limit, and
 * {@link QueryResults#truncated()} says when more existed. Thread-safe.
 */
public final class PostgresIndex implements Index {

    /** Enough for any C-FIND a person reads; a query wanting more must page with offset and limit. */
    public static final int DEFAULT_MAX_RESULTS = 10_000;

    private static final Logger LOG = LoggerFactory.getLogger(PostgresIndex.class);

    private static final Map<QueryLevel, String> RETRIEVE_KEY = Map.of(
            QueryLevel.PATIENT, "p.patient_id", QueryLevel.STUDY, "st.study_instance_uid",
            QueryLevel.SERIES, "se.series_instance_uid", QueryLevel.IMAGE, "i.sop_instance_uid");
    private static final String INSTANCES_OF = """
            SELECT st.study_instance_uid, se.series_instance_uid, i.sop_class_uid, i.sop_instance_uid,
                   i.transfer_syntax_uid, i.blob_key, i.size_bytes, i.sha256, i.version,
                   i.pixels_decodable_here
            FROM instances i JOIN series se ON se.pk = i.series_fk JOIN studies st ON st.pk = se.study_fk
                 JOIN patients p ON p.pk = st.patient_fk
            WHERE %s = ANY(?)
            ORDER BY st.pk, se.pk, i.instance_number NULLS LAST, i.pk""";

    private final DataSource dataSource;
    private final Transactor transactor;
    private final int maxResults;
    private final InstanceWriter writer = new InstanceWriter();

    /**
     * @param dataSource the index database, already migrated ({@link org.hrnode.storage.db.Database#open})
     * @param transactor runs and retries write transactions on the same database
     * @param maxResults upper bound on the matches of any one query, at least 1
     */
    public PostgresIndex(DataSource dataSource, Transactor transactor, int maxResults) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.transactor = Objects.requireNonNull(transactor, "transactor");
        if (maxResults < 1) {
            throw new IllegalArgumentException("maxResults must be at least 1, got " + maxResults);
        }
        this.maxResults = maxResults;
    }

    /** With the default retry policy and {@link #DEFAULT_MAX_RESULTS}. */
    public PostgresIndex(DataSource dataSource) {
        this(dataSource, new Transactor(dataSource), DEFAULT_MAX_RESULTS);
    }

    @Override
    public StoreOutcome recordInstance(InstanceRecord record) {
        Objects.requireNonNull(record, "record");
        String uid = record.instance().sopInstanceUid();
        StoreOutcome outcome = transactor.inTransaction("record instance " + uid,
                connection -> writer.record(connection, record));
        LOG.debug("event=indexed sop_instance_uid={} outcome={}", uid, outcome);
        return outcome;
    }

    @Override
    public Set<Integer> returnableAt(QueryLevel level) {
        return QueryColumn.usableAt(Objects.requireNonNull(level, "level"));
    }

    @Override
    public Set<Integer> matchableAt(QueryLevel level) {
        return QueryColumn.matchableAt(Objects.requireNonNull(level, "level"));
    }

    @Override
    public QueryResults query(Query query) {
        Objects.requireNonNull(query, "query");
        int limit = query.limit() == 0 ? maxResults : Math.min(query.limit(), maxResults);
        QuerySqlBuilder.SqlQuery sql = QuerySqlBuilder.build(query, limit + 1);
        if (!sql.ignoredMatchingKeys().isEmpty()) {
            LOG.debug("event=query_keys_ignored level={} tags={}", query.level(), sql.ignoredMatchingKeys());
        }
        Connection connection = null;
        PreparedStatement statement = null;
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(false);
            statement = connection.prepareStatement(sql.sql());
            // Plan every query with its values: after five executions of one SQL text the driver would switch to a
            // server-side prepared statement, and PostgreSQL may then keep a generic plan, which cannot use an index
            // for "name LIKE $1" and, betting on LIMIT, walks every study in key order to find a rare name (measured
            // 31 ms instead of 0.2 ms on 10,000 studies, bench/qido.sh).
            statement.unwrap(PGStatement.class).setPrepareThreshold(0);
            statement.setFetchSize(CursorQueryResults.FETCH_SIZE);
            Binder binder = new Binder(statement);
            for (Object parameter : sql.parameters()) {
                binder.any(parameter);
            }
            ResultSet rows = statement.executeQuery();
            return new CursorQueryResults(connection, statement, rows, new MatchMapper(query, sql.selected(), sql.metadataSelected()), limit);
        } catch (SQLException e) {
            IndexException failure = Transactor.translate("query " + query, e);
            closeAddingSuppressed(failure, statement, connection);
            throw failure;
        } catch (RuntimeException e) {
            closeAddingSuppressed(e, statement, connection);
            throw e;
        }
    }

    @Override
    public List<StoredInstanceRef> instancesOf(QueryLevel level, List<String> keys) {
        Objects.requireNonNull(level, "level");
        if (keys.isEmpty()) {
            return List.of();
        }
        String sql = INSTANCES_OF.formatted(RETRIEVE_KEY.get(level));
        return transactor.inTransaction("look up instances of " + level + " " + keys, connection -> {
            try (PreparedStatement s = connection.prepareStatement(sql)) {
                new Binder(s).any(keys.toArray(String[]::new));
                List<StoredInstanceRef> refs = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        refs.add(new StoredInstanceRef(rs.getString(1), rs.getString(2), rs.getString(3),
                                rs.getString(4), rs.getString(5), rs.getString(6), rs.getLong(7), rs.getString(8),
                                rs.getInt(9), rs.getBoolean(10)));
                    }
                }
                return refs;
            }
        });
    }

    private static void closeAddingSuppressed(Throwable failure, AutoCloseable... resources) {
        for (AutoCloseable resource : resources) {
            if (resource == null) {
                continue;
            }
            try {
                resource.close();
            } catch (Exception e) {
                failure.addSuppressed(e);
            }
        }
    }

    @Override
    public String toString() {
        return "PostgresIndex[maxResults=" + maxResults + "]";
    }
}
