#!/bin/sh
# run.sh BINARY CORPUSDIR WORKDIR [CASE...]: the bad-input corpus.
#
# Each case is a folder of CORPUSDIR holding its input files and:
#   cmd              the arguments after the binary, in sh syntax; the run's
#                    working directory is (a copy of) the folder, so "." is
#                    DIR. The runner adds -v, for the accounting lines.
#   expected-status  the exit status
#   expected-stderr  lines that must each appear on stderr: a fixed string,
#                    or with "re:" in front an extended regex; blank lines
#                    and lines starting with # are skipped
# and optionally:
#   expected-stdout  the same for stdout
#   stdin            fed to the run's standard input
#   generate         sh script run first in the copy (with PY set), making
#                    inputs too big or too binary to keep in git
#   check            sh script run last in the copy, with BIN, PY, OUT (the
#                    run's stdout) and ERR (its stderr) set; must exit 0
#   known-bug        the case shows a bug not fixed yet (the file says which):
#                    its failure is reported as XFAIL, not counted; once it
#                    passes (XPASS) the run fails until the file is deleted
# Every case also passes tests/corpus/accounting.py (rows read = used +
# rejected, every rejected or warned row listed). A case gets 120 s.
set -u
BIN=$1 CORPUS=$2 W=$3
shift 3
PY=/usr/bin/python3
HERE=$(cd "$(dirname "$0")" && pwd)
case $BIN in /*) ;; *) BIN=$(pwd)/$BIN ;; esac
case $CORPUS in /*) ;; *) CORPUS=$(pwd)/$CORPUS ;; esac
mkdir -p "$W" && W=$(cd "$W" && pwd)
pass=0 fail=0 xfail=0

# want FILE OUTPUT: every pattern line of FILE appears in OUTPUT.
want() {
    ok=0
    while IFS= read -r pat || [ -n "$pat" ]; do
        case $pat in
        '' | '#'*) continue ;;
        re:*) grep -Eq -- "${pat#re:}" "$2" || { echo "    missing /${pat#re:}/"; ok=1; } ;;
        *) grep -Fq -- "$pat" "$2" || { echo "    missing '$pat'"; ok=1; } ;;
        esac
    done <"$1"
    return $ok
}

if [ $# -gt 0 ]; then cases=$*; else cases=$(cd "$CORPUS" && ls); fi
for name in $cases; do
    src=$CORPUS/$name
    [ -f "$src/cmd" ] || continue
    d=$W/$name
    rm -rf "$d" && mkdir -p "$d" && cp -R "$src/." "$d/"
    start=$(date +%s)
    why=""
    if [ -f "$d/generate" ] && ! (cd "$d" && PY=$PY sh ./generate >"$W/$name.gen.log" 2>&1); then
        why="generate failed: $(tail -3 "$W/$name.gen.log")"
    fi
    if [ -z "$why" ]; then
        input=/dev/null
        [ -f "$d/stdin" ] && input=$d/stdin
        # shellcheck disable=SC2046
        (cd "$d" && eval "exec timeout 120 \"\$BIN\" -v $(cat cmd)") <"$input" >"$W/$name.out" 2>"$W/$name.err"
        got=$?
        want_status=$(cat "$d/expected-status")
        [ "$got" -eq "$want_status" ] || why="exit $got, wanted $want_status"
        if [ -f "$d/expected-stderr" ] && ! want "$d/expected-stderr" "$W/$name.err" >"$W/$name.miss"; then
            why="${why:+$why; }stderr: $(cat "$W/$name.miss")"
        fi
        if [ -f "$d/expected-stdout" ] && ! want "$d/expected-stdout" "$W/$name.out" >"$W/$name.miss"; then
            why="${why:+$why; }stdout: $(cat "$W/$name.miss")"
        fi
        if ! $PY "$HERE/accounting.py" "$W/$name.err" "$got" "$d" >"$W/$name.acc"; then
            why="${why:+$why; }$(grep -v ': ok$' "$W/$name.acc")"
        fi
        if [ -f "$d/check" ] && ! (cd "$d" && BIN=$BIN PY=$PY OUT=$W/$name.out ERR=$W/$name.err \
            sh ./check >"$W/$name.check" 2>&1); then
            why="${why:+$why; }check: $(tail -5 "$W/$name.check")"
        fi
    fi
    secs=$(($(date +%s) - start))
    if [ -f "$d/known-bug" ]; then
        if [ -n "$why" ]; then
            xfail=$((xfail + 1))
            echo "XFAIL $name (${secs} s): known bug: $(grep -v '^#' "$d/known-bug" | head -1)"
            echo "    (fails with: $(echo "$why" | head -3))"
        else
            fail=$((fail + 1))
            echo "XPASS $name: it passes now; delete $src/known-bug"
        fi
        continue
    fi
    if [ -z "$why" ]; then
        pass=$((pass + 1))
        echo "ok   $name (${secs} s)"
        # The big generated inputs go; the outputs stay for a look.
        [ -f "$d/generate" ] && find "$d" -type f -size +1M -delete
    else
        fail=$((fail + 1))
        echo "FAIL $name (${secs} s): $why"
        echo "    stderr ($W/$name.err):"
        head -c 3000 "$W/$name.err" | sed 's/^/      /'
    fi
done
echo "corpus: $pass passed, $fail failed, $xfail known bugs"
[ "$fail" -eq 0 ] && [ "$pass" -gt 0 ]
