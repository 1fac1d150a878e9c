-- Issue 15, analytics: every report reads (start_ms, end_ms, quantity, status, resource_id, user_id) of the
-- reservations overlapping a window. This index holds exactly those columns, led by the start, so a report over a
-- window reads the index alone (an index-only scan) and only up to the window's end, never the rows' payloads.
CREATE INDEX IF NOT EXISTS ix_reservations_analytics ON reservations (start_ms, end_ms, quantity, status, resource_id, user_id);
