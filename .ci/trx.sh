# shellcheck shell=bash
# Sums the <Counters> of every .trx under a directory and prints "N passed, N failed, N skipped".
# Returns non-zero if any test failed or none ran. Plain awk: a fresh Debian has no python3.

trx_summary() {
    local dir=$1
    local files=()
    if [[ -d "$dir" ]]; then
        mapfile -t files < <(find "$dir" -name '*.trx' -type f | sort)
    fi
    local counts
    counts=$(
        if ((${#files[@]} > 0)); then cat "${files[@]}"; fi | tr '\n' ' ' | { grep -o '<Counters [^>]*>' || true; } | awk '
            function attr(name,   m) {
                if (match($0, name "=\"[0-9]+\"")) {
                    m = substr($0, RSTART, RLENGTH)
                    gsub(/[^0-9]/, "", m)
                    return m + 0
                }
                return 0
            }
            {
                total = attr("total"); executed = attr("executed")
                passed += attr("passed")
                failed += attr("failed") + attr("error") + attr("timeout") + attr("aborted")
                not_run = attr("notExecuted")
                if (total - executed > not_run) { not_run = total - executed }
                skipped += not_run
            }
            END { printf "%d %d %d\n", passed, failed, skipped }'
    )
    local passed failed skipped
    read -r passed failed skipped <<<"$counts"
    echo "trx files: ${#files[@]}"
    local status=0
    if ((failed > 0)); then
        status=1
    elif ((passed + failed == 0)); then
        echo "no tests ran"
        status=1
    fi
    echo "$passed passed, $failed failed, $skipped skipped"
    return "$status"
}
