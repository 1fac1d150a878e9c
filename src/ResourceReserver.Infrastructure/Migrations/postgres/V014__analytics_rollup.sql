-- Issue 15, analytics: a daily rollup of the booked reservations per resource, so the reports over long windows read
-- one row per resource and day instead of every reservation. A row holds the bookings that START on that UTC day:
-- how many, their whole length times quantity, and how many start in each UTC hour (h00..h23, for the peak report).
-- Triggers on reservations keep it exact in the transaction of every change (the resource's own commits are the only
-- writers of its rows, so its rollup rows never see two writers at once). The reports read the rollup for the whole
-- days inside a window and the reservations themselves for the edges (see AnalyticsStore).
-- "Booked" is confirmed, checked_in or completed, as AnalyticsStore.BookedStatuses.
CREATE TABLE IF NOT EXISTS analytics_days (
    day_ms BIGINT NOT NULL,
    resource_id TEXT NOT NULL,
    bookings BIGINT NOT NULL DEFAULT 0,
    booked_ms BIGINT NOT NULL DEFAULT 0,
    h00 BIGINT NOT NULL DEFAULT 0,
    h01 BIGINT NOT NULL DEFAULT 0,
    h02 BIGINT NOT NULL DEFAULT 0,
    h03 BIGINT NOT NULL DEFAULT 0,
    h04 BIGINT NOT NULL DEFAULT 0,
    h05 BIGINT NOT NULL DEFAULT 0,
    h06 BIGINT NOT NULL DEFAULT 0,
    h07 BIGINT NOT NULL DEFAULT 0,
    h08 BIGINT NOT NULL DEFAULT 0,
    h09 BIGINT NOT NULL DEFAULT 0,
    h10 BIGINT NOT NULL DEFAULT 0,
    h11 BIGINT NOT NULL DEFAULT 0,
    h12 BIGINT NOT NULL DEFAULT 0,
    h13 BIGINT NOT NULL DEFAULT 0,
    h14 BIGINT NOT NULL DEFAULT 0,
    h15 BIGINT NOT NULL DEFAULT 0,
    h16 BIGINT NOT NULL DEFAULT 0,
    h17 BIGINT NOT NULL DEFAULT 0,
    h18 BIGINT NOT NULL DEFAULT 0,
    h19 BIGINT NOT NULL DEFAULT 0,
    h20 BIGINT NOT NULL DEFAULT 0,
    h21 BIGINT NOT NULL DEFAULT 0,
    h22 BIGINT NOT NULL DEFAULT 0,
    h23 BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (day_ms, resource_id)
);

-- The longest reservation bounds how far before a window a booking can start and still reach into it.
CREATE INDEX IF NOT EXISTS ix_reservations_length ON reservations ((end_ms - start_ms));

