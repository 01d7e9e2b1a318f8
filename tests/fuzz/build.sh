#!/bin/sh
# build.sh SRCDIR BUILDDIR: builds the libFuzzer harnesses with clang
# (-fsanitize=fuzzer,address,undefined; the library itself is instrumented
# with fuzzer-no-link so that the fuzzer sees its branches) and prints their
# names. Exit 77 when clang or libFuzzer (libclang-rt-14-dev) is missing.
# Used by smoke.sh and run-long.sh, which run the harnesses with
#   UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1:suppressions=tests/fuzz/ubsan.supp
set -eu
SRC=$1 B=$2
HARNESSES="fuzz_tickets fuzz_csv fuzz_fields fuzz_settings fuzz_map"
CC=${FUZZ_CC:-clang}
command -v "$CC" >/dev/null 2>&1 || { echo "no $CC"; exit 77; }
mkdir -p "$B"
printf '#include <stdint.h>\n#include <stddef.h>\nint LLVMFuzzerTestOneInput(const uint8_t *d, size_t n) { (void)d; (void)n; return 0; }\n' >"$B/probe.c"
"$CC" -fsanitize=fuzzer,address,undefined "$B/probe.c" -o "$B/probe" >"$B/probe.log" 2>&1 ||
    { echo "$CC cannot link -fsanitize=fuzzer (libclang-rt-14-dev missing?)"; exit 77; }
# The sanitizers are given here rather than by MSC_SANITIZE, whose
# -fno-sanitize-recover=undefined would make tests/fuzz/ubsan.supp (known
# bugs) useless: the scripts run with UBSAN_OPTIONS=halt_on_error=1, so any
# other undefined behaviour still stops the fuzzer.
SAN="-fsanitize=address,undefined -fno-omit-frame-pointer"
cmake -S "$SRC" -B "$B" -DCMAKE_C_COMPILER="$CC" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DMSC_FUZZ=ON -DMSC_SANITIZE=OFF \
    -DCMAKE_C_FLAGS="-fsanitize=fuzzer-no-link $SAN" -DCMAKE_EXE_LINKER_FLAGS="$SAN" \
    -DCMAKE_SHARED_LINKER_FLAGS="$SAN" >"$B/configure.log" 2>&1 ||
    { cat "$B/configure.log"; exit 1; }
# shellcheck disable=SC2086
cmake --build "$B" -j2 --target $HARNESSES >"$B/build.log" 2>&1 || { tail -50 "$B/build.log"; exit 1; }
echo "$HARNESSES"
