-- Issue 5: live updates, notifications, calendar feeds, e-mail and webhooks. Every consumer of the event log
-- keeps its own cursor and makes its work idempotent through the unique keys below, so several silos may
-- process the same events without duplicating a notification, a mail or a delivery.
CREATE TABLE IF NOT EXISTS dispatch_cursors (
    consumer TEXT PRIMARY KEY,
    seq BIGINT NOT NULL
);

CREATE TABLE IF NOT EXISTS notifications (
    id TEXT PRIMARY KEY,
    user_id TEXT NOT NULL,
    dedupe_key TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    reservation_id TEXT NULL,
    resource_id TEXT NULL,
    created_ms BIGINT NOT NULL,
    read_ms BIGINT NULL
);
CREATE INDEX IF NOT EXISTS ix_notifications_user ON notifications (user_id, created_ms, id);

CREATE TABLE IF NOT EXISTS calendar_feeds (
    user_id TEXT PRIMARY KEY,
    token TEXT NOT NULL UNIQUE,
    created_ms BIGINT NOT NULL
);

CREATE TABLE IF NOT EXISTS mail_outbox (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL,
    recipient TEXT NOT NULL,
    subject TEXT NOT NULL,
    text_body TEXT NOT NULL,
    html_body TEXT NOT NULL,
    ics TEXT NULL,
    reservation_id TEXT NULL,
    reservation_start_ms BIGINT NULL,
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL,
    due_ms BIGINT NOT NULL,
    lease_ms BIGINT NOT NULL,
    sent_ms BIGINT NULL,
    last_error TEXT NULL,
    created_ms BIGINT NOT NULL
);
CREATE INDEX IF NOT EXISTS ix_mail_outbox_due ON mail_outbox (status, due_ms);

CREATE TABLE IF NOT EXISTS webhooks (
    id TEXT PRIMARY KEY,
    url TEXT NOT NULL,
    events TEXT NOT NULL,
    secret TEXT NOT NULL,
    active INTEGER NOT NULL,
    description TEXT NULL,
    created_by TEXT NOT NULL,
    created_ms BIGINT NOT NULL,
    updated_ms BIGINT NOT NULL
);

CREATE TABLE IF NOT EXISTS webhook_deliveries (
    id TEXT PRIMARY KEY,
    webhook_id TEXT NOT NULL,
    event_id TEXT NOT NULL,
    event_type TEXT NOT NULL,
    payload TEXT NOT NULL,
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL,
    due_ms BIGINT NOT NULL,
    lease_ms BIGINT NOT NULL,
    last_status INTEGER NULL,
    last_error TEXT NULL,
    created_ms BIGINT NOT NULL,
    updated_ms BIGINT NOT NULL,
    UNIQUE (webhook_id, event_id)
);
CREATE INDEX IF NOT EXISTS ix_webhook_deliveries_due ON webhook_deliveries (status, due_ms);
CREATE INDEX IF NOT EXISTS ix_webhook_deliveries_hook ON webhook_deliveries (webhook_id, created_ms, id);
