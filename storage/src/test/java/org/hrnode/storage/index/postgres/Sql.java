package org.hrnode.storage.index.postgres;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.hrnode.storage.testing.TestDatabase;

/** Direct reads of the test database, to check what the index wrote. */
final class Sql {

    private Sql() {
    }

    static long count(String table) {
        return Long.parseLong(column("SELECT count(*) FROM " + table).getFirst());
    }

    /** The first column of every row, as text. */
    static List<String> column(String sql) {
        try (Connection c = TestDatabase.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rs.next()) {
                values.add(rs.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
