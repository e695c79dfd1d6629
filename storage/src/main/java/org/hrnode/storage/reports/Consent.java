package org.hrnode.storage.reports;

import java.time.Instant;

/**
 * A patient's authorisation for clinicians of {@code orgCode} to look up their recent exams, until
 * {@code expiresAt} unless revoked. {@link #toString} leaves out the patient's identity.
 */
public record Consent(String consentId, String idTypeCode, String idNo, String orgCode, String grantedBy,
                      Instant grantedAt, Instant expiresAt, Instant revokedAt) {

    /** Whether a query at {@code now} may use it. */
    public boolean validAt(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt);
    }

    @Override
    public String toString() {
        return "Consent[" + consentId + ", " + orgCode + ", until " + expiresAt + "]";
    }
}
