package org.hrnode.storage.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.hrnode.storage.db.Transactor;
import org.hrnode.storage.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PostgresCatalogMappingsTest {

    private CatalogMappings mappings;

    @BeforeEach
    void empty() throws SQLException {
        try (Connection c = TestDatabase.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("TRUNCATE catalog_mappings");
        }
        mappings = new PostgresCatalogMappings(new Transactor(TestDatabase.dataSource()));
    }

    @Test
    void putListReplaceAndRemove() {
        CatalogMapping knee = new CatalogMapping("SC0001", "XR0123", List.of(13));
        CatalogMapping chestAbdomen = new CatalogMapping("SC0001", "胸部+上腹部CT平扫", List.of(94, 83));
        CatalogMapping elsewhere = new CatalogMapping("CQ0002", "XR0123", List.of(14));
        mappings.put(knee);
        mappings.put(chestAbdomen);
        mappings.put(elsewhere);

        assertThat(mappings.list("SC0001")).containsExactly(knee, chestAbdomen);
        assertThat(mappings.list("CQ0002")).containsExactly(elsewhere);

        CatalogMapping corrected = new CatalogMapping("SC0001", "XR0123", List.of(14));
        mappings.put(corrected);
        assertThat(mappings.list("SC0001")).containsExactly(corrected, chestAbdomen);

        assertThat(mappings.remove("SC0001", "XR0123")).isTrue();
        assertThat(mappings.remove("SC0001", "XR0123")).isFalse();
        assertThat(mappings.list("SC0001")).containsExactly(chestAbdomen);

        CatalogMapping only = new CatalogMapping("SC0001", "CT0001", List.of(92));
        mappings.replace("SC0001", List.of(only));
        assertThat(mappings.list("SC0001")).containsExactly(only);
        assertThat(mappings.list("CQ0002")).as("other institutions untouched").containsExactly(elsewhere);

        assertThat(mappings.removeAll("SC0001")).isEqualTo(1);
        assertThat(mappings.list("SC0001")).isEmpty();
    }

    @Test
    void aTableMixingInstitutionsIsRefusedWhole() {
        mappings.put(new CatalogMapping("SC0001", "A", List.of(1)));
        assertThatThrownBy(() -> mappings.replace("SC0001", List.of(new CatalogMapping("CQ0002", "B", List.of(2)))))
                .hasMessageContaining("CQ0002");
        assertThat(mappings.list("SC0001")).hasSize(1);
    }

    @Test
    void invalidEntriesAreRefusedWithTheReason() {
        assertThatThrownBy(() -> new CatalogMapping("SC0001", "A", List.of())).hasMessageContaining("one or more");
        assertThatThrownBy(() -> new CatalogMapping("SC0001", "A", List.of(0))).hasMessageContaining("1 or more");
        assertThatThrownBy(() -> new CatalogMapping(" ", "A", List.of(1))).hasMessageContaining("institution");
        assertThatThrownBy(() -> new CatalogMapping("SC0001", "x".repeat(257), List.of(1)))
                .hasMessageContaining("1-256");
    }
}
