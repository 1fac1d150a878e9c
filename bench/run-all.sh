#!/usr/bin/env bash
# Every issue-6 and issue-10 benchmark in ONE run, so ratios compare like with like on the same machine state:
#   1. PostgreSQL commit ceiling (bench/pg/commit-ceiling.sh, pgbench, 8 and 32 clients)
#   2. exclusion-constraint booking baseline in SQL alone (bench/pg/exclusion-baseline.sh, spread and hot)
#   3. booking cost at 10, 1,000 and 10,000 reservations held (bench/ResourceReserver.Bench, PostgreSQL store)
#   4. REST benchmarks (bench/ResourceReserver.Load): the conventional REST baseline (bench/ResourceReserver.Baseline),
#      then ours in production mode (PostgreSQL + Redis) and embedded mode (SQLite): idle database transactions,
#      HTTP ceiling (/live, also with wrk), one booking at a time, booking spread over N resources and on one hot
#      resource, availability queries; saturation (closed loop) and p50/p99 at 80 % of it (open loop); PostgreSQL
#      transactions per booking; the issue-10 targets as RATIO lines.
# Usage: bench/run-all.sh [seconds per point, default 30] [extra options for the load tool, e.g. --silos 2]
# Uses the PostgreSQL 15 and Redis on 127.0.0.1:$RR_CI_PG_PORT / :$RR_CI_REDIS_PORT (default 55432 / 56379, as in
# .ci/postgres.sh and .ci/redis.sh); starts them (under .ci/work) only if nothing answers there, and then stops them
# again. Writes bench/results/<UTC stamp>.txt.
# Not a test; never run in CI. About 30 minutes at 30 s per point on 2 cores (creating 10,000 resources takes 0.5-2 min per mode).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
SECONDS_PER_POINT=${1:-30}
shift || true
STAMP=$(date -u +%Y%m%d-%H%M%S)
OUT="bench/results/$STAMP.txt"
mkdir -p bench/results
export CI_WORK="$PWD/.ci/work"

started_pg=0
started_redis=0
cleanup() {
    if [[ $started_redis == 1 ]]; then redis_stop; fi
    if [[ $started_pg == 1 ]]; then pg_stop; fi
}
trap cleanup EXIT
# shellcheck source=../.ci/postgres.sh
source .ci/postgres.sh
# shellcheck source=../.ci/redis.sh
source .ci/redis.sh
if ! pg_isready -q -h 127.0.0.1 -p "$PG_PORT"; then mkdir -p "$CI_WORK"; pg_start; started_pg=1; fi
if [[ "$(redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null)" != "PONG" ]]; then mkdir -p "$CI_WORK"; redis_start; started_redis=1; fi
export RR_TEST_POSTGRES=${RR_TEST_POSTGRES:-"Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=reserver_test;Pooling=true"}
export RR_TEST_REDIS=${RR_TEST_REDIS:-127.0.0.1:$REDIS_PORT}

dotnet build -c Release -v q -nologo src/ResourceReserver.Host >/dev/null
dotnet build -c Release -v q -nologo bench/ResourceReserver.Baseline >/dev/null
dotnet build -c Release -v q -nologo bench/ResourceReserver.Bench >/dev/null
dotnet build -c Release -v q -nologo bench/ResourceReserver.Load >/dev/null

{
    echo "# run $STAMP: $(nproc) cores, $(lscpu | sed -nE 's/^Model name: +//p'), $(free -g | awk '/Mem:/ {print $2}') GiB, $(uname -r)"
    echo "# PostgreSQL: $(psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -Atc "SELECT version() || ', fsync=' || current_setting('fsync') || ', synchronous_commit=' || current_setting('synchronous_commit')" postgres)"
    echo "# load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$OUT"

# pgbench figures in a database of their own, dropped afterwards.
psql -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -c "DROP DATABASE IF EXISTS rr_bench_pg WITH (FORCE)" -c "CREATE DATABASE rr_bench_pg"
PG_URI=postgresql://postgres@127.0.0.1:$PG_PORT/rr_bench_pg
PG_SECONDS=$(( SECONDS_PER_POINT < 20 ? SECONDS_PER_POINT : 20 ))
echo "## PostgreSQL commit ceiling ($PG_SECONDS s per run)" | tee -a "$OUT"
bench/pg/commit-ceiling.sh "$PG_URI" "$PG_SECONDS" 2>&1 | tee -a "$OUT"
echo "## exclusion-constraint baseline ($PG_SECONDS s per run)" | tee -a "$OUT"
bench/pg/exclusion-baseline.sh "$PG_URI" "$PG_SECONDS" 2>&1 | tee -a "$OUT"
psql -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -c "DROP DATABASE rr_bench_pg WITH (FORCE)"

echo "## booking cost vs reservations held (PostgreSQL resource store)" | tee -a "$OUT"
dotnet bench/ResourceReserver.Bench/bin/Release/net10.0/ResourceReserver.Bench.dll 1500 5 postgres 2>&1 | grep -E "^(\||storage)" | tee -a "$OUT"

dotnet bench/ResourceReserver.Load/bin/Release/net10.0/ResourceReserver.Load.dll \
    --seconds "$SECONDS_PER_POINT" --results "$OUT.load" --wrk "$@" | grep --line-buffered -E "^(##|setup|IDLE|CONSUMER-LATENCY|RESULT|RATIO|!!)" || true
cat "$OUT.load" >> "$OUT" && rm "$OUT.load"
grep -E "^(#|##|==|\||tps|latency|exclusion|setup|IDLE|CONSUMER-LATENCY|RESULT|RATIO|  cpu|!!|wrk|Requests/sec|     (50|99)%)" "$OUT"
echo "full output with latency histograms: $OUT"
