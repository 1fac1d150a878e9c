-- Read store: the event log (audit and history) and the projections the API queries across grains.
-- Instants are unix milliseconds (bigint) and ids are text, so one set of query texts serves both databases.
CREATE TABLE IF NOT EXISTS events (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id TEXT NOT NULL UNIQUE,
    type TEXT NOT NULL,
    entity_type TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    actor_id TEXT NULL,
    occurred_ms BIGINT NOT NULL,
    payload TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_events_entity ON events (entity_id, seq);

CREATE TABLE IF NOT EXISTS reservations (
    id TEXT PRIMARY KEY,
    resource_id TEXT NOT NULL,
    user_id TEXT NOT NULL,
    start_ms BIGINT NOT NULL,
    end_ms BIGINT NOT NULL,
    quantity INTEGER NOT NULL,
    status TEXT NOT NULL,
    version BIGINT NOT NULL,
    payload TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_reservations_user ON reservations (user_id, start_ms, id);
CREATE INDEX IF NOT EXISTS ix_reservations_resource ON reservations (resource_id, start_ms, id);
CREATE INDEX IF NOT EXISTS ix_reservations_start ON reservations (start_ms, id);

CREATE TABLE IF NOT EXISTS resources (
    id TEXT PRIMARY KEY,
    name_key TEXT NOT NULL,
    search_text TEXT NOT NULL,
    status TEXT NOT NULL,
    capacity INTEGER NOT NULL,
    deleted INTEGER NOT NULL,
    version BIGINT NOT NULL,
    payload TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_resources_name ON resources (deleted, name_key, id);

CREATE TABLE IF NOT EXISTS resource_tags (
    resource_id TEXT NOT NULL,
    tag TEXT NOT NULL,
    PRIMARY KEY (resource_id, tag)
);
CREATE INDEX IF NOT EXISTS ix_resource_tags_tag ON resource_tags (tag, resource_id);

CREATE TABLE IF NOT EXISTS users (
    id TEXT PRIMARY KEY,
    username_key TEXT NOT NULL,
    version BIGINT NOT NULL,
    payload TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
