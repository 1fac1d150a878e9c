-- Orleans grain state and reminders for the embedded (SQLite) mode.
-- Versions (ETags) come from one monotonic sequence shared by both tables, so a row that is deleted and
-- created again never reuses a version an older activation may still hold (no ABA on the ETag check).

CREATE TABLE orleans_version_sequence (
    id    INTEGER PRIMARY KEY CHECK (id = 1),
    value INTEGER NOT NULL
);

INSERT INTO orleans_version_sequence (id, value) VALUES (1, 0);

-- The primary key is the storage identity: it closes the first-write race (INSERT ... ON CONFLICT DO NOTHING).
CREATE TABLE orleans_grain_state (
    service_id  TEXT    NOT NULL,
    state_name  TEXT    NOT NULL,
    grain_id    TEXT    NOT NULL,
    version     INTEGER NOT NULL,
    payload     BLOB    NOT NULL,
    modified_at INTEGER NOT NULL, -- unix milliseconds, UTC
    PRIMARY KEY (service_id, state_name, grain_id)
);

CREATE TABLE orleans_reminders (
    service_id    TEXT    NOT NULL,
    grain_id      TEXT    NOT NULL, -- GrainId.ToString(), compared byte for byte (BINARY collation)
    reminder_name TEXT    NOT NULL,
    start_time    INTEGER NOT NULL, -- unix milliseconds, UTC
    period        INTEGER NOT NULL, -- milliseconds
    grain_hash    INTEGER NOT NULL CHECK (grain_hash BETWEEN 0 AND 4294967295), -- GrainId.GetUniformHashCode()
    version       INTEGER NOT NULL,
    PRIMARY KEY (service_id, grain_id, reminder_name)
);

CREATE INDEX ix_orleans_reminders_hash ON orleans_reminders (service_id, grain_hash);
