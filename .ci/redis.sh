# shellcheck shell=bash
# A throw-away Redis for the clustering tests: no persistence, 127.0.0.1 only. Sourced by .ci/run.

REDIS_PORT=${RR_CI_REDIS_PORT:-56379}  # override to run beside another CI run

redis_stop() {
    redis-cli -h 127.0.0.1 -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true
    if [[ -n "${REDIS_DIR:-}" && -f "$REDIS_DIR/redis.pid" ]]; then
        local pid
        pid=$(cat "$REDIS_DIR/redis.pid" 2>/dev/null || true)
        # A stale pid file may name a reused pid: only signal it if it is still a redis-server.
        if [[ "$pid" =~ ^[0-9]+$ && "$(cat "/proc/$pid/comm" 2>/dev/null)" == redis-server* ]]; then
            kill "$pid" 2>/dev/null || true
        fi
        rm -f "$REDIS_DIR/redis.pid"
    fi
}

redis_start() {
    REDIS_DIR="$CI_WORK/redis"
    mkdir -p "$REDIS_DIR"
    redis_stop
    redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --save "" --appendonly no --daemonize yes \
        --dir "$REDIS_DIR" --pidfile "$REDIS_DIR/redis.pid" --logfile "$REDIS_DIR/redis.log"
    local attempt
    for attempt in $(seq 1 50); do
        if [[ "$(redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null)" == "PONG" ]]; then
            export RR_TEST_REDIS="127.0.0.1:$REDIS_PORT"
            echo "redis: listening on $RR_TEST_REDIS"
            return 0
        fi
        sleep 0.2
    done
    cat "$REDIS_DIR/redis.log" >&2 || true
    return 1
}
