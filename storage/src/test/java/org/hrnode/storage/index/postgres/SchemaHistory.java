package org.hrnode.storage.index.postgres;

import java.util.List;

/** What Flyway recorded as applied, for tests outside this package. */
public final class SchemaHistory {

    private SchemaHistory() {
    }

    public static List<String> appliedVersions() {
        return Sql.column("SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank");
    }
}
