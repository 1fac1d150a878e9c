# shellcheck shell=bash
# Sums the <Counters> of every .trx under a directory and prints "N passed, N failed, N skipped".
# Returns non-zero if any test failed or none ran. Plain awk: a fresh Debian has no python3.
# Optional arguments: how many test projects should have written a .trx, and dotnet test's exit status. A
# project whose test host aborted writes no .trx (or one without its failures), so each missing .trx counts as
# one failure, and a failed dotnet test with no failure counted anywhere counts as one: never "0 failed" then.

trx_summary() {
    local dir=$1 expected=${2:-0} test_status=${3:-0}
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
    if ((${#files[@]} < expected)); then
        echo "missing trx files: $((expected - ${#files[@]})) of $expected test projects wrote none (aborted test host?)"
        failed=$((failed + expected - ${#files[@]}))
    fi
    if ((test_status != 0 && failed == 0)); then
        echo "dotnet test failed ($test_status) but no test counted as failed: counted as one failure"
        failed=1
    fi
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
