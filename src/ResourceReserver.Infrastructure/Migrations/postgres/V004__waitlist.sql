-- Waitlist entries projected from the waitlist grains' outboxes: which resource an entry belongs to, and whose it is.
-- Positions change with every join and leave, so the API asks the grain for them; this table only locates entries.
CREATE TABLE IF NOT EXISTS waitlist_entries (
    id TEXT PRIMARY KEY,
    resource_id TEXT NOT NULL,
    user_id TEXT NOT NULL,
    status TEXT NOT NULL,
    version BIGINT NOT NULL,
    payload TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_waitlist_entries_user ON waitlist_entries (user_id, resource_id);
