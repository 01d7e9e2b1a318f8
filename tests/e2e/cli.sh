#!/bin/sh
# cli.sh: exit codes, messages and the nothing-lost promise, on small input
# folders made here. usage: cli.sh BINARY DATADIR WORKDIR
set -u
BIN=$1 DATA=$2 W=$3
rm -rf "$W" && mkdir -p "$W"
pass=0 fail=0

# expect CODE REGEX ARGS...: the run exits CODE and stderr matches REGEX.
expect() {
    code=$1 pattern=$2
    shift 2
    "$BIN" "$@" >"$W/out" 2>"$W/err"
    got=$?
    if [ "$got" -eq "$code" ] && grep -Eq -- "$pattern" "$W/err"; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        echo "FAIL: $* -> exit $got (want $code), stderr:"
        sed 's/^/    /' "$W/err"
        echo "    (wanted /$pattern/)"
    fi
}

check() { # check DESCRIPTION COMMAND...
    desc=$1
    shift
    if "$@"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL: $desc"; fi
}

TINY=$DATA/spec/tiny
ARGS="--month 2026-03 --months 1"

# Usage errors: exit 2.
expect 2 "unrecognized option|invalid option" --bogus
expect 2 "--period 'fortnight'" --period fortnight "$TINY"
expect 2 "--month '2026-13'" --month 2026-13 "$TINY"
expect 2 "unknown KPI 'nope'" --kpi nope $ARGS -f csv -o - "$TINY"
printf 'target_utilization = 0.8\n' >"$W/bad.ini"
expect 2 "bad.ini:1: unknown key 'target_utilization'" -c "$W/bad.ini" "$TINY"
printf '[targets]\nutilization = lots\n' >"$W/bad2.ini"
expect 2 "bad2.ini:2: utilization: 'lots' is not a number" -c "$W/bad2.ini" "$TINY"
expect 2 "cannot open settings file" -c "$W/none.ini" "$TINY"

# Unusable input: exit 3, naming the file, the column and the headers found.
mkdir -p "$W/empty"
expect 3 "tickets.csv: not found" "$W/empty"
printf 'id,opened,company\nT1,2026-03-02 09:00,Contoso\n' >"$W/empty/tickets.csv"
expect 3 "tickets.csv:1: missing required column 'created' \(closest profile: autotask; columns found: 'id', 'opened', 'company'\)" "$W/empty"
printf '\377\376t\000i\000' >"$W/empty/tickets.csv"
expect 3 "UTF-16" "$W/empty"
: >"$W/empty/tickets.csv"
expect 3 "empty \(no header line\)" "$W/empty"

# A header only is no data at all: nothing to report on (kpis.md "Data coverage").
mkdir -p "$W/header"
printf 'ticket_id,created,client\n' >"$W/header/tickets.csv"
expect 3 "no data" "$W/header" --month 2026-03 -f csv -o "$W/header.csv"
check "no table without data" test ! -e "$W/header.csv"

# An optional file lacking a required column is skipped with a message; the run
# goes on, but the data-quality gate fails (exit 1).
mkdir -p "$W/skip"
cp "$TINY/tickets.csv" "$W/skip/"
printf 'person,day\nAlice Ng,2026-03-02\n' >"$W/skip/time_entries.csv"
expect 1 "time_entries.csv:1: missing required column 'resource'" "$W/skip" $ARGS -f csv -o "$W/skip.csv"
check "no utilization without time entries" sh -c "! grep -q '^utilization' '$W/skip.csv'"

# Bad rows: an unclosed quote rejects its row, reported where it began.
mkdir -p "$W/quote"
printf 'ticket_id,created,client,title\nT1,2026-03-29 09:00,Contoso,ok\nT2,2026-03-30 09:00,Contoso,"never closed\nT3,2026-03-31 09:00,Contoso,x\n' >"$W/quote/tickets.csv"
expect 0 "tickets.csv:3:1: rejected: unclosed quote: the row swallowed 1 more line" "$W/quote" $ARGS -f csv -o "$W/q.csv"
expect 1 "rejected" --strict "$W/quote" $ARGS -f csv -o "$W/q.csv"
expect 0 "tickets.csv: 2 rows read, 1 used, 1 rejected" -v "$W/quote" $ARGS -f csv -o "$W/q.csv"

# Nothing lost: a failed write leaves the previous report byte-identical and no temporary file.
mkdir -p "$W/keep"
"$BIN" "$TINY" $ARGS -f csv -o "$W/keep/report.csv" -q
cp "$W/keep/report.csv" "$W/before.csv"
expect 3 "not found" "$W/empty/nowhere" -o "$W/keep/report.csv"
check "previous report kept after an input error" cmp -s "$W/before.csv" "$W/keep/report.csv"
expect 4 "/nonexistent/dir/r.csv: cannot write" "$TINY" $ARGS -f csv -o /nonexistent/dir/r.csv
expect 4 "/dev/full: cannot write" "$TINY" $ARGS -f csv -o /dev/full
check "/dev/full is still a device" test -c /dev/full
check "no temporary files left" sh -c "! ls -A '$W/keep' | grep -q msp-scorecard"

# -o - writes to stdout; strftime patterns come from the report's last period.
"$BIN" "$TINY" $ARGS -f json -o - -q >"$W/t.json"
check "json on stdout" grep -q '"kpi":"utilization"' "$W/t.json"
(cd "$W" && "$BIN" "$TINY" $ARGS -f csv -o 'sc-%Y-%m.csv' -q)
check "strftime name from the period" test -f "$W/sc-2026-03.csv"

# --list-kpis shows targets in force, --version and --help work.
printf '[targets]\nutilization = 75%%\n' >"$W/t.ini"
"$BIN" --list-kpis -c "$W/t.ini" >"$W/list"
check "list-kpis shows the target in force" sh -c "grep -A6 '^utilization' '$W/list' | grep -q 'target: *0.75'"
check "--version" sh -c "'$BIN' --version | grep -q '^msp-scorecard '"
check "--help" sh -c "'$BIN' --help | grep -q 'usage: msp-scorecard'"

echo "cli: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
