# shellcheck shell=bash
# Validates docker-compose.yml and k8s/ without a container engine (sourced by .ci/run).

validate_deploy() {
    echo "validating docker-compose.yml and k8s/"
    docker-compose -f "$REPO_ROOT/docker-compose.yml" config -q
    yamllint -s -c "$REPO_ROOT/.yamllint.yml" "$REPO_ROOT/docker-compose.yml" "$REPO_ROOT/k8s"
}
