# shellcheck shell=bash
# A throw-away PostgreSQL 15 cluster for the tests: trust auth, TCP on 127.0.0.1 only, no unix socket.
# Sourced by .ci/run; expects CI_WORK to be set.

PG_BIN=/usr/lib/postgresql/15/bin
PG_PORT=${RR_CI_PG_PORT:-55432}  # override to run beside another CI run
PG_DATABASE=reserver_test

# The postgres user must be able to reach the data directory; a clone under a private home (e.g. /root)
# is not reachable, so fall back to a directory under /tmp.
pg_choose_dir() {
    PG_DIR="$CI_WORK/pg"
    mkdir -p "$PG_DIR"
    chown postgres:postgres "$PG_DIR"
    if ! runuser -u postgres -- test -w "$PG_DIR"; then
        PG_DIR=/tmp/rr-ci-pg-$PG_PORT
        mkdir -p "$PG_DIR"
        chown postgres:postgres "$PG_DIR"
        echo "postgres: $CI_WORK is not reachable by the postgres user, using $PG_DIR"
    fi
    PG_DATA="$PG_DIR/data"
}

pg_as_postgres() {
    runuser -u postgres -- "$@"
}

# Stops whatever answers on our port (this clone's cluster or one left by an earlier run elsewhere).
pg_stop() {
    local data_dir
    if [[ -n "${PG_DATA:-}" && -f "$PG_DATA/postmaster.pid" ]]; then
        pg_as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w -t 30 stop >/dev/null 2>&1 || true
    fi
    data_dir=$(psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -Atqc 'SHOW data_directory' 2>/dev/null || true)
    if [[ -n "$data_dir" ]]; then
        pg_as_postgres "$PG_BIN/pg_ctl" -D "$data_dir" -m fast -w -t 30 stop >/dev/null 2>&1 || true
    fi
}

pg_start() {
    pg_choose_dir
    pg_stop
    rm -rf "$PG_DATA"
    pg_as_postgres "$PG_BIN/initdb" -D "$PG_DATA" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$PG_DIR/initdb.log" 2>&1 \
        || { cat "$PG_DIR/initdb.log"; return 1; }
    pg_as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_DIR/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -c port=$PG_PORT -c unix_socket_directories='' -c max_connections=200 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
        start >/dev/null || { cat "$PG_DIR/server.log"; return 1; }
    psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -qc "CREATE DATABASE $PG_DATABASE" >/dev/null
    export RR_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=$PG_DATABASE;Pooling=true"
    echo "postgres: listening on 127.0.0.1:$PG_PORT (data in $PG_DATA)"
}
