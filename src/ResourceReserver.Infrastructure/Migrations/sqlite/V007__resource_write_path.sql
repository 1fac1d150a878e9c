-- Issue 10, the resource write path: a resource's state lives in ordinary tables, written with the event log and
-- the read model in one transaction per batch of decisions (see docs/architecture.md).
--   * resource_heads: the fence (version, checked and bumped by every commit) and the grain-only fields.
--     Details and status stay in `resources`, which is both the resource's stored state and its list row.
--   * reservations: also the resource's own rows. `role` says what the grain makes of a row (0 history only,
--     1 a reservation it holds, 2 a standing hold or offer, whose full form is in `hold`).
--     Ended reservations a grain still holds are found by end_ms (the expiry sweep), not by a reminder each.
--   * idempotent_answers: first answers to keyed bookings, per resource, for 24 h.
--   * events.tx: the writing transaction (always 0 here: SQLite has one writer at a time,
--     so the sequence alone is commit order).
CREATE TABLE IF NOT EXISTS resource_heads (
    id TEXT PRIMARY KEY,
    version BIGINT NOT NULL,
    hold_timing TEXT NULL,
    demand TEXT NULL
);

CREATE TABLE IF NOT EXISTS idempotent_answers (
    resource_id TEXT NOT NULL,
    answer_key TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    answer TEXT NOT NULL,
    expires_ms BIGINT NOT NULL,
    PRIMARY KEY (resource_id, answer_key)
);

ALTER TABLE reservations ADD COLUMN role INTEGER NOT NULL DEFAULT 0;
ALTER TABLE reservations ADD COLUMN hold TEXT NULL;
CREATE INDEX IF NOT EXISTS ix_reservations_live ON reservations (resource_id) WHERE role > 0;
CREATE INDEX IF NOT EXISTS ix_reservations_ending ON reservations (end_ms) WHERE role = 1;

ALTER TABLE events ADD COLUMN tx BIGINT NOT NULL DEFAULT 0;
CREATE INDEX IF NOT EXISTS ix_events_order ON events (tx, seq);

ALTER TABLE dispatch_cursors ADD COLUMN tx BIGINT NOT NULL DEFAULT 0;
