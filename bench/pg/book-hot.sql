\set resource 1
\set slot random(0, 33999)
\set user_id random(1, 8)
INSERT INTO bench_reservations (resource_id, user_id, start_at, end_at)
VALUES (:resource, :user_id,
        timestamptz '2027-01-04 00:00:00+00' + make_interval(mins => :slot * 15),
        timestamptz '2027-01-04 00:00:00+00' + make_interval(mins => :slot * 15 + 30))
ON CONFLICT DO NOTHING;
