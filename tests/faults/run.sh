#!/bin/sh
# run.sh BINARY SHIM DATADIR WORKDIR [BIGDATADIR]: output faults. Whatever goes wrong
# while the report is written (a full disk at any write, fsync or rename
# failing, a folder that cannot be written, a device or pipe that fails),
# the run exits 4 naming the output path, a previous report at that path is
# byte-identical afterwards, and no temporary file (.msp-scorecard-XXXXXX)
# is left, beside the target or in TMPDIR. A device or pipe is written
# directly, never renamed over. Both csv and xlsx. SHIM is libfailwrite.so
# (failwrite.c); the small-tmpfs part needs root and is skipped without it
# (BIGDATADIR, e.g. examples/data, fills it in the middle of a report).
set -u
BIN=$1 SHIM=$2 DATA=$3 W=$4 BIG=${5:-}
PY=/usr/bin/python3
rm -rf "$W" && mkdir -p "$W/out" "$W/tmp"
W=$(cd "$W" && pwd)
export TMPDIR="$W/tmp" # direct writes and libxlsxwriter put their temporary files here
# An ASan build must come first among the libraries; the shim comes before it.
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0"
ARGS="--month 2026-03 --months 1"
pass=0 fail=0 xfail=0

label=FAIL
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "$label: $*"; }

# no_temp_files DIR...: nothing named .msp-scorecard-* is left.
no_temp_files() {
    left=$(for d in "$@" "$TMPDIR"; do ls -A "$d" 2>/dev/null | grep '^\.msp-scorecard-' | sed "s|^|$d/|"; done)
    [ -z "$left" ] || { echo "    left behind: $left"; return 1; }
}

