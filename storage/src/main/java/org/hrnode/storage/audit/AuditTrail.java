package org.hrnode.storage.audit;

/** Where audited actions go. Implementations never block the caller for long and never throw. */
@FunctionalInterface
public interface AuditTrail {

    /** A trail that keeps nothing: for tools and tests that audit nothing. */
    AuditTrail NONE = event -> { };

    void record(AuditEvent event);
}
