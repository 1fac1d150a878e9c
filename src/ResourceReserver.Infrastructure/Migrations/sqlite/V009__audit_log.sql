-- Issue 14, the audit log (see the PostgreSQL file for the rules): append-only, UPDATE refused by a trigger.
CREATE TABLE IF NOT EXISTS audit_entries (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
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

CREATE TRIGGER IF NOT EXISTS audit_entries_no_update BEFORE UPDATE ON audit_entries
BEGIN
    SELECT RAISE(ABORT, 'audit entries are append-only');
END;
