package org.hrnode.storage.reports;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.hrnode.storage.db.Transactor;

/**
 * Consents, the log of recognition queries, and clinicians' decisions and quotations (V14 tables). Thread-safe.
 */
public final class PostgresRecognitionRecords {

    private static final String INSERT_CONSENT = "INSERT INTO consents (consent_id, id_type_code, id_no, org_code,"
            + " granted_by, granted_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?)";
    private static final String FIND_CONSENT = "SELECT consent_id, id_type_code, id_no, org_code, granted_by,"
            + " granted_at, expires_at, revoked_at FROM consents WHERE consent_id = ?";
    private static final String REVOKE_CONSENT = "UPDATE consents SET revoked_at = ? WHERE consent_id = ?"
            + " AND revoked_at IS NULL";
    private static final String INSERT_QUERY = "INSERT INTO recognition_queries (asked_at, principal, consent_id,"
            + " kind, outcome, detail, results) VALUES (?, ?, ?, ?, ?, ?, ?)";
    private static final String UPSERT_DECISION = "INSERT INTO recognition_decisions (report_fk, item_code,"
            + " accepted, reason, new_event_no, new_event_type, org_code, dept_code, dept_name, doc_code, doc_name,"
            + " record_time, principal, consent_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (new_event_no, report_fk, item_code) DO UPDATE SET accepted = EXCLUDED.accepted,"
            + " reason = EXCLUDED.reason, new_event_type = EXCLUDED.new_event_type, org_code = EXCLUDED.org_code,"
            + " dept_code = EXCLUDED.dept_code, dept_name = EXCLUDED.dept_name, doc_code = EXCLUDED.doc_code,"
            + " doc_name = EXCLUDED.doc_name, record_time = EXCLUDED.record_time, principal = EXCLUDED.principal,"
            + " consent_id = EXCLUDED.consent_id, recorded_at = now()";
    private static final String UPSERT_QUOTE = "INSERT INTO recognition_quotes (report_fk, item_code,"
            + " new_event_no, new_event_type, org_code, dept_code, dept_name, doc_code, doc_name, record_time,"
            + " principal, consent_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (new_event_no, report_fk, item_code) DO UPDATE SET"
            + " new_event_type = EXCLUDED.new_event_type, org_code = EXCLUDED.org_code,"
            + " dept_code = EXCLUDED.dept_code, dept_name = EXCLUDED.dept_name, doc_code = EXCLUDED.doc_code,"
            + " doc_name = EXCLUDED.doc_name, record_time = EXCLUDED.record_time, principal = EXCLUDED.principal,"
            + " consent_id = EXCLUDED.consent_id, recorded_at = now()";
    // per reporting institution and item: accepted, rejected, quoted; reasons in a second query
    private static final String COUNTS = "SELECT r.org_code, i.exam_item_code, i.exam_item_name,"
            + " (SELECT count(*) FROM recognition_decisions d WHERE d.report_fk = r.pk AND d.item_code ="
            + " i.exam_item_code AND d.accepted),"
            + " (SELECT count(*) FROM recognition_decisions d WHERE d.report_fk = r.pk AND d.item_code ="
            + " i.exam_item_code AND NOT d.accepted),"
            + " (SELECT count(*) FROM recognition_quotes q WHERE q.report_fk = r.pk AND q.item_code ="
            + " i.exam_item_code)"
            + " FROM reports r JOIN report_items i ON i.report_fk = r.pk WHERE (?::text IS NULL OR r.org_code = ?)";
    private static final String REASONS = "SELECT r.org_code, d.item_code, d.reason, count(*) FROM"
            + " recognition_decisions d JOIN reports r ON r.pk = d.report_fk WHERE NOT d.accepted"
            + " AND (?::text IS NULL OR r.org_code = ?) GROUP BY r.org_code, d.item_code, d.reason"
            + " ORDER BY count(*) DESC, d.reason";

    private final Transactor transactor;

    public PostgresRecognitionRecords(Transactor transactor) {
        this.transactor = Objects.requireNonNull(transactor, "transactor");
    }

    public void addConsent(Consent consent) {
        transactor.inTransaction("record consent " + consent.consentId(), c -> {
            try (PreparedStatement s = c.prepareStatement(INSERT_CONSENT)) {
                s.setString(1, consent.consentId());
                s.setString(2, consent.idTypeCode());
                s.setString(3, consent.idNo());
                s.setString(4, consent.orgCode());
                s.setString(5, consent.grantedBy());
                s.setTimestamp(6, Timestamp.from(consent.grantedAt()));
                s.setTimestamp(7, Timestamp.from(consent.expiresAt()));
                return s.executeUpdate();
            }
        });
    }