# fails_cleanly DESC TARGET BEFORE [ENV=VALUE...] -- [ARGS...]: with the
# environment given, writing TARGET exits 4 naming it, TARGET still equals
# BEFORE (or is still absent when BEFORE is -), and no temporary file stays.
fails_cleanly() {
    desc=$1 target=$2 before=$3
    shift 3
    envs=""
    while [ $# -gt 0 ] && [ "$1" != -- ]; do envs="$envs $1"; shift; done
    shift
    # shellcheck disable=SC2086
    env $envs "$BIN" "$DATA" $ARGS -o "$target" "$@" >"$W/stdout" 2>"$W/stderr"
    got=$?
    why=""
    [ "$got" -eq 4 ] || why="exit $got, wanted 4"
    grep -Fq -- "$target: cannot write" "$W/stderr" || why="${why:+$why; }no '$target: cannot write' on stderr"
    if [ "$before" = - ]; then
        [ ! -e "$target" ] || [ -c "$target" ] || [ -p "$target" ] || why="${why:+$why; }$target was created"
    else
        cmp -s "$before" "$target" || why="${why:+$why; }the previous report changed"
    fi
    no_temp_files "$(dirname "$target")" >"$W/left" || why="${why:+$why; }$(cat "$W/left")"
    if [ -z "$why" ]; then ok; else bad "$desc: $why"; sed 's/^/    stderr: /' "$W/stderr"; fi
}

for fmt in csv xlsx; do
    target=$W/out/report.$fmt
    # The previous report, and what a good run writes.
    "$BIN" "$DATA" $ARGS -f $fmt -o "$target" -q || bad "$fmt: the first report was not written"
    cp "$target" "$W/before.$fmt"

    # The shim passes everything through when nothing is to fail: count the writes.
    rm -f "$W/count.log"
    LD_PRELOAD=$SHIM FAILWRITE_LOG=$W/count.log "$BIN" "$DATA" $ARGS -f $fmt -o "$W/out/counted.$fmt" -q &&
        [ -s "$W/out/counted.$fmt" ] || bad "$fmt: a run under the shim with no fault failed"
    if [ $fmt = csv ]; then
        cmp -s "$W/out/counted.csv" "$target" || bad "csv: the shim changed what was written"
    fi
    writes=$(sed -n 's/^writes=\([0-9]*\) .*/\1/p' "$W/count.log" 2>/dev/null | tail -1)
    files=$(sed -n 's/.* files=\([0-9]*\).*/\1/p' "$W/count.log" 2>/dev/null | tail -1)
    if [ -z "$writes" ] || [ "$writes" -lt 1 ] || [ "$files" -lt 1 ]; then
        bad "$fmt: the shim saw no writes to the temporary file (log: $(cat "$W/count.log" 2>/dev/null))"
        writes=1
    fi
    echo "$fmt: $writes writes to the temporary file(s); failing each in turn"
    rm -f "$W/out/counted.$fmt"

    # The disk fills up at the Nth write, for every N (at most 60 of them, spread out).
    step=$(((writes + 59) / 60))
    n=1
    while [ "$n" -le "$writes" ]; do
        fails_cleanly "$fmt: write $n of $writes fails" "$target" "$W/before.$fmt" \
            LD_PRELOAD=$SHIM FAILWRITE_WRITE=$n -- -f $fmt
        n=$((n + step))
    done
    fails_cleanly "$fmt: fsync fails" "$target" "$W/before.$fmt" LD_PRELOAD=$SHIM FAILWRITE_FSYNC=1 -- -f $fmt
    fails_cleanly "$fmt: fsync fails with EIO" "$target" "$W/before.$fmt" \
        LD_PRELOAD=$SHIM FAILWRITE_FSYNC=1 FAILWRITE_ERRNO=5 -- -f $fmt
    fails_cleanly "$fmt: rename fails" "$target" "$W/before.$fmt" LD_PRELOAD=$SHIM FAILWRITE_RENAME=1 -- -f $fmt
    # No previous report: none appears.
    fails_cleanly "$fmt: first write fails, no previous report" "$W/out/new.$fmt" - \
        LD_PRELOAD=$SHIM FAILWRITE_WRITE=1 -- -f $fmt

    # Folders that cannot be written.
    fails_cleanly "$fmt: no such folder" "$W/nowhere/report.$fmt" - -- -f $fmt
    : >"$W/plainfile"
    fails_cleanly "$fmt: a file where the folder should be" "$W/plainfile/report.$fmt" - -- -f $fmt
    if [ "$(id -u)" -ne 0 ]; then
        mkdir -p "$W/ro" && cp "$W/before.$fmt" "$W/ro/report.$fmt" && chmod 555 "$W/ro"
        fails_cleanly "$fmt: a read-only folder" "$W/ro/report.$fmt" "$W/before.$fmt" -- -f $fmt
        chmod 755 "$W/ro"
    fi

    # A folder where the report should go: exit 4, the folder stays.
    mkdir -p "$W/adir"
    "$BIN" "$DATA" $ARGS -f $fmt -o "$W/adir" >"$W/stdout" 2>"$W/stderr"
    got=$?
    if [ "$got" -eq 4 ] && test -d "$W/adir" && grep -Fq "$W/adir: cannot write" "$W/stderr" && no_temp_files "$W"; then
        ok
    else
        bad "$fmt: -o FOLDER: exit $got"
    fi

    # A device: written directly, a failure is exit 4, and the device stays.
    fails_cleanly "$fmt: /dev/full" /dev/full - -- -f $fmt
    if test -c /dev/full; then ok; else bad "/dev/full is no longer a device"; fi
    "$BIN" "$DATA" $ARGS -f $fmt -o /dev/null -q && test -c /dev/null && ok || bad "$fmt: -o /dev/null"

    # A pipe (FIFO): written directly, never renamed over; a failing write there is exit 4.
    rm -f "$W/fifo" && mkfifo "$W/fifo"
    timeout 60 cat "$W/fifo" >"$W/fifo.out" &
    reader=$!
    "$BIN" "$DATA" $ARGS -f $fmt -o "$W/fifo" -q
    got=$?
    wait $reader
    if [ "$got" -eq 0 ] && test -p "$W/fifo" && cmp -s "$W/fifo.out" "$W/before.$fmt" ||
        { [ $fmt = xlsx ] && [ "$got" -eq 0 ] && test -p "$W/fifo" && [ -s "$W/fifo.out" ]; }; then
        ok
    else
        bad "$fmt: writing to a FIFO (exit $got, still a FIFO: $(test -p "$W/fifo" && echo yes || echo no))"
    fi
    timeout 60 cat "$W/fifo" >"$W/fifo.out" &
    reader=$!
    fails_cleanly "$fmt: a FIFO whose write fails" "$W/fifo" - \
        LD_PRELOAD=$SHIM "FAILWRITE_MATCH=$W/fifo" FAILWRITE_WRITE=1 -- -f $fmt
    kill "$reader" 2>/dev/null
    wait "$reader" 2>/dev/null
    test -p "$W/fifo" && ok || bad "$fmt: the FIFO was replaced"
done

# A big table (the example MSP, many writes): the disk fills at ten points along it.
if [ -n "$BIG" ]; then
    rm -f "$W/count.log"
    LD_PRELOAD=$SHIM FAILWRITE_LOG=$W/count.log "$BIN" "$BIG" $ARGS -f csv --month 2026-10 --months 12 -o "$W/out/big.csv" -q
    writes=$(sed -n 's/^writes=\([0-9]*\) .*/\1/p' "$W/count.log" 2>/dev/null | tail -1)
    echo "csv, the example MSP: ${writes:-?} writes; failing ten of them"
    n=1
    while [ "$n" -le "${writes:-0}" ]; do
        save=$DATA DATA=$BIG
        fails_cleanly "csv, the example MSP: write $n of $writes fails" "$W/out/report.csv" "$W/before.csv" \
            LD_PRELOAD=$SHIM FAILWRITE_WRITE=$n -- -f csv --month 2026-10 --months 12
        DATA=$save
        n=$((n + (writes + 9) / 10))
    done
fi

# xlsx: libxlsxwriter's own temporary files (in TMPDIR) failing is exit 4 too.
fail_before=$fail label="XFAIL (known bug)"
fails_cleanly "xlsx: libxlsxwriter's temporary files fail" "$W/out/report.xlsx" "$W/before.xlsx" \
    LD_PRELOAD=$SHIM "FAILWRITE_MATCH=$TMPDIR/tmp." FAILWRITE_WRITE=1 -- -f xlsx
label=FAIL
if [ "$fail" -gt "$fail_before" ]; then
    # KNOWN LIMIT: libxlsxwriter 1.1.4 does not check the writes to its
    # temporary XML parts. The program keeps them beside the report, on the
    # disk the zip is written to (whose write is checked: the full tmpfs case
    # below), so only a fault injected into the parts alone gets through.
    fail=$fail_before xfail=$((xfail + 1))
    echo "    (a full TMPDIR gives a corrupt workbook of empty parts, renamed over the report, and exit 0)"
    cp "$W/before.xlsx" "$W/out/report.xlsx"
else
    # An expected failure that passes is news: the case belongs with the others now.
    bad "XPASS: libxlsxwriter's temporary files failing now fails cleanly; drop its XFAIL"
fi

# Standard output: a full device is exit 4; so is a pipe whose reader has gone
# (EPIPE: the run must not die of SIGPIPE, leaving its temporary file in TMPDIR).
"$BIN" "$DATA" $ARGS -f csv -o - >/dev/full 2>"$W/stderr"
got=$?
if [ "$got" -eq 4 ] && grep -q "cannot write" "$W/stderr" && no_temp_files; then ok; else bad "-o - to /dev/full: exit $got"; fi
$PY -c '
import os, subprocess, sys
r, w = os.pipe()
os.close(r)  # the reader has gone before the first byte
p = subprocess.run(sys.argv[1:], stdout=w, stderr=open(os.environ["TMPDIR"] + "/../stderr", "w"))
sys.exit(0 if p.returncode == 4 else 1 if p.returncode > 0 else 100 - p.returncode)
' "$BIN" "$DATA" $ARGS -f csv -o - 
got=$?
if [ "$got" -eq 0 ] && no_temp_files; then
    ok
else
    bad "-o - into a closed pipe: $([ "$got" -ge 100 ] && echo "killed by signal $((got - 100))" || echo "exit status wrong")"
    rm -f "$TMPDIR"/.msp-scorecard-*
fi

# Killed in the middle of the write (SIGTERM from systemd, SIGINT, SIGHUP
# from cron's session): the temporary file goes, the process dies of the
# signal, and the previous report stays. The signal is sent at the first
# write and half way; SIGINT is reset to its default first, since a shell
# running this in the background ignores it.
for fmt in csv xlsx; do
    for sig in 15 2 1; do
        for at in 1 middle; do
            rm -f "$W/count.log"
            LD_PRELOAD=$SHIM FAILWRITE_LOG=$W/count.log "$BIN" "$DATA" $ARGS -f $fmt -o "$W/out/sig-count.$fmt" -q
            writes=$(sed -n 's/^writes=\([0-9]*\) .*/\1/p' "$W/count.log" | tail -1)
            n=$at
            [ "$at" = middle ] && n=$(((${writes:-2} + 1) / 2))
            cp "$W/before.$fmt" "$W/out/report.$fmt"
            $PY -c '
import signal, subprocess, sys
sig, env_n = int(sys.argv[1]), sys.argv[2]
import os
env = dict(os.environ, LD_PRELOAD=sys.argv[3], FAILWRITE_WRITE=env_n, FAILWRITE_SIGNAL=str(sig))
p = subprocess.run(sys.argv[4:], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   preexec_fn=lambda: signal.signal(sig, signal.SIG_DFL))
sys.exit(0 if p.returncode == -sig else 1)
' "$sig" "$n" "$SHIM" "$BIN" "$DATA" $ARGS -f $fmt -o "$W/out/report.$fmt"
            got=$?
            why=""
            [ "$got" -eq 0 ] || why="did not die of signal $sig"
            cmp -s "$W/before.$fmt" "$W/out/report.$fmt" || why="${why:+$why; }the previous report changed"
            no_temp_files "$W/out" >"$W/left" || why="${why:+$why; }$(cat "$W/left")"
            if [ -z "$why" ]; then ok; else bad "$fmt: signal $sig at write $n: $why"; fi
        done
    done
done
rm -f "$W/out/sig-count.csv" "$W/out/sig-count.xlsx"

# A small disk that is full (root only: a 256 KiB tmpfs).
if [ "$(id -u)" -eq 0 ] && mkdir -p "$W/small" && mount -t tmpfs -o size=256k tmpfs "$W/small" 2>/dev/null; then
    for fmt in csv xlsx; do
        cp "$W/before.$fmt" "$W/small/report.$fmt"
        # Full: the temporary file can be made, not one page written.
        dd if=/dev/zero of="$W/small/filler" bs=1024 count=256 2>/dev/null
        fails_cleanly "$fmt: a full tmpfs" "$W/small/report.$fmt" "$W/before.$fmt" -- -f $fmt
        # Nearly full: the disk fills in the middle of a big report.
        if [ -n "$BIG" ]; then
            truncate -s $(($(wc -c <"$W/small/filler") - 12288)) "$W/small/filler"
            save=$DATA DATA=$BIG
            fails_cleanly "$fmt: a tmpfs that fills up half way" "$W/small/report.$fmt" "$W/before.$fmt" \
                -- -f $fmt --month 2026-10 --months 12
            DATA=$save
        fi
        rm -f "$W/small/filler" "$W/small/report.$fmt"
    done
    # A read-only folder with a previous report.
    cp "$W/before.csv" "$W/small/report.csv"
    if mount -o remount,ro "$W/small" 2>/dev/null; then
        fails_cleanly "csv: a read-only file system" "$W/small/report.csv" "$W/before.csv" -- -f csv
        fails_cleanly "xlsx: a read-only file system" "$W/small/report.xlsx" - -- -f xlsx
    fi
    umount "$W/small" || bad "could not unmount $W/small"
else
    echo "(the small-tmpfs part is skipped: not root, or mount failed)"
fi

echo "faults: $pass passed, $fail failed, $xfail known bugs"
[ "$fail" -eq 0 ]
