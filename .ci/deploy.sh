# shellcheck shell=bash
# Validates docker-compose.yml and k8s/ without a container engine (sourced by .ci/run).

validate_deploy() {
    echo "validating docker-compose.yml and k8s/"
    # With a key the file is valid; without one compose must refuse (there is no built-in fallback key).
    RR_SIGNING_KEY=$(head -c 48 /dev/urandom | base64 -w0) docker-compose -f "$REPO_ROOT/docker-compose.yml" config -q
    if env -u RR_SIGNING_KEY docker-compose -f "$REPO_ROOT/docker-compose.yml" config -q 2>/dev/null; then
        echo "docker-compose.yml starts without RR_SIGNING_KEY: it must refuse" >&2
        return 1
    fi
    yamllint -s -c "$REPO_ROOT/.yamllint.yml" "$REPO_ROOT/docker-compose.yml" "$REPO_ROOT/k8s"
}
