#!/bin/sh
# smoke.sh SRCDIR WORKDIR [RUNS]: builds every libFuzzer harness with clang
# and runs each for RUNS executions (default 2000) over its seed corpus
# (tests/fuzz/corpus/HARNESS/, read only: new units go to WORKDIR). A crash,
# leak, sanitizer report or timeout fails the test (bugs reported but not
# fixed yet are in tests/fuzz/ubsan.supp). Without clang or libFuzzer it
# says "skipped" and exits 77, which CTest reports as skipped, not passed
# (.ci/deps --test installs both).
set -u
SRC=$1 W=$2 RUNS=${3:-2000}
mkdir -p "$W"
start=$(date +%s)
harnesses=$(sh "$SRC/tests/fuzz/build.sh" "$SRC" "$W/build")
code=$?
if [ "$code" -ne 0 ]; then
    if [ "$code" -eq 77 ]; then
        echo "fuzz smoke: skipped: $harnesses"
        exit 77
    fi
    echo "$harnesses"
    echo "fuzz smoke: the harnesses did not build"
    exit 1
fi
# The harnesses' scratch folders (left behind by a crash) stay in WORKDIR.
mkdir -p "$W/tmp" && export TMPDIR="$W/tmp"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:suppressions=$SRC/tests/fuzz/ubsan.supp"
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=1"
fail=0
for h in $harnesses; do
    rm -rf "$W/new/$h" && mkdir -p "$W/new/$h" "$W/artifacts"
    # -seed fixed: the same inputs every run, so a failure reproduces.
    if "$W/build/tests/$h" -runs="$RUNS" -seed=1 -timeout=10 -rss_limit_mb=2048 \
        -artifact_prefix="$W/artifacts/$h-" -print_final_stats=1 \
        "$W/new/$h" "$SRC/tests/fuzz/corpus/$h" >"$W/$h.log" 2>&1; then
        echo "fuzz smoke: $h: $(grep -o 'number_of_executed_units: *[0-9]*' "$W/$h.log" | grep -o '[0-9]*$') runs, ok"
    else
        fail=1
        echo "fuzz smoke: $h FAILED; the end of its log ($W/$h.log):"
        tail -40 "$W/$h.log" | sed 's/^/    /'
        ls "$W/artifacts" 2>/dev/null | sed 's/^/    artifact: /'
    fi
done
echo "fuzz smoke: $(($(date +%s) - start)) s"
exit $fail