CREATE OR REPLACE FUNCTION analytics_days_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
    INSERT INTO analytics_days (day_ms, resource_id, bookings, booked_ms, h00, h01, h02, h03, h04, h05, h06, h07, h08, h09, h10, h11, h12, h13, h14, h15, h16, h17, h18, h19, h20, h21, h22, h23)
    SELECT OLD.start_ms - OLD.start_ms % 86400000, OLD.resource_id, -1, -1 * (OLD.end_ms - OLD.start_ms) * OLD.quantity,
        CASE WHEN (OLD.start_ms % 86400000) / 3600000 = 0 THEN -1 ELSE 0 END, CASE WHEN (OLD.start_ms % 86400000) / 3600000 = 1 THEN -1 ELSE 0 END, CASE WHEN (OLD.start_ms % 86400000) / 3600000 = 2 THEN -1 ELSE 0 END, CASE WHEN (OLD.start_ms % 86400000) / 3600000 = 3 THEN -1 ELSE 0 END, CASE WHEN (OLD.start_ms % 86400000) / 3600000 = 4 THEN -1 ELSE 0 END, CASE WHEN (OLD.start_ms % 86400000) / 3600000 = 5 THEN -1 ELSE 0 END, CASE WHEN (OLD.start_ms % 86400000) / 3600000 = 6 THEN -1 ELSE 0 END, CASE WHEN (OLD.start_ms % 86400000) / 3600000 = 7 THEN -1 ELSE 0 END, CASE WHEN (OLD.start_ms % 86400000) / 3600000 = 8 THEN -1 ELSE 0 END, CASE WHEN (OLD.start_ms % 86400000) / 3600000 = 9 THEN -1 ELSE 0 END, CASE WHEN (OLD.start_ms % 86400000) / 3600000 = 10 THEN -1 ELSE 0 END, CASE WHEN (OLD.start_ms % 86400000) / 3600000 = 11 THEN -1 ELSE 0 END, CASE WHEN (OLD.start_ms % 86400000) / 3600000 = 12 THEN -1 ELSE 0 END, CASE WHEN (OLD.start_ms % 86400000) / 3600000 = 13 THEN -1 ELSE 0 END, CASE WHEN (OLD.start_ms % 86400000) / 3600000 = 14 THEN -1 ELSE 0 END, CASE WHEN (OLD.start_ms % 86400000) / 3600000 = 15 THEN -1 ELSE 0 END, CASE WHEN (OLD.start_ms % 86400000) / 3600000 = 16 THEN -1 ELSE 0 END, CASE WHEN (OLD.start_ms % 86400000) / 3600000 = 17 THEN -1 ELSE 0 END, CASE WHEN (OLD.start_ms % 86400000) / 3600000 = 18 THEN -1 ELSE 0 END, CASE WHEN (OLD.start_ms % 86400000) / 3600000 = 19 THEN -1 ELSE 0 END, CASE WHEN (OLD.start_ms % 86400000) / 3600000 = 20 THEN -1 ELSE 0 END, CASE WHEN (OLD.start_ms % 86400000) / 3600000 = 21 THEN -1 ELSE 0 END, CASE WHEN (OLD.start_ms % 86400000) / 3600000 = 22 THEN -1 ELSE 0 END, CASE WHEN (OLD.start_ms % 86400000) / 3600000 = 23 THEN -1 ELSE 0 END
    WHERE OLD.status IN ('confirmed', 'checked_in', 'completed')
    ON CONFLICT (day_ms, resource_id) DO UPDATE SET bookings = analytics_days.bookings + excluded.bookings,
        booked_ms = analytics_days.booked_ms + excluded.booked_ms,
        h00 = analytics_days.h00 + excluded.h00,
        h01 = analytics_days.h01 + excluded.h01,
        h02 = analytics_days.h02 + excluded.h02,
        h03 = analytics_days.h03 + excluded.h03,
        h04 = analytics_days.h04 + excluded.h04,
        h05 = analytics_days.h05 + excluded.h05,
        h06 = analytics_days.h06 + excluded.h06,
        h07 = analytics_days.h07 + excluded.h07,
        h08 = analytics_days.h08 + excluded.h08,
        h09 = analytics_days.h09 + excluded.h09,
        h10 = analytics_days.h10 + excluded.h10,
        h11 = analytics_days.h11 + excluded.h11,
        h12 = analytics_days.h12 + excluded.h12,
        h13 = analytics_days.h13 + excluded.h13,
        h14 = analytics_days.h14 + excluded.h14,
        h15 = analytics_days.h15 + excluded.h15,
        h16 = analytics_days.h16 + excluded.h16,
        h17 = analytics_days.h17 + excluded.h17,
        h18 = analytics_days.h18 + excluded.h18,
        h19 = analytics_days.h19 + excluded.h19,
        h20 = analytics_days.h20 + excluded.h20,
        h21 = analytics_days.h21 + excluded.h21,
        h22 = analytics_days.h22 + excluded.h22,
        h23 = analytics_days.h23 + excluded.h23;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO analytics_days (day_ms, resource_id, bookings, booked_ms, h00, h01, h02, h03, h04, h05, h06, h07, h08, h09, h10, h11, h12, h13, h14, h15, h16, h17, h18, h19, h20, h21, h22, h23)
    SELECT NEW.start_ms - NEW.start_ms % 86400000, NEW.resource_id, 1, 1 * (NEW.end_ms - NEW.start_ms) * NEW.quantity,
        CASE WHEN (NEW.start_ms % 86400000) / 3600000 = 0 THEN 1 ELSE 0 END, CASE WHEN (NEW.start_ms % 86400000) / 3600000 = 1 THEN 1 ELSE 0 END, CASE WHEN (NEW.start_ms % 86400000) / 3600000 = 2 THEN 1 ELSE 0 END, CASE WHEN (NEW.start_ms % 86400000) / 3600000 = 3 THEN 1 ELSE 0 END, CASE WHEN (NEW.start_ms % 86400000) / 3600000 = 4 THEN 1 ELSE 0 END, CASE WHEN (NEW.start_ms % 86400000) / 3600000 = 5 THEN 1 ELSE 0 END, CASE WHEN (NEW.start_ms % 86400000) / 3600000 = 6 THEN 1 ELSE 0 END, CASE WHEN (NEW.start_ms % 86400000) / 3600000 = 7 THEN 1 ELSE 0 END, CASE WHEN (NEW.start_ms % 86400000) / 3600000 = 8 THEN 1 ELSE 0 END, CASE WHEN (NEW.start_ms % 86400000) / 3600000 = 9 THEN 1 ELSE 0 END, CASE WHEN (NEW.start_ms % 86400000) / 3600000 = 10 THEN 1 ELSE 0 END, CASE WHEN (NEW.start_ms % 86400000) / 3600000 = 11 THEN 1 ELSE 0 END, CASE WHEN (NEW.start_ms % 86400000) / 3600000 = 12 THEN 1 ELSE 0 END, CASE WHEN (NEW.start_ms % 86400000) / 3600000 = 13 THEN 1 ELSE 0 END, CASE WHEN (NEW.start_ms % 86400000) / 3600000 = 14 THEN 1 ELSE 0 END, CASE WHEN (NEW.start_ms % 86400000) / 3600000 = 15 THEN 1 ELSE 0 END, CASE WHEN (NEW.start_ms % 86400000) / 3600000 = 16 THEN 1 ELSE 0 END, CASE WHEN (NEW.start_ms % 86400000) / 3600000 = 17 THEN 1 ELSE 0 END, CASE WHEN (NEW.start_ms % 86400000) / 3600000 = 18 THEN 1 ELSE 0 END, CASE WHEN (NEW.start_ms % 86400000) / 3600000 = 19 THEN 1 ELSE 0 END, CASE WHEN (NEW.start_ms % 86400000) / 3600000 = 20 THEN 1 ELSE 0 END, CASE WHEN (NEW.start_ms % 86400000) / 3600000 = 21 THEN 1 ELSE 0 END, CASE WHEN (NEW.start_ms % 86400000) / 3600000 = 22 THEN 1 ELSE 0 END, CASE WHEN (NEW.start_ms % 86400000) / 3600000 = 23 THEN 1 ELSE 0 END
    WHERE NEW.status IN ('confirmed', 'checked_in', 'completed')
    ON CONFLICT (day_ms, resource_id) DO UPDATE SET bookings = analytics_days.bookings + excluded.bookings,
        booked_ms = analytics_days.booked_ms + excluded.booked_ms,
        h00 = analytics_days.h00 + excluded.h00,
        h01 = analytics_days.h01 + excluded.h01,
        h02 = analytics_days.h02 + excluded.h02,
        h03 = analytics_days.h03 + excluded.h03,
        h04 = analytics_days.h04 + excluded.h04,
        h05 = analytics_days.h05 + excluded.h05,
        h06 = analytics_days.h06 + excluded.h06,
        h07 = analytics_days.h07 + excluded.h07,
        h08 = analytics_days.h08 + excluded.h08,
        h09 = analytics_days.h09 + excluded.h09,
        h10 = analytics_days.h10 + excluded.h10,
        h11 = analytics_days.h11 + excluded.h11,
        h12 = analytics_days.h12 + excluded.h12,
        h13 = analytics_days.h13 + excluded.h13,
        h14 = analytics_days.h14 + excluded.h14,
        h15 = analytics_days.h15 + excluded.h15,
        h16 = analytics_days.h16 + excluded.h16,
        h17 = analytics_days.h17 + excluded.h17,
        h18 = analytics_days.h18 + excluded.h18,
        h19 = analytics_days.h19 + excluded.h19,
        h20 = analytics_days.h20 + excluded.h20,
        h21 = analytics_days.h21 + excluded.h21,
        h22 = analytics_days.h22 + excluded.h22,
        h23 = analytics_days.h23 + excluded.h23;
    END IF;
    RETURN NULL;
