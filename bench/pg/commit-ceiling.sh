#!/usr/bin/env bash
# PostgreSQL commit ceiling: pgbench, one version-checked single-row UPDATE per transaction, 8 and 32 clients.
# Usage: bench/pg/commit-ceiling.sh [connection URI] [seconds]   (default: the CI/test PostgreSQL on 55432)
set -euo pipefail
URI=${1:-postgresql://postgres@127.0.0.1:55432/reserver_test}
SECONDS_PER_RUN=${2:-20}
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
psql -q "$URI" -c "DROP TABLE IF EXISTS bench_rows; CREATE TABLE bench_rows (id int PRIMARY KEY, version bigint NOT NULL, payload text NOT NULL); INSERT INTO bench_rows SELECT g, 0, repeat('x', 200) FROM generate_series(1, 10000) g;"
for clients in 8 32; do
    echo "== $clients clients, $SECONDS_PER_RUN s"
    pgbench -n -M prepared -c "$clients" -j 2 -T "$SECONDS_PER_RUN" -f "$HERE/versioned-update.sql" "$URI" | grep -E "^(tps|latency average)"
done
