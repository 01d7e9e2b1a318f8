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

# ---- issue 17 ----
# Settings and map files checked before any data is read: exit 2 naming
# file, line and key, and no report written.
mkdir -p "$W/i17"
expect 2 "i17: not a settings file" -c "$W/i17" "$TINY" $ARGS -f csv -o "$W/i17/r.csv"
expect 2 "i17: not a map file" --map "$W/i17" "$TINY" $ARGS -f csv -o "$W/i17/r.csv"
printf 'timezone = America/New_Yrok\n' >"$W/tz.ini"
expect 2 "tz.ini:1: timezone: 'America/New_Yrok' is not a time zone of the tz database" \
    -c "$W/tz.ini" "$TINY" $ARGS -f csv -o "$W/i17/r.csv"
printf 'timezone = Europe/Berlin\n' >"$W/tz-ok.ini"
expect 0 "" -c "$W/tz-ok.ini" "$TINY" $ARGS -f csv -o "$W/tz.csv"
printf 'timezone = UTC\rmsp_name = Acme\rbogus_key = 1\r' >"$W/cr.ini"
expect 2 "cr.ini:3: unknown key 'bogus_key'" -c "$W/cr.ini" "$TINY" $ARGS -f csv -o "$W/i17/r.csv"
printf '[targets]\rutilization = 75%%\r' >"$W/cr-ok.ini"
"$BIN" --list-kpis -c "$W/cr-ok.ini" >"$W/list-cr"
check "a CR-only settings file is read" sh -c "grep -A6 '^utilization' '$W/list-cr' | grep -q 'target: *0.75'"
printf 'msp_name = Acme\001 Evil\n' >"$W/ctl.ini"
expect 2 "ctl.ini:1: msp_name: holds a control character" -c "$W/ctl.ini" "$TINY" $ARGS -f csv -o "$W/i17/r.csv"
expect 2 "attachment name .* holds a control character" "$TINY" $ARGS -o "$W/i17/bad$(printf '\001')name.xlsx" \
    --mail-to ops@example.com
check "no report before a settings error" sh -c "! ls -A '$W/i17' | grep -q ."

# A file named by an option that does not exist is unusable input.
expect 3 "/nonexistent/te.csv: not found" "$TINY" $ARGS --time-entries /nonexistent/te.csv -f csv -o "$W/i17/r.csv"

# What --help and --version print must arrive.
"$BIN" --help >/dev/full 2>/dev/null
check "--help > /dev/full is not exit 0 (got $?)" test $? -ne 0
"$BIN" --version >/dev/full 2>/dev/null
check "--version > /dev/full is not exit 0" test $? -ne 0

# -o - with stdout closed: exit 4, never a report written into a stray descriptor.
"$BIN" "$TINY" $ARGS -f csv -o - >&- 2>"$W/err"
check "-o - with stdout closed is exit 4 (got $?)" test $? -eq 4
check "no temporary file left in TMPDIR" sh -c "! ls -A '${TMPDIR:-/tmp}' | grep -q '^.msp-scorecard-'"

# A symbolic link is written through: the link stays, its target is replaced.
mkdir -p "$W/links/reports"
printf 'old\n' >"$W/links/reports/real.csv"
ln -s reports/real.csv "$W/links/latest.csv"
expect 0 "" "$TINY" $ARGS -f csv -o "$W/links/latest.csv"
check "the link is still a link" test -L "$W/links/latest.csv"
check "its target holds the report" grep -q '^kpi,level' "$W/links/reports/real.csv"
check "no temporary file beside the link or the target" sh -c "! ls -A '$W/links' '$W/links/reports' | grep -q msp-scorecard"
ln -s reports/new.csv "$W/links/dangling.csv"
expect 0 "" "$TINY" $ARGS -f csv -o "$W/links/dangling.csv"
check "a dangling link gets its target made" sh -c "test -L '$W/links/dangling.csv' && grep -q '^kpi' '$W/links/reports/new.csv'"
# /dev/stdout is written to, never renamed over (as root that replaced it).
"$BIN" "$TINY" $ARGS -f csv -o /dev/stdout >"$W/devstdout.csv" 2>"$W/err"
check "-o /dev/stdout > file" sh -c "grep -q '^kpi,level' '$W/devstdout.csv' && test -L /dev/stdout -o -c /dev/stdout"

# --rejects: every rejected and warned row as CSV, the same as -v lists them.
expect 0 "" "$TINY" $ARGS -f csv -o "$W/i17/t.csv" --rejects "$W/i17/rejects.csv"
check "--rejects lists what the spec expects" /usr/bin/python3 -c '
import csv, os, sys
got = {(os.path.basename(r["file"]), int(r["line"]), r["severity"], r["reason"])
       for r in csv.DictReader(open(sys.argv[1], newline=""))}
want = {(r["file"], int(r["line"]), r["severity"], r["reason"])
        for r in csv.DictReader(open(sys.argv[2], newline=""))}
assert got == want, (got ^ want)
assert next(csv.reader(open(sys.argv[1])))  == ["file", "line", "column", "severity", "reason", "value"]
' "$W/i17/rejects.csv" "$TINY/expected-rejects.csv"

# A repeated column name is a warning naming both columns; the first is read.
mkdir -p "$W/dup"
printf 'ticket_id,created,client,resource,Resource,completed\nT1,2026-03-02 09:00,Contoso,Alice Ng,Bob,2026-03-02 12:00\n' >"$W/dup/tickets.csv"
expect 0 "tickets.csv:1:5: warning: repeated column name: column 4 of that name is read, this one ignored \('Resource'\)" \
    "$W/dup" $ARGS --partial -f csv -o "$W/dup/t.csv"
check "the first of the two columns is read" grep -q ',tech,Alice Ng,' "$W/dup/t.csv"

# CR-only line ends (old Mac exports): rejects at the same lines as with LF.
mkdir -p "$W/cr"
for f in tickets time_entries surveys clients resources; do tr '\n' '\r' <"$TINY/$f.csv" >"$W/cr/$f.csv"; done
"$BIN" "$TINY" $ARGS -v -f csv -o "$W/cr/lf.csv" 2>&1 | grep -E ':[0-9]+:[0-9]+: (rejected|warning)' | sed 's|.*/||' >"$W/cr/lf.txt"
"$BIN" "$W/cr" $ARGS -v -f csv -o "$W/cr/cr.csv" 2>&1 | grep -E ':[0-9]+:[0-9]+: (rejected|warning)' | sed 's|.*/||' >"$W/cr/cr.txt"
check "CR-only files: the same rejects at the same lines" sh -c "test -s '$W/cr/lf.txt' && cmp -s '$W/cr/lf.txt' '$W/cr/cr.txt'"
check "CR-only files: the same table" cmp -s "$W/cr/lf.csv" "$W/cr/cr.csv"

echo "cli: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
