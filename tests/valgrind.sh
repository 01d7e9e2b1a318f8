#!/bin/sh
# valgrind.sh [BUILDDIR]: the unit test binaries and the program (on the
# specification's tiny example and the example MSP, each output format)
# under valgrind's memcheck; any error or definite/indirect leak fails.
# Use a normal build (not the sanitizer one). Not part of ctest: it takes
# a few minutes.  usage: sh tests/valgrind.sh build
set -u
SRC=$(cd "$(dirname "$0")/.." && pwd)
B=${1:-$SRC/build}
W=${TMPDIR:-/tmp}/msc-valgrind
command -v valgrind >/dev/null || { echo "valgrind is not installed"; exit 1; }
rm -rf "$W" && mkdir -p "$W"
VG="valgrind --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect --show-leak-kinds=definite,indirect --track-fds=no --quiet"
pass=0 fail=0

run() { # run NAME [=STATUS] COMMAND...: memcheck clean, the command's status STATUS (default 0)
    name=$1 want=0
    shift
    case $1 in =*) want=${1#=}; shift ;; esac
    start=$(date +%s)
    # shellcheck disable=SC2086
    $VG --log-file="$W/$name.vg" "$@" >"$W/$name.out" 2>"$W/$name.err"
    code=$?
    errors=$(grep -c 'ERROR SUMMARY\|Invalid\|uninitialised\|definitely lost\|indirectly lost' "$W/$name.vg")
    if [ "$code" -eq "$want" ] && [ ! -s "$W/$name.vg" ]; then
        pass=$((pass + 1))
        echo "ok   $name ($(($(date +%s) - start)) s)"
    else
        fail=$((fail + 1))
        echo "FAIL $name: exit $code (want $want), valgrind said ($W/$name.vg, $errors lines of note):"
        head -40 "$W/$name.vg" | sed 's/^/    /'
    fi
}

for t in field csvread calendar kpi; do
    run unit.$t "$B/tests/test_$t"
done
run unit.mail "$B/tests/test_mail" "$SRC/tests/e2e/sendmail-stub.sh"
# The out-of-memory walk runs the whole program thousands of times: under
# valgrind it is slow, so it goes last.
TINY=$SRC/tests/data/spec/tiny
EX=$SRC/examples/data
for f in csv json xlsx; do
    run tiny.$f "$B/msp-scorecard" "$TINY" --month 2026-03 --months 1 -f $f -o "$W/tiny.$f" -v
    run examples.$f "$B/msp-scorecard" "$EX" --month 2026-10 -f $f -o "$W/examples.$f"
done
run examples.quarter "$B/msp-scorecard" "$EX" --period quarter --month 2026-10 --months 4 -c "$SRC/examples/settings.ini" -f csv -o "$W/q.csv"
run psa.halopsa "$B/msp-scorecard" "$SRC/examples/psa/halopsa" --date-order dmy --month 2026-10 -f xlsx -o "$W/halo.xlsx"
run psa.servicenow "$B/msp-scorecard" --tickets "$SRC/examples/psa/servicenow/incidents.csv" --map "$SRC/examples/maps/servicenow.ini" --month 2026-10 -f csv -o "$W/sn.csv"
# Hostile input from the corpus, through the workbook writer too.
for c in malformed-quoting crlf-mixed windows-1252 formula-and-control-names bad-dates bad-hours \
    survey-out-of-scale duplicate-ticket-id nul-bytes garbage-rows; do
    d=$SRC/tests/corpus/$c
    if [ -f "$d/generate" ]; then
        mkdir -p "$W/$c" && cp "$d"/* "$W/$c/" && (cd "$W/$c" && PY=/usr/bin/python3 sh ./generate) && d=$W/$c
    fi
    run corpus.$c "$B/msp-scorecard" "$d" --month 2026-03 --months 2 -f xlsx -o "$W/$c.xlsx" -q
done
run corpus.extreme-years "$B/msp-scorecard" "$SRC/tests/corpus/extreme-years" -c "$SRC/tests/corpus/extreme-years/settings.ini" -f xlsx -o "$W/extreme.xlsx" -q
run output.fails =4 "$B/msp-scorecard" "$TINY" --month 2026-03 -f xlsx -o /dev/full -q
run input.bad =3 "$B/msp-scorecard" --tickets "$SRC/tests/corpus/utf16-le-bom/tickets.csv" -q
run unit.nomem "$B/tests/test_nomem" "$TINY"
echo "valgrind: $pass clean, $fail with errors"
[ "$fail" -eq 0 ]