    public Optional<Consent> consent(String consentId) {
        return transactor.inTransaction("read consent " + consentId, c -> {
            try (PreparedStatement s = c.prepareStatement(FIND_CONSENT)) {
                s.setString(1, consentId);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<Consent>empty();
                    }
                    Timestamp revoked = rs.getTimestamp(8);
                    return Optional.of(new Consent(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getTimestamp(6).toInstant(),
                            rs.getTimestamp(7).toInstant(), revoked == null ? null : revoked.toInstant()));
                }
            }
        });
    }

    /** @return false when the consent does not exist or was revoked already */
    public boolean revokeConsent(String consentId, Instant at) {
        return transactor.inTransaction("revoke consent " + consentId, c -> {
            try (PreparedStatement s = c.prepareStatement(REVOKE_CONSENT)) {
                s.setTimestamp(1, Timestamp.from(at));
                s.setString(2, consentId);
                return s.executeUpdate() > 0;
            }
        });
    }

    /**
     * Records one recognition query, answered or refused.
     *
     * @param detail what was asked (window, ordered items) or why it was refused; never the patient's identity
     */
    public void recordQuery(Instant at, String principal, String consentId, String kind, boolean answered,
            String detail, int results) {
        transactor.inTransaction("record a recognition query", c -> {
            try (PreparedStatement s = c.prepareStatement(INSERT_QUERY)) {
                s.setTimestamp(1, Timestamp.from(at));
                s.setString(2, principal);
                s.setString(3, consentId);
                s.setString(4, kind);
                s.setString(5, answered ? "answered" : "refused");
                s.setString(6, detail);
                s.setInt(7, results);
                return s.executeUpdate();
            }
        });
    }

    /** Counts the recorded queries made under {@code consentId}. */
    public long queriesUnder(String consentId) {
        return transactor.inTransaction("count queries under consent " + consentId, c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT count(*) FROM recognition_queries WHERE consent_id = ?")) {
                s.setString(1, consentId);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /** Stores decisions (accepted/rejected) and quotations in one transaction; a resubmission replaces. */
    public void save(List<Decision> records) {
        transactor.inTransaction("record " + records.size() + " recognition decisions", c -> {
            try (PreparedStatement decision = c.prepareStatement(UPSERT_DECISION);
                    PreparedStatement quote = c.prepareStatement(UPSERT_QUOTE)) {
                for (Decision d : records) {
                    if (d.accepted() != null) {
                        int i = 1;
                        decision.setLong(i++, d.reportPk());
                        decision.setString(i++, d.itemCode());
                        decision.setBoolean(i++, d.accepted());
                        decision.setObject(i++, d.reason(), Types.SMALLINT);
                        i = bindVisit(decision, i, d);
                        decision.addBatch();
                    } else {
                        int i = 1;
                        quote.setLong(i++, d.reportPk());
                        quote.setString(i++, d.itemCode());
                        bindVisit(quote, i, d);
                        quote.addBatch();
                    }
                }
                decision.executeBatch();
                quote.executeBatch();
            }
            return records.size();
        });
    }

    private static int bindVisit(PreparedStatement s, int first, Decision d) throws SQLException {
        int i = first;
        s.setString(i++, d.newEventNo());
        s.setString(i++, d.newEventType());
        s.setString(i++, d.orgCode());
        s.setString(i++, d.deptCode());
        s.setString(i++, d.deptName());
        s.setString(i++, d.docCode());
        s.setString(i++, d.docName());
        s.setTimestamp(i++, Timestamp.valueOf(d.recordTime()));
        s.setString(i++, d.principal());
        s.setString(i++, d.consentId());
        return i;
    }

    /**
     * Decisions and quotations per reporting institution and item, over all its reports' items that were judged or
     * quoted at least once.
     *
     * @param orgCode one institution, or null for all
     */
    public List<ItemStatistics> statistics(String orgCode) {
        return transactor.inTransaction("recognition statistics", c -> {
            record Key(String org, String item) {
            }
            Map<Key, long[]> counts = new LinkedHashMap<>();
            Map<Key, String> names = new LinkedHashMap<>();
            try (PreparedStatement s = c.prepareStatement(COUNTS)) {
                s.setString(1, orgCode);
                s.setString(2, orgCode);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        Key k = new Key(rs.getString(1), rs.getString(2));
                        names.putIfAbsent(k, rs.getString(3));
                        long[] sum = counts.computeIfAbsent(k, x -> new long[3]);
                        sum[0] += rs.getLong(4);
                        sum[1] += rs.getLong(5);
                        sum[2] += rs.getLong(6);
                    }
                }
            }
            Map<Key, Map<Integer, Long>> reasons = new LinkedHashMap<>();
            try (PreparedStatement s = c.prepareStatement(REASONS)) {
                s.setString(1, orgCode);
                s.setString(2, orgCode);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        reasons.computeIfAbsent(new Key(rs.getString(1), rs.getString(2)),
                                x -> new LinkedHashMap<>()).put(rs.getInt(3), rs.getLong(4));
                    }
                }
            }
            List<ItemStatistics> all = new ArrayList<>();
            counts.forEach((k, n) -> {
                if (n[0] + n[1] + n[2] > 0) {
                    all.add(new ItemStatistics(k.org(), k.item(), names.get(k), n[0], n[1], n[2],
                            reasons.getOrDefault(k, Map.of())));
                }
            });
            all.sort(java.util.Comparator.comparing(ItemStatistics::orgCode).thenComparing(ItemStatistics::itemCode));
            return all;
        });
    }
}
