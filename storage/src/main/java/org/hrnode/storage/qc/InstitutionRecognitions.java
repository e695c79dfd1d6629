package org.hrnode.storage.qc;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.hrnode.storage.db.Transactor;

/**
 * The recognition registry ({@code institution_recognition}, V10): which catalogue items each institution is
 * recognised for. An institution's entries are replaced as a whole, as the registry is published. Thread-safe.
 */
public final class InstitutionRecognitions {

    private static final String LIST = """
            SELECT item_no, recognised_from, recognised_until FROM institution_recognition
            WHERE institution_code = ? ORDER BY item_no, recognised_from""";
    private static final String INSTITUTIONS =
            "SELECT DISTINCT institution_code FROM institution_recognition ORDER BY institution_code";
    private static final String DELETE = "DELETE FROM institution_recognition WHERE institution_code = ?";
    private static final String INSERT = """
            INSERT INTO institution_recognition (institution_code, item_no, recognised_from, recognised_until)
            VALUES (?, ?, ?, ?)""";

    private final Transactor transactor;

    public InstitutionRecognitions(Transactor transactor) {
        this.transactor = Objects.requireNonNull(transactor, "transactor");
    }

    /** The institution's entries, by item and start; empty when it has none. */
    public List<RecognitionEntry> of(String institutionCode) {
        return transactor.inTransaction("read the recognitions of " + institutionCode, connection -> {
            try (PreparedStatement s = connection.prepareStatement(LIST)) {
                s.setString(1, institutionCode);
                List<RecognitionEntry> entries = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        Date until = rs.getDate(3);
                        entries.add(new RecognitionEntry(rs.getInt(1), rs.getDate(2).toLocalDate(),
                                until == null ? null : until.toLocalDate()));
                    }
                }
                return entries;
            }
        });
    }

    /** Institutions with at least one entry. */
    public List<String> institutions() {
        return transactor.inTransaction("list recognised institutions", connection -> {
            try (PreparedStatement s = connection.prepareStatement(INSTITUTIONS);
                 ResultSet rs = s.executeQuery()) {
                List<String> codes = new ArrayList<>();
                while (rs.next()) {
                    codes.add(rs.getString(1));
                }
                return codes;
            }
        });
    }

    /**
     * Replaces the institution's entries with {@code entries} in one transaction (empty: removes them all).
     *
     * @throws IllegalArgumentException when two entries name the same item and start day
     */
    public void replace(String institutionCode, List<RecognitionEntry> entries) {
        requireCode(institutionCode);
        Set<String> seen = new HashSet<>();
        for (RecognitionEntry e : entries) {
            if (!seen.add(e.itemNo() + "@" + e.from())) {
                throw new IllegalArgumentException("item " + e.itemNo() + " is listed twice from " + e.from());
            }
        }
        transactor.inTransaction("replace the recognitions of " + institutionCode, connection -> {
            try (PreparedStatement s = connection.prepareStatement(DELETE)) {
                s.setString(1, institutionCode);
                s.executeUpdate();
            }
            try (PreparedStatement s = connection.prepareStatement(INSERT)) {
                for (RecognitionEntry e : entries) {
                    s.setString(1, institutionCode);
                    s.setInt(2, e.itemNo());
                    s.setDate(3, Date.valueOf(e.from()));
                    s.setDate(4, e.until() == null ? null : Date.valueOf(e.until()));
                    s.addBatch();
                }
                s.executeBatch();
            }
            return null;
        });
    }

    /** Removes the institution's entries; whether it had any. */
    public boolean remove(String institutionCode) {
        return transactor.inTransaction("remove the recognitions of " + institutionCode, connection -> {
            try (PreparedStatement s = connection.prepareStatement(DELETE)) {
                s.setString(1, institutionCode);
                return s.executeUpdate() > 0;
            }
        });
    }

    private static void requireCode(String code) {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("an institution code is required");
        }
    }
}
