package org.hrnode.storage.audit;

/** The audited kinds of action (Ningxia spec 7.1: store, query, retrieve, view, decisions, logins, changes). */
public enum AuditAction {
    STORE("store"),
    QUERY("query"),
    RETRIEVE("retrieve"),
    VIEW("view"),
    QC_DECISION("qc-decision"),
    LOGIN("login"),
    CONFIG_CHANGE("config-change"),
    READ("read"),
    EXPORT("export"),
    PRUNE("prune");

    private final String code;

    AuditAction(String code) {
        this.code = code;
    }

    /** As written in the {@code action} column. */
    public String code() {
        return code;
    }
}
