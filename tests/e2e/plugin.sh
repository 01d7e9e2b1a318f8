#!/bin/sh
# plugin.sh: the example KPI plugin end to end (README "KPI plugins"): it is
# listed, computed into the KPI table, shown in the workbook, takes a target
# from [targets], loads from plugin_dir; a plugin for another ABI version and
# one whose KPI id is taken are refused (exit 2) with a message.
# usage: plugin.sh BIN PLUGIN_DIR DATA WORKDIR
set -u
BIN=$1 PLUGINS=$2 DATA=$3 W=$4
HERE=$(dirname "$0")
PY=/usr/bin/python3
SO=$PLUGINS/billable_share.so
rm -rf "$W" && mkdir -p "$W"
pass=0 fail=0
ok() { # ok DESCRIPTION COMMAND...
    d=$1
    shift
    if "$@"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL: $d"; fi
}
has() { grep -q -e "$1" "$W/err"; }
ARGS="--month 2026-03 --months 1"

"$BIN" --plugin "$SO" --list-kpis >"$W/list"
ok "--list-kpis lists the plugin's KPI" grep -q '^billable_share$' "$W/list"
ok "... after the built-in ones" sh -c "tail -n 9 '$W/list' | grep -q '^billable_share$'"

"$BIN" --plugin "$SO" $ARGS -f csv -o "$W/table.csv" "$DATA" 2>"$W/err"
ok "a run with the plugin exits 0" test $? -eq 0
ok "the KPI table has its team row" grep -q '^billable_share,team,,2026-03,' "$W/table.csv"
ok "... with the default target 0.7" sh -c "grep '^billable_share,team' '$W/table.csv' | grep -q ',0.7,'"
"$BIN" $ARGS -f csv -o "$W/plain.csv" "$DATA" 2>/dev/null
ok "without it the table is the built-in one" sh -c "grep -v '^billable_share,' '$W/table.csv' | cmp -s - '$W/plain.csv'"

printf '[targets]\nbillable_share = 60%%\n' >"$W/t.ini"
"$BIN" --plugin "$SO" -c "$W/t.ini" $ARGS -f csv -o "$W/target.csv" "$DATA" 2>/dev/null
ok "[targets] sets the plugin KPI's target" sh -c "grep '^billable_share,team' '$W/target.csv' | grep -q ',0.6,'"
"$BIN" -c "$W/t.ini" $ARGS -f csv -o "$W/x.csv" "$DATA" 2>"$W/err"
ok "without the plugin its [targets] key is unknown (exit 2)" test $? -eq 2
ok "... naming file, line and key" has "t.ini:2: unknown KPI 'billable_share' in \[targets\]"

"$BIN" --plugin "$SO" $ARGS -o "$W/book.xlsx" "$DATA" 2>/dev/null
ok "the workbook is written" test -s "$W/book.xlsx"
ok "the Scorecard shows it" "$PY" "$HERE/find_cell.py" "$W/book.xlsx" Scorecard '^Billable Share'
ok "Definitions defines it" "$PY" "$HERE/find_cell.py" "$W/book.xlsx" Definitions '^billable_share$'

mkdir -p "$W/dir" && cp "$SO" "$W/dir/"
printf 'plugin_dir = %s\n' "$W/dir" >"$W/dir.ini"
"$BIN" -c "$W/dir.ini" --list-kpis >"$W/list-dir"
ok "plugin_dir loads every .so in it" grep -q '^billable_share$' "$W/list-dir"

"$BIN" --plugin "$PLUGINS/bad_abi.so" $ARGS -f csv -o "$W/y.csv" "$DATA" 2>"$W/err"
ok "a plugin for another ABI version: exit 2" test $? -eq 2
ok "... says so" has "bad_abi.so: plugin built for KPI ABI version 2, this program has version 1"
"$BIN" --plugin "$PLUGINS/clash.so" $ARGS -f csv -o "$W/y.csv" "$DATA" 2>"$W/err"
ok "a plugin whose KPI id is taken: exit 2" test $? -eq 2
ok "... says so" has "clash.so: KPI 'utilization' clashes with a KPI already loaded"
"$BIN" --plugin "$SO" --plugin "$SO" --list-kpis >/dev/null 2>"$W/err"
ok "the same plugin twice: exit 2" test $? -eq 2
"$BIN" --plugin "$W/none.so" --list-kpis >/dev/null 2>"$W/err"
ok "a missing plugin file: exit 2" test $? -eq 2
ok "... naming it" has "none.so: cannot load plugin"
ok "nothing was written by the refused runs" test ! -e "$W/y.csv"

echo "plugin.sh: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
