package org.hrnode.storage.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * A logical dump of the index: every table of the schema (except Flyway's history) copied out with PostgreSQL's
 * {@code COPY ... (FORMAT binary)}, one file per table, in one repeatable-read snapshot so the tables agree.
 *
 * <p>Why not {@code pg_dump}: the embedded PostgreSQL (zonky binaries) ships only {@code initdb}, {@code pg_ctl} and
 * {@code postgres}, and an external server's {@code pg_dump} need not match its version. COPY runs over the same
 * JDBC connection the node already has and needs no tool on the machine. Restore needs the same schema version,
 * which the backup records and {@link #restore} checks.
 */
public final class IndexDump {

    private static final String SUFFIX = ".pgcopy";

    private final DataSource dataSource;

    public IndexDump(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Writes every table to {@code dir}; returns the schema version (Flyway's latest applied migration). */
    public String dump(Path dir) throws IOException, SQLException {
        Files.createDirectories(dir);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
                for (String table : tables(c)) {
                    try (OutputStream out = Files.newOutputStream(dir.resolve(table + SUFFIX))) {
                        copy.copyOut("COPY " + table + " TO STDOUT (FORMAT binary)", out);
                    }
                }
                return schemaVersion(c);
            } finally {
                c.rollback();
            }
        }
    }

    /** Whether every table is empty: restore only ever goes into a node that holds nothing. */
    public boolean isEmpty() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String table : tables(c)) {
                try (ResultSet rs = s.executeQuery("SELECT EXISTS (SELECT 1 FROM " + table + ")")) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        return false;
                    }
                }
            }
            return true;
        }
    }

    /**
     * Loads the tables from {@code dir} in one transaction, with foreign keys and triggers deferred (replica role:
     * rows arrive table by table, and the audit trail's append-only trigger must not refuse its own restore), then
     * moves every sequence past the restored keys.
     */
    public void restore(Path dir, String expectedSchemaVersion) throws IOException, SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                String version = schemaVersion(c);
                if (!version.equals(expectedSchemaVersion)) {
                    throw new IOException("the backup is of schema version " + expectedSchemaVersion
                            + " but this node's database is at " + version + ": restore with the release that made it");
                }
                try (Statement s = c.createStatement()) {
                    s.execute("SET LOCAL session_replication_role = replica");
                }
                CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
                for (String table : tables(c)) {
                    Path file = dir.resolve(table + SUFFIX);
                    if (!Files.exists(file)) {
                        throw new IOException("backup lacks table " + table + " (" + file + ")");
                    }
                    try (InputStream in = Files.newInputStream(file)) {
                        copy.copyIn("COPY " + table + " FROM STDIN (FORMAT binary)", in);
                    }
                }
                resetSequences(c);
                c.commit();
            } catch (IOException | SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private static void resetSequences(Connection c) throws SQLException {
        List<String[]> serials = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT table_name, column_name"
                + " FROM information_schema.columns WHERE table_schema = current_schema()"
                + " AND (column_default LIKE 'nextval(%' OR is_identity = 'YES')")) {
            while (rs.next()) {
                serials.add(new String[] {rs.getString(1), rs.getString(2)});
            }
        }
        for (String[] tc : serials) {
            try (PreparedStatement ps = c.prepareStatement("SELECT setval(pg_get_serial_sequence(?, ?),"
                    + " coalesce((SELECT max(" + tc[1] + ") FROM " + tc[0] + "), 1),"
                    + " (SELECT max(" + tc[1] + ") FROM " + tc[0] + ") IS NOT NULL)")) {
                ps.setString(1, tc[0]);
                ps.setString(2, tc[1]);
                ps.execute();
            }
        }
    }

    static List<String> tables(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT table_name"
                + " FROM information_schema.tables WHERE table_schema = current_schema()"
                + " AND table_type = 'BASE TABLE' AND table_name <> 'flyway_schema_history' ORDER BY table_name")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static String schemaVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT version FROM"
                + " flyway_schema_history WHERE success AND version IS NOT NULL ORDER BY installed_rank DESC LIMIT 1")) {
            return rs.next() ? rs.getString(1) : "none";
        }
    }
}
