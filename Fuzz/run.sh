#!/usr/bin/env bash
# Builds the libFuzzer target (Fuzz/Sources/CharterFuzz) and runs it for SECONDS seconds on Charter's front-matter and
# Markdown pipeline. Exits non-zero on a crash, timeout, out-of-memory or broken invariant, printing where the input is.
#
#   Fuzz/run.sh 60                         # build into .build-fuzz/ and fuzz for a minute
#   CHARTER_FUZZ_ASAN=1 Fuzz/run.sh 300    # with AddressSanitizer too (.build-fuzz-asan/, about half the speed)
#
# New inputs libFuzzer finds go to the scratch folder's corpus (kept between runs), never into Fuzz/corpus.
set -euo pipefail

seconds=${1:?usage: Fuzz/run.sh SECONDS}
fuzz=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$fuzz")
# Swift code (Charter) gets libFuzzer's coverage through -sanitize=fuzzer, C code compiled by the package (none at the
# moment) through -fsanitize=fuzzer-no-link; the system's libcmark and libyaml are not instrumented.
sanitizers=fuzzer
c_sanitizers=fuzzer-no-link
scratch=${CHARTER_FUZZ_SCRATCH:-$root/.build-fuzz}
if [ "${CHARTER_FUZZ_ASAN:-0}" = 1 ]; then
    sanitizers=fuzzer,address
    c_sanitizers=fuzzer-no-link,address
    scratch=${CHARTER_FUZZ_SCRATCH:-$root/.build-fuzz-asan}
    # The templates and the Swift runtime's caches live until exit; LeakSanitizer would report them as leaks.
    export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=0}
fi
artifacts=${CHARTER_FUZZ_ARTIFACTS:-$root/test-artifacts/fuzz}
flags=(-c release --scratch-path "$scratch" -Xswiftc "-sanitize=$sanitizers" -Xcc "-fsanitize=$c_sanitizers")

swift=${SWIFT:-swift}
(cd "$fuzz" && "$swift" build "${flags[@]}")
binary="$(cd "$fuzz" && "$swift" build "${flags[@]}" --show-bin-path)/CharterFuzz"

mkdir -p "$artifacts" "$scratch/corpus"
rm -f "$artifacts"/crash-* "$artifacts"/timeout-* "$artifacts"/oom-* "$artifacts"/leak-* "$artifacts"/slow-unit-*
# The first folder receives new inputs; the repository's seeds and regressions are only read.
corpora=("$scratch/corpus" "$fuzz/corpus")
if compgen -G "$fuzz/regressions/*" >/dev/null; then corpora+=("$fuzz/regressions"); fi
log=$artifacts/fuzz.log

echo "fuzzing for ${seconds}s ($sanitizers); log in $log"
status=0
"$binary" "${corpora[@]}" -dict="$fuzz/charter.dict" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -detect_leaks=0 -print_final_stats=1 -artifact_prefix="$artifacts/" >"$log" 2>&1 || status=$?

executions=$(awk '/^stat::number_of_executed_units:/ { print $2 }' "$log")
rate=$(awk '/^stat::average_exec_per_sec:/ { print $2 }' "$log")
coverage=$(grep -Eo 'cov: [0-9]+ ft: [0-9]+ corp: [0-9]+/[^ ]+' "$log" | tail -1 || true)
echo "executions: ${executions:-?} (${rate:-?}/s); ${coverage:-no coverage line}"
if [ "$status" -ne 0 ]; then
    grep -m 5 -E 'Fatal error|==ERROR|SUMMARY|ALARM|out-of-memory' "$log" || tail -n 40 "$log"
    found=$(ls "$artifacts"/crash-* "$artifacts"/timeout-* "$artifacts"/oom-* "$artifacts"/slow-unit-* 2>/dev/null || true)
    echo "fuzzing failed (exit $status); input: ${found:-none written, see $log}"
    echo "see it: CHARTER_FUZZ_VERBOSE=1 $binary <input>"
    echo "minimise: $binary -minimize_crash=1 -max_total_time=60 -exact_artifact_path=<small.md> <input>"
    exit "$status"
fi
