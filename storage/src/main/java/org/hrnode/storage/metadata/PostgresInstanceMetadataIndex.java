package org.hrnode.storage.metadata;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.hrnode.storage.db.Transactor;
import org.hrnode.storage.index.StoredInstanceRef;
import org.hrnode.storage.index.query.QueryLevel;

/**
 * {@link InstanceMetadataIndex} on the index database. Reads run in read-only REPEATABLE READ transactions with a
 * cursor ({@value #FETCH_SIZE} rows at a time), so that a series document and the generation it is stamped with
 * come from one snapshot, and a large study streams rather than loads. They are not retried: a visitor may already
 * have written what it saw. Settled series are reported by {@link SettledSeriesListener} (LISTEN on the channel the
 * V8 trigger notifies).
 */
public final class PostgresInstanceMetadataIndex implements InstanceMetadataIndex {

    static final int FETCH_SIZE = 256;

    private static final Map<QueryLevel, String> KEY = Map.of(
            QueryLevel.STUDY, "st.study_instance_uid", QueryLevel.SERIES, "se.series_instance_uid",
            QueryLevel.IMAGE, "i.sop_instance_uid");
    private static final String INSTANCES = """
            SELECT st.study_instance_uid, se.series_instance_uid, i.sop_class_uid, i.sop_instance_uid,
                   i.transfer_syntax_uid, i.blob_key, i.size_bytes, i.sha256, i.version,
                   i.pixels_decodable_here, i.metadata
            FROM instances i JOIN series se ON se.pk = i.series_fk JOIN studies st ON st.pk = se.study_fk
            WHERE %s = ?
            ORDER BY se.pk, i.instance_number NULLS LAST, i.pk""";
    private static final String GENERATION = "SELECT metadata_generation FROM series WHERE series_instance_uid = ?";
    private static final String STATE = """
            SELECT se.metadata_generation, st.study_instance_uid, m.generation, m.json_gzip, m.json_length
            FROM series se JOIN studies st ON st.pk = se.study_fk LEFT JOIN series_metadata m
                 ON m.series_fk = se.pk AND m.generation = se.metadata_generation AND m.base_uri = ?
            WHERE se.series_instance_uid = ?""";
    private static final String STORE = """
            INSERT INTO series_metadata AS m (series_fk, generation, base_uri, json_gzip, json_length)
            SELECT pk, ?, ?, ?, ? FROM series WHERE series_instance_uid = ? AND metadata_generation = ?
            ON CONFLICT (series_fk) DO UPDATE SET generation = EXCLUDED.generation, base_uri = EXCLUDED.base_uri,
                json_gzip = EXCLUDED.json_gzip, json_length = EXCLUDED.json_length, built_at = now()
            WHERE m.generation <= EXCLUDED.generation""";

    private final DataSource dataSource;
    private final List<SettledSeriesListener> listeners = new CopyOnWriteArrayList<>();

    public PostgresInstanceMetadataIndex(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /** Each subscription holds one pooled connection (LISTEN) and one virtual thread until {@link #close}. */
    @Override
    public void whenSeriesSettle(Consumer<String> listener) {
        listeners.add(SettledSeriesListener.start(dataSource, listener));
    }

    @Override
    public void close() {
        for (SettledSeriesListener listener : listeners) {
            listener.close();
        }
        listeners.clear();
    }

    @Override
    public int forEach(QueryLevel level, String uid, Visitor visitor) throws IOException {
        String key = KEY.get(Objects.requireNonNull(level, "level"));
        if (key == null) {
            throw new IllegalArgumentException("instance metadata is read by study, series or instance, not " + level);
        }
        Objects.requireNonNull(uid, "uid");
        try (Connection c = readOnlySnapshot()) {
            int visited = visit(c, INSTANCES.formatted(key), uid, visitor);
            c.commit();
            return visited;
        } catch (SQLException e) {
            throw Transactor.translate("read metadata of " + level + " " + uid, e);
        }
    }

    @Override
    public OptionalLong forEachInSeries(String seriesInstanceUid, Visitor visitor) throws IOException {
        Objects.requireNonNull(seriesInstanceUid, "seriesInstanceUid");
        try (Connection c = readOnlySnapshot()) {
            long generation;
            try (PreparedStatement s = c.prepareStatement(GENERATION)) {
                s.setString(1, seriesInstanceUid);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        c.commit();
                        return OptionalLong.empty();
                    }
                    generation = rs.getLong(1);
                }
            }
            visit(c, INSTANCES.formatted(KEY.get(QueryLevel.SERIES)), seriesInstanceUid, visitor);
            c.commit();
            return OptionalLong.of(generation);
        } catch (SQLException e) {
            throw Transactor.translate("read metadata of series " + seriesInstanceUid, e);
        }
    }

    @Override
    public Optional<SeriesState> seriesState(String seriesInstanceUid, String baseUri) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(STATE)) {
            s.setString(1, baseUri);
            s.setString(2, seriesInstanceUid);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                long generation = rs.getLong(1);
                byte[] gzip = rs.getBytes(4);
                SeriesDocument document = gzip == null ? null
                        : new SeriesDocument(rs.getLong(3), baseUri, gzip, rs.getLong(5));
                return Optional.of(new SeriesState(generation, rs.getString(2), document));
            }
        } catch (SQLException e) {
            throw Transactor.translate("read the metadata document of series " + seriesInstanceUid, e);
        }
    }

    @Override
    public boolean storeSeriesDocument(String seriesInstanceUid, SeriesDocument document) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(STORE)) {
            s.setLong(1, document.generation());
            s.setString(2, document.baseUri());
            s.setBytes(3, document.jsonGzip());
            s.setLong(4, document.jsonLength());
            s.setString(5, seriesInstanceUid);
            s.setLong(6, document.generation());
            return s.executeUpdate() == 1;
        } catch (SQLException e) {
            throw Transactor.translate("keep the metadata document of series " + seriesInstanceUid, e);
        }
    }

    private Connection readOnlySnapshot() throws SQLException {
        Connection c = dataSource.getConnection();
        try {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            return c;
        } catch (SQLException e) {
            try {
                c.close();
            } catch (SQLException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    private static int visit(Connection c, String sql, String uid, Visitor visitor) throws SQLException,
            IOException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setFetchSize(FETCH_SIZE);
            s.setString(1, uid);
            int visited = 0;
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    StoredInstanceRef ref = new StoredInstanceRef(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getLong(7), rs.getString(8),
                            rs.getInt(9), rs.getBoolean(10));
                    visitor.visit(new InstanceMetadata(ref, rs.getString(11)));
                    visited++;
                }
            }
            return visited;
        }
    }

    @Override
    public String toString() {
        return "PostgresInstanceMetadataIndex";
    }
}
