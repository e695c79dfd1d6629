package org.hrnode.storage.catalog;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.hrnode.storage.db.Transactor;

/** {@link CatalogMappings} in the {@code catalog_mappings} table. Thread-safe. */
public final class PostgresCatalogMappings implements CatalogMappings {

    private static final String LIST = "SELECT institution_code, local_key, item_numbers FROM catalog_mappings"
            + " WHERE institution_code = ? ORDER BY local_key";
    private static final String UPSERT = "INSERT INTO catalog_mappings (institution_code, local_key, item_numbers)"
            + " VALUES (?, ?, ?) ON CONFLICT (institution_code, local_key) DO UPDATE SET"
            + " item_numbers = EXCLUDED.item_numbers, updated_at = now()";
    private static final String REMOVE = "DELETE FROM catalog_mappings WHERE institution_code = ? AND local_key = ?";
    private static final String REMOVE_ALL = "DELETE FROM catalog_mappings WHERE institution_code = ?";

    private final Transactor transactor;

    public PostgresCatalogMappings(Transactor transactor) {
        this.transactor = Objects.requireNonNull(transactor, "transactor");
    }

    @Override
    public List<CatalogMapping> list(String institutionCode) {
        return transactor.inTransaction("list catalogue mappings of " + institutionCode, c -> {
            List<CatalogMapping> all = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(LIST)) {
                s.setString(1, institutionCode);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        Integer[] items = (Integer[]) rs.getArray(3).getArray();
                        all.add(new CatalogMapping(rs.getString(1), rs.getString(2), Arrays.asList(items)));
                    }
                }
            }
            return all;
        });
    }

    @Override
    public void put(CatalogMapping m) {
        Objects.requireNonNull(m, "mapping");
        transactor.inTransaction("map " + m.institutionCode() + " exam to catalogue items", c -> upsert(c, m));
    }

    @Override
    public void replace(String institutionCode, List<CatalogMapping> mappings) {
        for (CatalogMapping m : mappings) {
            if (!m.institutionCode().equals(institutionCode)) {
                throw new IllegalArgumentException("mapping of " + m.institutionCode() + " given in the table of "
                        + institutionCode);
            }
        }
        transactor.inTransaction("replace catalogue mappings of " + institutionCode, c -> {
            try (PreparedStatement s = c.prepareStatement(REMOVE_ALL)) {
                s.setString(1, institutionCode);
                s.executeUpdate();
            }
            for (CatalogMapping m : mappings) {
                upsert(c, m);
            }
            return mappings.size();
        });
    }

    private static int upsert(Connection c, CatalogMapping m) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(UPSERT)) {
            Array items = c.createArrayOf("integer", m.items().toArray());
            s.setString(1, m.institutionCode());
            s.setString(2, m.localKey());
            s.setArray(3, items);
            return s.executeUpdate();
        }
    }

    @Override
    public boolean remove(String institutionCode, String localKey) {
        return transactor.inTransaction("remove a catalogue mapping of " + institutionCode, c -> {
            try (PreparedStatement s = c.prepareStatement(REMOVE)) {
                s.setString(1, institutionCode);
                s.setString(2, localKey);
                return s.executeUpdate() > 0;
            }
        });
    }

    @Override
    public int removeAll(String institutionCode) {
        return transactor.inTransaction("remove the catalogue mappings of " + institutionCode, c -> {
            try (PreparedStatement s = c.prepareStatement(REMOVE_ALL)) {
                s.setString(1, institutionCode);
                return s.executeUpdate();
            }
        });
    }
}
