#!/bin/sh
# headers.sh: exports as real PSAs and hands write them give the KPI table
# of the canonical example data: canonical headers with one PSA header left
# in (Company), a map naming fields no KPI reads yet (queue, priority ...),
# Autotask's billingCodeID as the work type, day-first dates on stdin; and
# a file that needs both day/month orders is refused (tickets) or skipped.
# usage: headers.sh BINARY EXAMPLE_DATA WORKDIR
set -u
BIN=$1 DATA=$2 W=$3
rm -rf "$W" && mkdir -p "$W"
pass=0 fail=0
ARGS="--month 2026-10 --months 3 -f csv"
export TZ=UTC

"$BIN" "$DATA" $ARGS -o "$W/canonical.csv" -q || { echo "the canonical run failed"; exit 1; }

# copy NAME: the example data in $W/NAME, to be edited.
copy() {
    rm -rf "${W:?}/$1" && mkdir -p "$W/$1" && cp "$DATA"/*.csv "$W/$1/"
}

# header NAME FILE SED: edits the header line of one file.
header() {
    sed -i "1s/$3/g" "$W/$1/$2"
}

# check DESC CODE TABLE REGEX ARGS...: the run exits CODE, its stderr
# matches REGEX, and with TABLE "same" its KPI table is the canonical one.
check() {
    desc=$1 code=$2 table=$3 pattern=$4
    shift 4
    "$BIN" "$@" $ARGS -o "$W/out.csv" -v 2>"$W/err"
    got=$?
    ok=1
    [ "$got" -eq "$code" ] || { ok=0; echo "FAIL: $desc: exit $got, not $code"; }
    grep -Eq -- "$pattern" "$W/err" || { ok=0; echo "FAIL: $desc: stderr lacks /$pattern/"; }
    [ "$table" != same ] || cmp -s "$W/canonical.csv" "$W/out.csv" ||
        { ok=0; echo "FAIL: $desc: KPI table differs"; diff "$W/canonical.csv" "$W/out.csv" | head; }
    [ $ok -eq 1 ] || sed 's/^/    /' "$W/err" | head -20
    pass=$((pass + ok))
    fail=$((fail + 1 - ok))
}

# Issue 13 case 3: canonical headers but Company for the client; the
# profile that reads Company must still read resource and the rest.
copy company
header company tickets.csv ',client,/,Company,'
check "Company for client" 0 same "tickets.csv: read as [a-z]+; fields found: ticket_id, created, client, ticket_type, resource," \
    "$W/company"

# Case 4: a map naming every field of data-model.md, under other headers
# where a KPI does not read them.
copy map
header map tickets.csv ',queue,/,workgroup,'
header map tickets.csv ',priority,/,seriousness,'
header map clients.csv ',agreement,/,contract,'
header map resources.csv ',team,/,squad,'
cat >"$W/map.ini" <<'EOF'
[tickets]
ticket_id = ticket_id
created = created
client = client
title = title
queue = workgroup
priority = seriousness
status = status
ticket_type = ticket_type
resource = resource
first_response_due = first_response_due
first_response = first_response
resolution_plan_due = resolution_plan_due
resolution_plan = resolution_plan
resolved_due = resolved_due
resolved = resolved
completed = completed
estimated_hours = estimated_hours
escalations = escalations
reopens = reopens
first_response_met = first_response_met
resolution_plan_met = resolution_plan_met
resolved_met = resolved_met
[time_entries]
entry_id = entry_id
ticket_id = ticket_id
resource = resource
start = start
end = end
date_worked = date_worked
hours_worked = hours_worked
hours_billed = hours_billed
billable = billable
work_type = work_type
client = client
entered = entered
[surveys]
survey_id = survey_id
ticket_id = ticket_id
resource = resource
client = client
received = received
score = score
scale_max = scale_max
[clients]
client = client
endpoints = endpoints
monthly_revenue = monthly_revenue
agreement = contract
included_hours = included_hours
month = month
[resources]
resource = resource
weekly_hours = weekly_hours
hourly_cost = hourly_cost
team = squad
start_date = start_date
end_date = end_date
include = include
email = email
monthly_pay = monthly_pay
EOF
check "a map naming every field" 0 same "tickets.csv: read as map; fields found: .*title, queue, priority, status" \
    "$W/map" --map "$W/map.ini"

# Case 5: Autotask's billingCodeID is the work type, so PTO and holidays
# stay out of capacity.
copy billing
header billing time_entries.csv ',work_type,/,billingCodeID,'
check "billingCodeID as work type" 0 same "time_entries.csv: read as autotask; fields found: .*work_type" "$W/billing"

# Day-first dates through stdin: read off a copy, in the order they need.
copy stdin
# (The deliberately bad 2026-13-01 stays as it is.)
sed -i -E '2,$s#([0-9]{4})-(0[1-9]|1[0-2])-([0-9]{2})#\3/\2/\1#g' "$W/stdin/tickets.csv"
check "day-first tickets on stdin" 0 same "-: dates read day first" "$W/stdin" --tickets - <"$W/stdin/tickets.csv"

# Mixed orders: tickets unusable (exit 3), other files skipped, naming a line of each.
copy mixed
# mix FILE LINE: day first before LINE, month first from it; each part
# has days above 12.
mix() {
    sed -i -E "2,$(($2 - 1))s#([0-9]{4})-(0[1-9]|1[0-2])-([0-9]{2})#\\3/\\2/\\1#g;$2,\$s#([0-9]{4})-(0[1-9]|1[0-2])-([0-9]{2})#\\2/\\3/\\1#g" "$1"
}
mix "$W/mixed/time_entries.csv" 6001
# A skipped file fails the data-quality gate: written, exit 1.
check "mixed time entries skipped" 1 - "time_entries.csv: dates in both day/month orders: line [0-9]+ needs day first .*line [0-9]+ month first" \
    "$W/mixed"
grep -q "hours has no value: time_entries.csv was not read" "$W/err" ||
    { fail=$((fail + 1)); echo "FAIL: a skipped mixed file leaves its KPIs blank"; }
# Both orders met only past the first MiB, when rows of the file were
# counted already: everything is read again without it, and it is skipped
# as above. From a pipe it cannot be, and the run stops.
copy late
sed -i -E "9000,10999s#([0-9]{4})-(0[1-9]|1[0-2])-([0-9]{2})#\\3/\\2/\\1#g;11000,\$s#([0-9]{4})-(0[1-9]|1[0-2])-([0-9]{2})#\\2/\\3/\\1#g" \
    "$W/late/time_entries.csv"
check "mixed past the first MiB: skipped" 1 - "time_entries.csv: dates in both day/month orders: line 9[0-9]{3} needs day first .*line 1[0-9]{4} month first" \
    "$W/late"
grep -q "hours has no value: time_entries.csv was not read" "$W/err" ||
    { fail=$((fail + 1)); echo "FAIL: a file refused late leaves its KPIs blank"; }
check "refused late after stdin: the run stops" 3 - "cannot be read again to leave it out, so the run stops" \
    "$W/late" --tickets - <"$W/late/tickets.csv"
# A file skipped before it (here from stdin, read once) keeps its reason.
cut -d, -f2- "$DATA/resources.csv" >"$W/resources-no-name.csv"
check "refused late after a skipped stdin file" 1 - "data problem: -:1: missing required column 'resource'" \
    "$W/late" --resources - <"$W/resources-no-name.csv"
mix "$W/mixed/tickets.csv" 2001
check "mixed tickets refused" 3 - "tickets.csv: dates in both day/month orders: line [0-9]+ needs day first" "$W/mixed"
# Given an order, the same file is read; what that order cannot read is a bad
# value (so many here that the data-quality gate fails: exit 1).
check "mixed tickets read with --date-order" 1 - "unparseable date" "$W/mixed" --date-order dmy

echo "headers: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