END $$;

DROP TRIGGER IF EXISTS analytics_days_insert ON reservations;
CREATE TRIGGER analytics_days_insert AFTER INSERT ON reservations FOR EACH ROW
    WHEN (NEW.status IN ('confirmed', 'checked_in', 'completed')) EXECUTE FUNCTION analytics_days_count();
DROP TRIGGER IF EXISTS analytics_days_delete ON reservations;
CREATE TRIGGER analytics_days_delete AFTER DELETE ON reservations FOR EACH ROW
    WHEN (OLD.status IN ('confirmed', 'checked_in', 'completed')) EXECUTE FUNCTION analytics_days_count();
DROP TRIGGER IF EXISTS analytics_days_update ON reservations;
CREATE TRIGGER analytics_days_update AFTER UPDATE ON reservations FOR EACH ROW
    WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.start_ms <> NEW.start_ms OR OLD.end_ms <> NEW.end_ms OR OLD.quantity <> NEW.quantity OR OLD.resource_id <> NEW.resource_id) EXECUTE FUNCTION analytics_days_count();

-- What already exists (a no-op on a new database).
INSERT INTO analytics_days (day_ms, resource_id, bookings, booked_ms, h00, h01, h02, h03, h04, h05, h06, h07, h08, h09, h10, h11, h12, h13, h14, h15, h16, h17, h18, h19, h20, h21, h22, h23)
SELECT x.start_ms - x.start_ms % 86400000, x.resource_id, COUNT(*), SUM((x.end_ms - x.start_ms) * x.quantity),
    SUM(CASE WHEN (x.start_ms % 86400000) / 3600000 = 0 THEN 1 ELSE 0 END), SUM(CASE WHEN (x.start_ms % 86400000) / 3600000 = 1 THEN 1 ELSE 0 END), SUM(CASE WHEN (x.start_ms % 86400000) / 3600000 = 2 THEN 1 ELSE 0 END), SUM(CASE WHEN (x.start_ms % 86400000) / 3600000 = 3 THEN 1 ELSE 0 END), SUM(CASE WHEN (x.start_ms % 86400000) / 3600000 = 4 THEN 1 ELSE 0 END), SUM(CASE WHEN (x.start_ms % 86400000) / 3600000 = 5 THEN 1 ELSE 0 END), SUM(CASE WHEN (x.start_ms % 86400000) / 3600000 = 6 THEN 1 ELSE 0 END), SUM(CASE WHEN (x.start_ms % 86400000) / 3600000 = 7 THEN 1 ELSE 0 END), SUM(CASE WHEN (x.start_ms % 86400000) / 3600000 = 8 THEN 1 ELSE 0 END), SUM(CASE WHEN (x.start_ms % 86400000) / 3600000 = 9 THEN 1 ELSE 0 END), SUM(CASE WHEN (x.start_ms % 86400000) / 3600000 = 10 THEN 1 ELSE 0 END), SUM(CASE WHEN (x.start_ms % 86400000) / 3600000 = 11 THEN 1 ELSE 0 END), SUM(CASE WHEN (x.start_ms % 86400000) / 3600000 = 12 THEN 1 ELSE 0 END), SUM(CASE WHEN (x.start_ms % 86400000) / 3600000 = 13 THEN 1 ELSE 0 END), SUM(CASE WHEN (x.start_ms % 86400000) / 3600000 = 14 THEN 1 ELSE 0 END), SUM(CASE WHEN (x.start_ms % 86400000) / 3600000 = 15 THEN 1 ELSE 0 END), SUM(CASE WHEN (x.start_ms % 86400000) / 3600000 = 16 THEN 1 ELSE 0 END), SUM(CASE WHEN (x.start_ms % 86400000) / 3600000 = 17 THEN 1 ELSE 0 END), SUM(CASE WHEN (x.start_ms % 86400000) / 3600000 = 18 THEN 1 ELSE 0 END), SUM(CASE WHEN (x.start_ms % 86400000) / 3600000 = 19 THEN 1 ELSE 0 END), SUM(CASE WHEN (x.start_ms % 86400000) / 3600000 = 20 THEN 1 ELSE 0 END), SUM(CASE WHEN (x.start_ms % 86400000) / 3600000 = 21 THEN 1 ELSE 0 END), SUM(CASE WHEN (x.start_ms % 86400000) / 3600000 = 22 THEN 1 ELSE 0 END), SUM(CASE WHEN (x.start_ms % 86400000) / 3600000 = 23 THEN 1 ELSE 0 END)
FROM reservations x WHERE x.status IN ('confirmed', 'checked_in', 'completed')
GROUP BY x.start_ms - x.start_ms % 86400000, x.resource_id
ON CONFLICT (day_ms, resource_id) DO NOTHING;
