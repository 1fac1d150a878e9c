#!/usr/bin/env bash
# HTTP ceiling of the host on a trivial endpoint (/live), with Debian's wrk. Start the host first (any mode).
# Usage: bench/http/ceiling.sh [base URL] [seconds]
set -euo pipefail
BASE=${1:-http://127.0.0.1:5000}
wrk -t2 -c64 -d"${2:-20}s" --latency "$BASE/live"
