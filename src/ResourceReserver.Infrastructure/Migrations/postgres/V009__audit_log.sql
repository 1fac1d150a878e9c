-- Issue 14, the audit log: one row per change or security event, appended in the transaction of the change it
-- describes (resource commits, outbox projections, webhook writes) or on its own (refusals, exports).
-- Append-only: a trigger refuses every UPDATE; rows leave only through the retention purge (DELETE by age).
-- Rows of domain events share the event's id, so a redelivered outbox adds nothing.
CREATE TABLE IF NOT EXISTS audit_entries (
    seq BIGSERIAL PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    at_ms BIGINT NOT NULL,
    actor_id TEXT NULL,
    actor_name TEXT NULL,
    action TEXT NOT NULL,
    entity_type TEXT NULL,
    entity_id TEXT NULL,
    outcome TEXT NOT NULL,
    ip TEXT NULL,
    user_agent TEXT NULL,
    detail TEXT NULL
);
CREATE INDEX IF NOT EXISTS ix_audit_at ON audit_entries (at_ms, seq);
CREATE INDEX IF NOT EXISTS ix_audit_actor ON audit_entries (actor_id, seq);
CREATE INDEX IF NOT EXISTS ix_audit_action ON audit_entries (action, seq);
CREATE INDEX IF NOT EXISTS ix_audit_entity ON audit_entries (entity_id, seq);

CREATE OR REPLACE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit entries are append-only';
END;
$$;
DROP TRIGGER IF EXISTS audit_entries_no_update ON audit_entries;
CREATE TRIGGER audit_entries_no_update BEFORE UPDATE ON audit_entries FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only();
