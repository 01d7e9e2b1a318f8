#!/bin/sh
# coverage.sh: never a confident wrong report (kpis.md "Data coverage" and
# "Data-quality gate"), one block per case of the issue that asked for it,
# on the example MSP (data 2025-11-01 .. 2026-10-31 19:03) and variations
# of it made here. usage: coverage.sh BINARY EXAMPLE_DATA_DIR WORKDIR
set -u
BIN=$1 EX=$2 W=$3
PY=/usr/bin/python3
HERE=$(cd "$(dirname "$0")" && pwd)
case $BIN in /*) ;; *) BIN=$(pwd)/$BIN ;; esac
rm -rf "$W" && mkdir -p "$W" && W=$(cd "$W" && pwd)
pass=0 fail=0

ok() { # ok DESCRIPTION COMMAND...: the command succeeds
    desc=$1
    shift
    if "$@" >"$W/ok.out" 2>&1; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        echo "FAIL: $desc"
        sed 's/^/    /' "$W/ok.out" | head -20
    fi
}

# run CODE ARGS...: runs the program (stdout to $W/out, stderr to $W/err) and
# checks its exit status.
run() {
    code=$1
    shift
    "$BIN" "$@" >"$W/out" 2>"$W/err"
    got=$?
    ok "exit $code from: $*" test "$got" -eq "$code" || sed 's/^/    /' "$W/err" | head -10
}
has() { grep -Eq -- "$1" "${2:-$W/err}"; }
lines() { wc -l <"$1" | tr -d ' '; }
# cell SHEET TEXT: some cell of the sheet holds TEXT (a regex).
cell() { "$PY" "$HERE/find_cell.py" "$W/book.xlsx" "$1" "$2"; }

# The example data copied with changes: variant NAME makes $W/NAME.
variant() { rm -rf "${W:?}/$1" && cp -R "$EX" "$W/$1"; }

# 1. --month last from cron on exports that stopped on 31 October: the
#    period before today's is not covered, so nothing is written or mailed,
#    and one line says why even with -q. (Today is after November 2026.)
export SENDMAIL="sh $HERE/sendmail-stub.sh" MAILBOX="$W/mailbox.eml"
run 3 "$EX" --month last -q -o "$W/stale.xlsx" --mail-to owner@example.com
ok "stale: nothing written" test ! -e "$W/stale.xlsx"
ok "stale: nothing mailed" test ! -e "$W/mailbox.eml"
ok "stale: one line on stderr with -q" test "$(lines "$W/err")" -eq 1
ok "stale: it names the data's end" has "the data ends 2026-10-31 19:03:45, [0-9]+ days before [0-9]{4}-[0-9]{2} ends: the exports may be stale \(--partial"
run 3 "$EX" --month 2026-11 -f csv -o "$W/nov.csv"
ok "stale November: 30 days short" has "the data ends 2026-10-31 19:03:45, 30 days before 2026-11 ends"
# With --partial the report is written and says so; the as-of time is the
# data's end.
run 0 "$EX" --month 2026-11 --partial -q -f csv -o "$W/nov.csv"
ok "partial: said on stderr for a CSV table even with -q" has "2026-11 is partial \(no data: the data ends 2026-10-31 19:03:45\)"
ok "partial: November has no rows at all" sh -c "! grep -q ',2026-11,' '$W/nov.csv'"
# Weekly cron: --month last with --period week is the ISO week before
# this one, which these exports do not reach either.
run 3 "$EX" --month last --period week -q -o "$W/week.xlsx"
ok "stale week: the previous ISO week is named" has "before [0-9]{4}-W[0-9]{2} ends"

# 2. The default range ends with the last period the data covers (the data
#    ends 19:03 on 31 October: October is covered), and periods before the
#    data have no rows, so no line drops to 0.
run 0 "$EX" -q -f csv -o "$W/default.csv"
ok "default: the range ends in October" grep -q '^tech_score,team,,2026-10,' "$W/default.csv"
run 0 "$EX" --months 14 -q -f csv -o "$W/wide.csv"
ok "before the data: no rows in 2025-09 or 2025-10" sh -c "! grep -Eq ',2025-(09|10),' '$W/wide.csv'"
ok "before the data: no zero score" sh -c "! grep -Eq '^tech_score,.*,0(\.0+)?,,$' '$W/wide.csv'"
run 0 "$EX" --period quarter -q -f csv -o "$W/quarters.csv"
ok "quarters: the range ends 2026-Q3 (Q4 is not covered)" grep -q '^tech_score,team,,2026-Q3,' "$W/quarters.csv"
ok "quarters: none before 2025-Q4 has a row" sh -c "! grep -Eq ',(202[0-4]-Q[1-4]|2025-Q[1-3]),' '$W/quarters.csv'"
ok "quarters: 2025-Q4 (from 1 November) is there" grep -q '^tech_score,team,,2025-Q4,' "$W/quarters.csv"
# The workbook marks the partial quarter 2025-Q4 and leaves empty quarters
# blank.
run 0 "$EX" --period quarter -q -o "$W/book.xlsx"
ok "quarters: 2025-Q4* is marked partial" cell Trend '^2025-Q4\*$'
ok "quarters: the mark is explained" cell Trend '2025-Q4\* is partial: the data starts 2025-11-01'

# 3. No time entries (absent, or skipped for a missing column): the
#    time-based KPIs have no rows at all, never 0, and margin is not made
#    without labour cost.
variant notime && rm "$W/notime/time_entries.csv"
run 0 "$W/notime" --month 2026-10 -q -f csv -o "$W/notime.csv"
for k in utilization realtime_entry est_vs_actual fcr reactive_hours_per_endpoint hours labor_cost effective_rate margin; do
    ok "no time entries: no $k rows" sh -c "! grep -q '^$k,' '$W/notime.csv'"
done
ok "no time entries: the tech score stays" grep -q '^tech_score,team,,2026-10,' "$W/notime.csv"
ok "no time entries: revenue stays" grep -q '^revenue,team,,2026-10,' "$W/notime.csv"
variant skiptime && sed -i '1s/resource/person/' "$W/skiptime/time_entries.csv"
run 1 "$W/skiptime" --month 2026-10 -q -f csv -o "$W/skiptime.csv"
ok "skipped time entries: no utilization rows" sh -c "! grep -q '^utilization,' '$W/skiptime.csv'"
ok "skipped time entries: a data problem, even with -q" has "data problem: .*time_entries.csv.*missing required column 'resource'"

# 4. A client listed with 214 endpoints and no ticket or hour all year (a
#    name that does not match the PSA's) is flagged, with the closest name.
variant idle && printf 'Copperfield Engg.,214,9000,fixed fee,\n' >>"$W/idle/clients.csv"
run 0 "$W/idle" --month 2026-10 -o "$W/book.xlsx"
ok "no activity: said on stderr" has "clients? listed with endpoints had no ticket or hour"
ok "no activity: Data Quality lists it" cell "Data Quality" '^Copperfield Engg\.$'
ok "no activity: with the closest ticket name" cell "Data Quality" '^Closest name in tickets or time entries$'
ok "no activity: the Clients sheet says it" cell Clients '^Amber name: no activity'
# No ticket's client in clients.csv at all fails the gate.
variant nomatch && sed -i '2,$s/^/X /' "$W/nomatch/clients.csv"
run 1 "$W/nomatch" --month 2026-10 -q -o "$W/book.xlsx"
ok "names: no ticket's client matches" has "data problem: no ticket's client is listed in .*clients.csv"
ok "names: the closest listed name is given" cell "Data Quality" '^X '

# 5. fcr = 60 would be 6000%: a settings error naming file, line and key.
printf '[targets]\nfcr = 60\n' >"$W/fcr.ini"
run 2 -c "$W/fcr.ini" "$EX"
ok "fcr = 60: refused with the % form suggested" has "fcr.ini:2: fcr: '60' would be 6000%; write 60% \(or 0.6\)"
printf '[targets]\nfcr = 60%%\nmttr = 6\n' >"$W/fcr-ok.ini"
run 0 -c "$W/fcr-ok.ini" "$EX" --month 2026-10 -q -f csv -o "$W/fcr.csv"
ok "fcr = 60%: the target is 0.6" grep -Eq '^fcr,team,,2026-10,.*,0\.6,(true|false)$' "$W/fcr.csv"

# 6. Default names per cadence, so a weekly or quarterly run never
#    overwrites the monthly report; %q and ISO weeks in -o.
mkdir -p "$W/names"
(cd "$W/names" && "$BIN" "$EX" --month 2026-10 -q) &&
    (cd "$W/names" && "$BIN" "$EX" --month 2026-10 --period week -q) &&
    (cd "$W/names" && "$BIN" "$EX" --month 2026-09 --period quarter -q)
ok "names: one report per cadence" test -f "$W/names/scorecard-2026-10.xlsx" -a \
    -f "$W/names/scorecard-2026-W43.xlsx" -a -f "$W/names/scorecard-2026-Q3.xlsx"
# The last ISO week whose Sunday falls in October 2026 starts Monday 19.
run 0 "$EX" --month 2026-10 --period week -q -o "$W/x-%G-W%V-%u.xlsx"
ok "names: %G-W%V is the ISO week (Monday 19 October: 2026-W43, day 1)" test -f "$W/x-2026-W43-1.xlsx"
run 0 "$EX" --period week --month 2026-01 -q -o "$W/y-%G-W%V-%j.xlsx"
ok "names: week 2026-W04 starts on day 019" test -f "$W/y-2026-W04-019.xlsx"
run 0 "$EX" --month 2026-09 --period quarter -q -o "$W/q%q-%Y-%%q.xlsx"
ok "names: %q is the quarter, %%q stays" test -f "$W/q3-2026-%q.xlsx"

# 7. A UTF-16 surveys.csv is skipped: the gate fails, exit 1, the problem
#    on stderr even with -q, a banner on the Scorecard, [data problem] in
#    the mail subject and the problem first in its summary.
variant utf16 && printf '\377\376s\000u\000r\000v\000e\000y\000\n\000' >"$W/utf16/surveys.csv"
rm -f "$MAILBOX"
run 1 "$W/utf16" --month 2026-10 -q -o "$W/book.xlsx" --mail-to owner@example.com
ok "UTF-16: the problem on stderr with -q" has "^msp-scorecard: data problem: .*surveys.csv:1:1: the file is UTF-16 text.*; the file was skipped"
ok "UTF-16: the workbook is written" test -s "$W/book.xlsx"
ok "UTF-16: the Scorecard's banner" cell Scorecard '^DATA PROBLEM: the inputs look broken'
ok "UTF-16: the banner names the file" cell Scorecard 'surveys.csv:1:1: the file is UTF-16 text'
ok "UTF-16: mailed with [data problem] in front of the subject" grep -q '^Subject: \[data problem\] Technician scorecard 2026-10' "$MAILBOX"
ok "UTF-16: the summary names the problem before any KPI" "$PY" -c '
import email, email.policy, sys
msg = email.message_from_binary_file(open(sys.argv[1], "rb"), policy=email.policy.default)
body = next(p for p in msg.walk() if p.get_content_type() == "text/plain").get_content()
assert body.index("UTF-16 text") < body.index("Team score"), body
' "$MAILBOX"
# Every output says so: the terminal view, and a client's review (in words
# that name no other client, as the review is shown to that client).
run 1 "$W/utf16" --month 2026-10 -q -f text
ok "UTF-16: the text view names the problem" has "^DATA PROBLEM: .*surveys.csv:1:1: the file is UTF-16" "$W/out"
run 1 "$W/utf16" --month 2026-09 --client "Acme Dental Group" -q -o "$W/book.xlsx"
ok "UTF-16: the client review says its inputs looked broken" cell Review '^DATA PROBLEM: the exports looked broken'
# Many rejected rows fail the gate too: more than 10 and 2% of the file.
variant rejects && i=0 && while [ $i -lt 120 ]; do
    printf 'BAD%d,not a date,Acme Dental Group\n' $i >>"$W/rejects/tickets.csv"
    i=$((i + 1))
done
run 1 "$W/rejects" --month 2026-10 -q -f csv -o "$W/rejects.csv"
ok "rejects: the share is named" has "data problem: .*tickets.csv: 121 of 5538 rows rejected \(2\.2%; at most 2% is expected\)"
# ... but the gate's floor of 10 rows keeps a small sample with one bad row
# at exit 0 (the spec's tiny example).
unset SENDMAIL MAILBOX

# A partial month: the exports stop on 14 October. Capacity counts only to
# the data's end, the as-of time is the data's end, and every sheet says so.
variant cut && "$PY" - "$W/cut" <<'EOF'
import csv, os, sys
for name, col in (("tickets.csv", "created"), ("time_entries.csv", "start"), ("surveys.csv", "received")):
    path = os.path.join(sys.argv[1], name)
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    at = rows[0].index(col)
    keep = [rows[0]] + [r for r in rows[1:] if len(r) <= at or r[at] < "2026-10-14 12:00"]
    with open(path, "w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows(keep)
EOF
run 3 "$W/cut" --month 2026-10 -q -o "$W/book.xlsx"
ok "cut: stale without --partial" has "the data ends 2026-10-14 11:58:25, 17 days before 2026-10 ends"
run 0 "$W/cut" --month 2026-10 --partial -q -o "$W/book.xlsx"
ok "cut: the Scorecard's banner says partial" cell Scorecard '^PARTIAL: 2026-10 is not over in the data \(the data ends 2026-10-14 11:58:25\)'
ok "cut: the KPI sheets mark the period" cell "Resource Utilization" '^2026-10\*$'
ok "cut: the Definitions give the data's start and end" cell Definitions '^2026-10-14 11:58:25$'
run 0 "$W/cut" --month 2026-10 --partial -q -f text
ok "cut: the text view says partial" grep -q '^Technician scorecard 2026-10 (partial)' "$W/out"
run 0 "$W/cut" --month 2026-10 --partial -q -o "$W/book.xlsx" --client "Acme Dental Group"
ok "cut: the client review marks the partial quarter" cell Review '^2026-Q4\*$'
run 0 "$W/cut" --month 2026-10 --partial -q -f csv -o "$W/cut.csv"
"$BIN" "$EX" --month 2026-10 -q -f csv -o "$W/full.csv"
# Jordan Brooks works 40 hours a week and took no leave in October.
ok "cut: October capacity is 10 weekdays (80 h), not 22 (176 h)" sh -c "
    grep -q '^utilization,tech,Jordan Brooks,2026-10,[0-9.]*,80,' '$W/cut.csv' &&
    grep -q '^utilization,tech,Jordan Brooks,2026-10,[0-9.]*,176,' '$W/full.csv'"

echo "coverage: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
