package org.hrnode.storage.ae;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hrnode.storage.db.Transactor;
import org.hrnode.storage.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PostgresAeRegistryTest {

    private static final ApplicationEntity HUAXI = new ApplicationEntity("HX_CT01", "10.1.2.3", 104, "SC0001",
            "四川大学华西医院", "三级甲等", true);
    private static final ApplicationEntity COUNTY = new ApplicationEntity("XY_DR", "10.9.9.9", 11112, "SC0420",
            "某县人民医院", "二级", false);

    private AeRegistry registry;

    @BeforeEach
    void empty() {
        TestDatabase.reset();
        registry = new PostgresAeRegistry(new Transactor(TestDatabase.dataSource()));
    }

    @Test
    void addFindListUpdateRemove() {
        registry.put(HUAXI);
        registry.put(COUNTY);

        assertThat(registry.find("HX_CT01")).contains(HUAXI);
        assertThat(registry.find(" HX_CT01 ")).contains(HUAXI);
        assertThat(registry.find("hx_ct01")).isEmpty();
        assertThat(registry.list()).containsExactly(HUAXI, COUNTY);

        ApplicationEntity moved = new ApplicationEntity("XY_DR", "10.9.9.10", 104, "SC0420", "某县人民医院", "二级甲等",
                true);
        registry.put(moved);
        assertThat(registry.find("XY_DR")).contains(moved);
        assertThat(registry.list()).hasSize(2);

        assertThat(registry.remove("XY_DR")).isTrue();
        assertThat(registry.remove("XY_DR")).isFalse();
        assertThat(registry.list()).containsExactly(HUAXI);
    }

    @Test
    void invalidEntriesAreRefusedWithTheReason() {
        assertThatThrownBy(() -> new ApplicationEntity("", "h", 104, "c", "n", null, false))
                .hasMessageContaining("1-16 characters");
        assertThatThrownBy(() -> new ApplicationEntity("A".repeat(17), "h", 104, "c", "n", null, false))
                .hasMessageContaining("1-16 characters");
        assertThatThrownBy(() -> new ApplicationEntity("A\\B", "h", 104, "c", "n", null, false))
                .hasMessageContaining("backslash");
        assertThatThrownBy(() -> new ApplicationEntity("华西", "h", 104, "c", "n", null, false))
                .hasMessageContaining("printable ASCII");
        assertThatThrownBy(() -> new ApplicationEntity("CT", "h", 0, "c", "n", null, false))
                .hasMessageContaining("1-65535");
        assertThatThrownBy(() -> new ApplicationEntity("CT", "h", 65536, "c", "n", null, false))
                .hasMessageContaining("1-65535");
        assertThatThrownBy(() -> new ApplicationEntity("CT", " ", 104, "c", "n", null, false))
                .hasMessageContaining("host");
        assertThatThrownBy(() -> new ApplicationEntity("CT", "h", 104, "", "n", null, false))
                .hasMessageContaining("institution code");
        assertThatThrownBy(() -> registry.find("A".repeat(17))).isInstanceOf(IllegalArgumentException.class);
    }
}
