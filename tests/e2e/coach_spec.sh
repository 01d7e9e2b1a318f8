#!/bin/sh
# coach_spec.sh: the coaching figures on the spec's tiny example, worked out
# by hand from its README (attainments a, equal weights; output.md
# "Coaching"). usage: coach_spec.sh BINARY TINY_DIR
#
# Alice (10 KPIs): points lost 100 x (1 - a) / 10: utilization
#   (1 - 0.055804) x 10 = 9.4, escalation 7.0, survey 3.7, triage 3.1,
#   engagement 3.0, fcr 2.9, completion 2.6, realtime 1.7, est and reopen 0:
#   focus utilization (4.5% against 80%). Keep: est_vs_actual and reopen_rate
#   are on target (streak 1, a one-period report); registry order gives
#   est_vs_actual. Rank by score rounded to 0.1: Alice 66.6, Bob 66.5, Pat
#   50.7. Team medians: utilization of 4.5%, 10.4%, 1.1% is 4.5%;
#   completion of Alice 66.7% and Bob 100% (Pat has none) is 83.3%.
# Bob (8 KPIs): reopen (1 - 0.1) x 100 / 8 = 11.25 (printed 11.2),
#   utilization (1 - 0.130208) x 12.5 = 10.9: focus reopen_rate, 50% against
#   5%. Keep: realtime_entry (2 of 2), the first on target in registry order.
# Pat (2 KPIs): utilization (1 - 0.014205) x 50 = 49.3.
set -u
BIN=$1 TINY=$2
pass=0 fail=0
card() { "$BIN" "$TINY" --month 2026-03 --months 1 -f text --tech "$1" -q; }
want() { # want NAME LINE-REGEX
    if card "$1" | grep -Eq -- "$2"; then pass=$((pass + 1)); else
        fail=$((fail + 1))
        echo "FAIL: $1: no line /$2/"
        card "$1" | head -5 | sed 's/^/    /'
    fi
}
want "Alice Ng" '^Tech score 66\.6 \(target 90\), rank 1 of 3\.$'
want "Alice Ng" '^Focus: Resource Utilization, 4\.5% against 80% \(costs 9\.4 points\)$'
want "Alice Ng" '^Keep: Estimated vs Actual Time, 75\.0% against 110% \(on target 1 period in a row\)$'
want "Alice Ng" '^Resource Utilization +4\.5% .* 75\.5% behind +4\.5% +168 hours available +0 +9\.4$'
want "Alice Ng" '^SLA: Completion \(resolved\) +66\.7% .* 83\.3% +3 milestones \(low sample\) +0 +2\.6$'
want "Alice Ng" '^Escalation Rate .* 3 completed tickets \(low sample\) +0 +7\.0$'
want "Bob Reyes" '^Tech score 66\.5 \(target 90\), rank 2 of 3\.$'
want "Bob Reyes" '^Focus: Reopen Rate, 50\.0% against 5% \(costs 11\.2 points\)$'
want "Bob Reyes" '^Keep: Real-Time Time Entry, 100\.0% against 90% \(on target 1 period in a row\)$'
want "Pat Quinn" '^Tech score 50\.7 \(target 90\), rank 3 of 3\.$'
want "Pat Quinn" '^Focus: Resource Utilization, 1\.1% against 80% \(costs 49\.3 points\)$'
echo "coach_spec: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
