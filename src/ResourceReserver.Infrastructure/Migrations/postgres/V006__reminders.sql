-- Issue 5, reminders before start: one row per reservation, lead time and start, so a replayed event or a
-- second silo schedules nothing twice and a moved reservation gets fresh rows. A lease lets one silo fire a
-- reminder; firing is idempotent by the row's id (mail key, notification dedupe key), so a crash mid-fire
-- repeats no mail and no feed entry.
CREATE TABLE IF NOT EXISTS reminders (
    id TEXT PRIMARY KEY,
    reservation_id TEXT NOT NULL,
    user_id TEXT NOT NULL,
    lead_hours INTEGER NOT NULL,
    reservation_start_ms BIGINT NOT NULL,
    status TEXT NOT NULL,
    due_ms BIGINT NOT NULL,
    lease_ms BIGINT NOT NULL,
    created_ms BIGINT NOT NULL,
    done_ms BIGINT NULL
);
CREATE INDEX IF NOT EXISTS ix_reminders_due ON reminders (status, due_ms);
