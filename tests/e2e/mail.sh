#!/bin/sh
# mail.sh: the mail module end to end, through the stand-in sendmail;
# an independent MIME parser (Python's email package) reads what was sent.
# test_mail --send plays the program's part; once the program has
# --mail-to, the program itself is run on DATA too.
# usage: mail.sh TEST_MAIL STUB WORKDIR BINARY DATA
set -u
T=$1 STUB=$2 W=$3 BIN=$4 DATA=$5
CHECK=$(dirname "$0")/check_mail.py
rm -rf "$W" && mkdir -p "$W"
pass=0 fail=0
ok() { pass=$((pass + 1)); }
no() { fail=$((fail + 1)); echo "FAIL: $*"; }

# An attachment of every byte value, its size not a multiple of 3 or 57.
/usr/bin/python3 -c 'import random, sys
r = random.Random(7)
sys.stdout.buffer.write(bytes(range(256)) + bytes(r.randrange(256) for _ in range(150000)))' >"$W/report.xlsx"

# Sent: exit 0, the stand-in got -t -i, and the message reads back.
MAILBOX=$W/mailbox "$T" --send "/bin/sh $STUB -t -i" "$W/report.xlsx" 2>"$W/err"
rc=$?
[ "$rc" -eq 0 ] && ok || { no "send exited $rc"; cat "$W/err"; }
[ "$(cat "$W/mailbox.args" 2>/dev/null)" = "$(printf -- '-t\n-i')" ] && ok || no "sendmail arguments"
/usr/bin/python3 "$CHECK" "$W/mailbox" "$W/report.xlsx" && ok || no "check_mail.py"

# Run with stdin, or stdin and stderr, closed (as a daemon may be): the
# attachment and the pipes take those fds, and the message must still get
# through unchanged.
MAILBOX=$W/mailbox3 "$T" --send "/bin/sh $STUB -t -i" "$W/report.xlsx" <&- 2>"$W/err"
rc=$?
[ "$rc" -eq 0 ] && cmp -s "$W/mailbox" "$W/mailbox3" && ok || { no "stdin closed: exit $rc"; cat "$W/err"; }
MAILBOX=$W/mailbox4 "$T" --send "/bin/sh $STUB -t -i" "$W/report.xlsx" <&- 2>&-
rc=$?
[ "$rc" -eq 0 ] && cmp -s "$W/mailbox" "$W/mailbox4" && ok || no "stdin and stderr closed: exit $rc"

# The stand-in fails: MSC_ERR_MAIL (5), naming the command and its status.
MAILBOX=$W/mailbox2 SENDMAIL_EXIT=75 "$T" --send "/bin/sh $STUB -t -i" "$W/report.xlsx" 2>"$W/err"
rc=$?
[ "$rc" -eq 5 ] && ok || no "failing sendmail exited $rc, want 5"
grep -q "sendmail command '/bin/sh $STUB -t -i' exited with status 75" "$W/err" && ok ||
    { no "failing sendmail message"; cat "$W/err"; }

# No such command: 5 as well, and nothing written to stdout.
"$T" --send "$W/no-such-sendmail -t -i" "$W/report.xlsx" >"$W/out" 2>"$W/err"
rc=$?
[ "$rc" -eq 5 ] && grep -q "cannot run sendmail command" "$W/err" && [ ! -s "$W/out" ] && ok ||
    { no "missing sendmail exited $rc"; cat "$W/err"; }

# The program: the report is written, then mailed; sendmail failing is 5
# with the report still there; a bad address is 2 before anything is read.
"$BIN" --help | grep -q -- --mail-to || no "--help does not document --mail-to"
{
    ARGS="$DATA --month 2026-03 --months 2 -q"
    MAILBOX=$W/run SENDMAIL="/bin/sh $STUB -t -i" "$BIN" $ARGS -o "$W/sc-%Y-%m.xlsx" \
        --mail-to owner@example.com,ops@example.com 2>"$W/err"
    rc=$?
    [ "$rc" -eq 0 ] && ok || { no "program mail exited $rc"; cat "$W/err"; }
    /usr/bin/python3 "$CHECK" --report "$W/run" "$W/sc-2026-03.xlsx" owner@example.com ops@example.com &&
        ok || no "check_mail.py --report"
    rm -f "$W/sc-2026-03.xlsx"
    MAILBOX=$W/run2 SENDMAIL_EXIT=75 SENDMAIL="/bin/sh $STUB -t -i" "$BIN" $ARGS \
        -o "$W/sc-%Y-%m.xlsx" --mail-to owner@example.com 2>"$W/err"
    rc=$?
    [ "$rc" -eq 5 ] && [ -s "$W/sc-2026-03.xlsx" ] && grep -q "exited with status 75" "$W/err" && ok ||
        { no "program with failing sendmail exited $rc, want 5"; cat "$W/err"; }
    MAILBOX=$W/run3 SENDMAIL="/bin/sh $STUB -t -i" "$BIN" $ARGS -o "$W/bad.xlsx" \
        --mail-to 'owner@example.com, <x@y>' 2>"$W/err"
    rc=$?
    [ "$rc" -eq 2 ] && [ ! -e "$W/run3" ] && [ ! -e "$W/bad.xlsx" ] && ok ||
        { no "program with a bad address exited $rc, want 2"; cat "$W/err"; }
}

echo "mail.sh: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
