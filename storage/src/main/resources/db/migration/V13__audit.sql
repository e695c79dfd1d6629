-- Audit trail (Ningxia spec 7.1, 7.6: GB/T 22239 level 3, logs kept at least six months).
-- Append-only: a trigger refuses UPDATE and DELETE; the one exception is retention pruning, which sets
-- hrnode.audit_prune for its own transaction and records an anchor first. Tamper evidence does not rest on the
-- trigger (a superuser can disable it): each row carries SM3(previous hash || canonical row bytes), and
-- ./hrnode audit verify recomputes the chain. No patient names or IDs are ever stored here: studies by UID only.
CREATE TABLE audit_log (
    seq          BIGINT      PRIMARY KEY,
    at           TIMESTAMPTZ NOT NULL,
    actor        TEXT        NOT NULL,
    role         TEXT        NOT NULL,
    institution  TEXT        NOT NULL,
    source       TEXT        NOT NULL,
    action       TEXT        NOT NULL,
    outcome      TEXT        NOT NULL,
    study_uid    TEXT        NOT NULL,
    detail       TEXT        NOT NULL,
    hash         BYTEA       NOT NULL
);

CREATE INDEX audit_log_at ON audit_log (at);

-- Where the verifiable chain starts after pruning: the last pruned row's sequence number and hash.
CREATE TABLE audit_anchor (
    through_seq  BIGINT      PRIMARY KEY,
    hash         BYTEA       NOT NULL,
    pruned_at    TIMESTAMPTZ NOT NULL
);

CREATE FUNCTION audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' AND TG_TABLE_NAME = 'audit_log'
            AND coalesce(current_setting('hrnode.audit_prune', true), '') = 'on' THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'the audit trail is append-only: % on % refused', TG_OP, TG_TABLE_NAME;
END;
$$;

CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_anchor_append_only BEFORE UPDATE OR DELETE ON audit_anchor
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_anchor_no_truncate BEFORE TRUNCATE ON audit_anchor
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
