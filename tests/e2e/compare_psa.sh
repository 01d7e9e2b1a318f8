#!/bin/sh
# compare_psa.sh: a PSA's sample export must be recognised as that PSA and
# give exactly the KPI table of its canonical twin (the same data holding
# only the fields that PSA exports).
# usage: compare_psa.sh BINARY PSA_DIR CANONICAL_DIR WORKDIR PROFILE [args...]
set -u
BIN=$1 PSA=$2 CANON=$3 W=$4 PROFILE=$5
shift 5
mkdir -p "$W"
export TZ=UTC # the samples' Z times are UTC
if [ "$PROFILE" = map ]; then
    "$BIN" "$@" -f csv -o "$W/psa.csv" 2>"$W/err" || { cat "$W/err"; exit 1; }
else
    "$BIN" "$PSA" "$@" -f csv -o "$W/psa.csv" 2>"$W/err" || { cat "$W/err"; exit 1; }
fi
"$BIN" "$CANON" --month 2026-10 --months 3 -f csv -o "$W/canonical.csv" -q || exit 1
fail=0
grep -q "tickets.csv: read as $PROFILE;\|incidents.csv: read as $PROFILE;" "$W/err" ||
    { echo "tickets not read as $PROFILE:"; cat "$W/err"; fail=1; }
rows=$(wc -l <"$W/canonical.csv")
[ "$rows" -gt 50 ] || { echo "only $rows rows: the comparison would prove little"; fail=1; }
diff "$W/canonical.csv" "$W/psa.csv" >"$W/diff" || { head -20 "$W/diff"; fail=1; }
echo "compare_psa: $((1 - fail)) passed, $fail failed ($PROFILE, $rows rows)"
exit $fail
