#!/usr/bin/env bash
# Conventional baseline: one booking = one PostgreSQL transaction, an INSERT into a table whose exclusion
# constraint (btree_gist) refuses overlaps on the same resource; a refused booking is a no-op
# (ON CONFLICT DO NOTHING, the 409 of this baseline). pgbench, 8 and 32 clients, two workloads:
#   spread: a random resource among 10,000;  hot: always resource 1.
# Each booking: a random 15-minute-aligned start within ~354 days, 30 minutes long (the same distribution the
# REST benchmark uses). The table is emptied before every run, as the engine starts from empty resources.
# Usage: bench/pg/exclusion-baseline.sh [connection URI] [seconds]
set -euo pipefail
URI=${1:-postgresql://postgres@127.0.0.1:55432/reserver_test}
SECONDS_PER_RUN=${2:-20}
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
psql -q -v ON_ERROR_STOP=1 "$URI" <<'SQL'
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS btree_gist;
DROP TABLE IF EXISTS bench_reservations;
DROP TABLE IF EXISTS bench_resources;
CREATE TABLE bench_resources (id int PRIMARY KEY, name text NOT NULL, capacity int NOT NULL DEFAULT 1);
INSERT INTO bench_resources SELECT g, 'resource ' || g, 1 FROM generate_series(1, 10000) g;
CREATE TABLE bench_reservations (
    id bigserial PRIMARY KEY,
    resource_id int NOT NULL REFERENCES bench_resources (id),
    user_id int NOT NULL,
    start_at timestamptz NOT NULL,
    end_at timestamptz NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    EXCLUDE USING gist (resource_id WITH =, tstzrange(start_at, end_at) WITH &&)
);
SQL
for workload in spread hot; do
    for clients in 8 32; do
        psql -q "$URI" -c "TRUNCATE bench_reservations"
        out=$(pgbench -n -M prepared -c "$clients" -j 2 -T "$SECONDS_PER_RUN" -f "$HERE/book-$workload.sql" "$URI")
        tps=$(sed -nE 's/^tps = ([0-9.]+).*/\1/p' <<<"$out")
        lat=$(sed -nE 's/^latency average = ([0-9.]+ ms).*/\1/p' <<<"$out")
        failed=$(sed -nE 's/^number of failed transactions: ([0-9]+).*/\1/p' <<<"$out")
        done_tx=$(sed -nE 's/^number of transactions actually processed: ([0-9]+).*/\1/p' <<<"$out")
        booked=$(psql -Atq "$URI" -c "SELECT count(*) FROM bench_reservations")
        echo "exclusion $workload clients=$clients seconds=$SECONDS_PER_RUN tps=$tps latency_avg=$lat transactions=$done_tx booked=$booked refused=$((done_tx - booked)) failed=${failed:-0}"
    done
done
psql -q "$URI" -c "DROP TABLE bench_reservations; DROP TABLE bench_resources"
