#!/usr/bin/env bash
# Long chaos form: 10 minutes per seed, seeds 1 2 3, against the PostgreSQL and Redis that .ci/run's helpers start.
# Usage: bench/chaos/long.sh [minutes] [seeds...]   Results: .ci/work/chaos/*.summary.txt and *.ops.jsonl
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
REPO_ROOT=$(pwd)
CI_WORK="$REPO_ROOT/.ci/work"
export CI_WORK
# shellcheck source=../../.ci/postgres.sh
source .ci/postgres.sh
# shellcheck source=../../.ci/redis.sh
source .ci/redis.sh
trap 'redis_stop; pg_stop' EXIT
mkdir -p "$CI_WORK"
pg_start
redis_start
MINUTES=${1:-10}
shift || true
SEEDS=${*:-1 2 3}
dotnet build tests/ResourceReserver.IntegrationTests -c Release
for seed in $SEEDS; do
    RR_CHAOS_SEED=$seed RR_CHAOS_SECONDS=$((MINUTES * 60)) dotnet test tests/ResourceReserver.IntegrationTests -c Release --no-build \
        --filter "FullyQualifiedName~ChaosTests.Killing"
    cat "$CI_WORK/chaos/chaos-seed$seed.summary.txt"
done
