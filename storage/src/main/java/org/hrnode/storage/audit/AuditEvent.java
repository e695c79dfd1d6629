package org.hrnode.storage.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * One audited action: who (principal, role, institution), when, from where (IP address or calling AE title), what
 * (action and the study it touched) and how it ended. Studies are named by Study Instance UID only: an audit record
 * never holds patient names or IDs. Absent values are empty strings, so every record hashes the same way.
 *
 * @param at when it happened, kept to the microsecond (what PostgreSQL stores and the hash chain covers)
 * @param actor the authenticated principal, or {@code anonymous}
 * @param role the caller's roles, comma-separated, or empty
 * @param institution the caller's institution, or empty when unknown
 * @param source where the request came from: {@code ip:203.0.113.5} or {@code ae:CT_SCANNER}
 * @param action what was done, one of {@link AuditAction}'s codes
 * @param outcome {@code ok}, or the failure (HTTP status, DIMSE status or reason)
 * @param studyUid the Study Instance UID concerned, or empty
 * @param detail request path, SOP Instance UID or a short description; never patient data
 */
public record AuditEvent(Instant at, String actor, String role, String institution, String source, String action,
        String outcome, String studyUid, String detail) {

    /** Longest text kept in one field: a request path of a kilobyte says enough. */
    static final int MAX_FIELD = 1024;

    public AuditEvent {
        at = Objects.requireNonNull(at, "at").truncatedTo(ChronoUnit.MICROS);
        actor = clean(actor);
        role = clean(role);
        institution = clean(institution);
        source = clean(source);
        action = clean(action);
        outcome = clean(outcome);
        studyUid = clean(studyUid);
        detail = clean(detail);
    }

    private static String clean(String s) {
        if (s == null) {
            return "";
        }
        return s.length() > MAX_FIELD ? s.substring(0, MAX_FIELD) : s;
    }
}
