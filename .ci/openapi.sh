# shellcheck shell=bash
# Validates the OpenAPI document a running host serves with an independent validator, Redocly CLI's lint with its
# recommended rules (sourced by .ci/run). Errors fail CI; warnings are printed.

REDOCLY_VERSION=1.34.5 # works on Debian's Node.js 18 and on 20
REDOCLY_DIR="$CI_WORK/tools/redocly-$REDOCLY_VERSION"

install_redocly() {
    if [[ ! -x "$REDOCLY_DIR/node_modules/.bin/redocly" ]]; then
        echo "installing @redocly/cli@$REDOCLY_VERSION into $REDOCLY_DIR"
        mkdir -p "$REDOCLY_DIR"
        npm install --prefix "$REDOCLY_DIR" --no-audit --no-fund --silent "@redocly/cli@$REDOCLY_VERSION"
    fi
}

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# Starts the Release host on SQLite in a temp folder, fetches /openapi/v1.json, stops it and lints the document.
validate_openapi() {
    local host_dll="$REPO_ROOT/src/ResourceReserver.Host/bin/Release/net10.0/ResourceReserver.Host.dll"
    local data document port pid status=0
    install_redocly
    data=$(mktemp -d /tmp/rr-ci-openapi.XXXXXX)
    document="$CI_WORK/openapi.json"
    port=$(free_port)
    dotnet "$host_dll" --urls "http://127.0.0.1:$port" --Storage:SqlitePath="$data/reserver.db" \
        --Clustering:SiloPort="$(free_port)" --Clustering:GatewayPort="$(free_port)" --Clustering:ServiceId=ci-openapi \
        --Logging:LogLevel:Default=Warning >"$data/host.log" 2>&1 &
    pid=$!
    for _ in $(seq 1 120); do
        curl -sf "http://127.0.0.1:$port/openapi/v1.json" -o "$document" && break
        sleep 0.5
    done
    kill "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    if [[ ! -s "$document" ]]; then
        echo "the host did not serve /openapi/v1.json:" >&2
        tail -n 30 "$data/host.log" >&2
        rm -rf "$data"
        return 1
    fi
    rm -rf "$data"
    echo "validating the OpenAPI document with @redocly/cli@$REDOCLY_VERSION"
    REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true \
        "$REDOCLY_DIR/node_modules/.bin/redocly" lint "$document" --format=stylish || status=$?
    return "$status"
}
