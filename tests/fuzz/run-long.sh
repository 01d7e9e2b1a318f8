#!/bin/sh
# run-long.sh [SECONDS] [HARNESS...]: fuzzes each harness (default: all)
# for SECONDS (default 300) over a growing copy of its seed corpus, and
# prints per harness the executions, the coverage, and every distinct
# sanitizer report (known bugs, in tests/fuzz/ubsan.supp, are not reported).
# It runs libFuzzer in fork mode with -ignore_crashes=1, so one bug does not
# stop the search for the next. Not part of ctest.
#   FUZZ_BUILD  build folder (default ${TMPDIR:-/tmp}/msc-fuzz-build)
#   FUZZ_OUT    corpus copies, logs and crash artifacts (default ${TMPDIR:-/tmp}/msc-fuzz-out)
# Reproduce a crash with: $FUZZ_BUILD/tests/HARNESS FUZZ_OUT/artifacts/HARNESS-crash-...
set -u
SRC=$(cd "$(dirname "$0")/../.." && pwd)
SECS=${1:-300}
[ $# -gt 0 ] && shift
B=${FUZZ_BUILD:-${TMPDIR:-/tmp}/msc-fuzz-build}
OUT=${FUZZ_OUT:-${TMPDIR:-/tmp}/msc-fuzz-out}
all=$(sh "$SRC/tests/fuzz/build.sh" "$SRC" "$B") || { echo "$all"; exit 1; }
[ $# -gt 0 ] && all="$*"
mkdir -p "$OUT/artifacts"
mkdir -p "$OUT/tmp" && export TMPDIR="$OUT/tmp" # scratch folders, libFuzzer's fork-mode files
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:suppressions=$SRC/tests/fuzz/ubsan.supp"
status=0
for h in $all; do
    mkdir -p "$OUT/corpus/$h"
    cp -n "$SRC/tests/fuzz/corpus/$h"/* "$OUT/corpus/$h/" 2>/dev/null
    (cd "$OUT" && "$B/tests/$h" -fork=1 -ignore_crashes=1 -max_total_time="$SECS" -timeout=10 \
        -rss_limit_mb=2048 -artifact_prefix="$OUT/artifacts/$h-" "$OUT/corpus/$h") >"$OUT/$h.log" 2>&1
    # Fork mode's progress lines: "#EXECS: cov: C ft: F corp: N exec/s E oom/timeout/crash: a/b/c ..."
    last=$(grep -E '^#[0-9]+: cov:' "$OUT/$h.log" | tail -1)
    execs=$(echo "$last" | sed -n 's/^#\([0-9]*\):.*/\1/p')
    cov=$(echo "$last" | sed -n 's/.* cov: \([0-9]*\).*/\1/p')
    faults=$(echo "$last" | sed -n 's|.*oom/timeout/crash: \([0-9/]*\).*|\1|p')
    echo "$h: ${execs:-?} executions in $SECS s, coverage ${cov:-?}, oom/timeout/crash ${faults:-?}"
    grep -Eh 'runtime error:|ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)' "$OUT/$h.log" |
        sed -E 's/0x[0-9a-f]+/0x.../g; s/(overflow: ).*/\1.../; s/^==[0-9]+==//' | sort | uniq -c |
        sed 's/^ */    x/' >"$OUT/$h.found"
    if [ -s "$OUT/$h.found" ]; then
        status=1
        cat "$OUT/$h.found"
    fi
done
exit $status
