package org.hrnode.storage.ae;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.hrnode.storage.db.Transactor;

/** {@link AeRegistry} in the {@code application_entities} table. Thread-safe. */
public final class PostgresAeRegistry implements AeRegistry {

    private static final String COLUMNS =
            "ae_title, host, port, institution_code, institution_name, hospital_level, recognised, uncompressed";
    private static final String UPSERT = "INSERT INTO application_entities (" + COLUMNS + ")"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (ae_title) DO UPDATE SET host = EXCLUDED.host,"
            + " port = EXCLUDED.port, institution_code = EXCLUDED.institution_code,"
            + " institution_name = EXCLUDED.institution_name, hospital_level = EXCLUDED.hospital_level,"
            + " recognised = EXCLUDED.recognised, uncompressed = EXCLUDED.uncompressed, updated_at = now()";
    private static final String FIND = "SELECT " + COLUMNS + " FROM application_entities WHERE ae_title = ?";
    private static final String LIST = "SELECT " + COLUMNS + " FROM application_entities ORDER BY ae_title";
    private static final String REMOVE = "DELETE FROM application_entities WHERE ae_title = ?";

    private final Transactor transactor;

    public PostgresAeRegistry(Transactor transactor) {
        this.transactor = Objects.requireNonNull(transactor, "transactor");
    }

    @Override
    public void put(ApplicationEntity e) {
        Objects.requireNonNull(e, "entity");
        transactor.inTransaction("register AE " + e.aeTitle(), c -> {
            try (PreparedStatement s = c.prepareStatement(UPSERT)) {
                s.setString(1, e.aeTitle());
                s.setString(2, e.host());
                s.setInt(3, e.port());
                s.setString(4, e.institutionCode());
                s.setString(5, e.institutionName());
                s.setString(6, e.hospitalLevel());
                s.setBoolean(7, e.recognised());
                s.setString(8, e.uncompressed().configValue());
                return s.executeUpdate();
            }
        });
    }

    @Override
    public Optional<ApplicationEntity> find(String aeTitle) {
        String title = ApplicationEntity.validAeTitle(aeTitle);
        return transactor.inTransaction("find AE " + title, c -> {
            try (PreparedStatement s = c.prepareStatement(FIND)) {
                s.setString(1, title);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(read(rs)) : Optional.<ApplicationEntity>empty();
                }
            }
        });
    }

    @Override
    public List<ApplicationEntity> list() {
        return transactor.inTransaction("list AEs", c -> {
            List<ApplicationEntity> all = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(LIST); ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    all.add(read(rs));
                }
            }
            return all;
        });
    }

    @Override
    public boolean remove(String aeTitle) {
        String title = ApplicationEntity.validAeTitle(aeTitle);
        return transactor.inTransaction("remove AE " + title, c -> {
            try (PreparedStatement s = c.prepareStatement(REMOVE)) {
                s.setString(1, title);
                return s.executeUpdate() > 0;
            }
        });
    }

    private static ApplicationEntity read(ResultSet rs) throws SQLException {
        return new ApplicationEntity(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getBoolean(7),
                UncompressedImages.ofConfigValue(rs.getString(8)));
    }
}
