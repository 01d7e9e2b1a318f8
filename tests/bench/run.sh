#!/bin/sh
# The benchmark (never part of the test command). Generates data sets with
# the example generator outside the repository, runs msp-scorecard on each
# (every KPI and the workbook) and, on the same files in the same run, the
# libcsv baseline that only parses; prints input size, wall time,
# throughput, peak memory and the program's own phase times, and the ratio
# of the full run's throughput to the baseline's, which is what counts
# (machine noise cancels). Each set runs RUNS times, the baseline and the
# program in turn, and the medians are printed: a shared machine's noise
# moves single runs by a tenth. Also instructions per input byte from
# callgrind on S, and peak memory with twice the time entries on M. With
# PER=1, per set also the time per workbook of --per-tech and --per-client
# (each technician's and each client's own), to show it stays flat as
# technicians and clients grow.
#
# usage: [RUNS=3] [PER=1 [PER_DIR=DIR]] sh tests/bench/run.sh [SETS] [WORKDIR]
#   SETS: S,M,L (default; XL too when asked), WORKDIR: /tmp/msc-bench
#   PER_DIR: where those workbooks go (WORKDIR/per): on ext4 without a
#   journal, as on this project's machine, the kernel's search for a free
#   inode past recently deleted ones grows with every file made and
#   removed, and takes most of such a run; a tmpfs shows the program's own.
set -eu
cd "$(dirname "$0")/../.."
SETS=${1:-S,M,L}
W=${2:-/tmp/msc-bench}
sh .ci/deps --bench
mkdir -p "$W"
cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=ON >/dev/null
cmake --build build-bench -j2 --target msp-scorecard msp-gen csv_baseline >/dev/null
B=build-bench

# name: generator arguments
gen_args() {
    case $1 in
    S) echo "--techs 20 --tickets-per-month 2000 --months 12" ;;
    M) echo "--techs 200 --tickets-per-month 50000 --months 12" ;;
    M2) echo "--techs 200 --tickets-per-month 50000 --months 12 --entries-per-ticket 4" ;;
    # The largest MSPs: 2,000 technicians, 6,000 clients, 24 months, ~2M
    # tickets and ~5.8M time entries, every row complete; XL twice that.
    L) echo "--techs 2000 --clients 6000 --tickets-per-month 83333 --months 24 --entries-per-ticket 2.4 --clean" ;;
    XL) echo "--techs 4000 --clients 12000 --tickets-per-month 166667 --months 24 --entries-per-ticket 2.4 --clean" ;;
    esac
}

make_set() {
    if [ ! -f "$W/$1/done" ]; then
        rm -rf "$W/$1"
        # shellcheck disable=SC2046
        "$B/msp-gen" $(gen_args "$1") "$W/$1" >/dev/null
        touch "$W/$1/done"
    fi
}

RUNS=${RUNS:-3}

# wall seconds, peak RSS (KiB) and CPU seconds (user + system) of a
# command: "SECONDS KIB CPU". On a shared host the CPU seconds move less
# than the wall time when other guests take the cores.
measure() {
    /usr/bin/time -f "%e %M %U %S" -o "$W/time" "$@" >/dev/null 2>"$W/stderr" || { cat "$W/stderr"; exit 1; }
    awk '{ printf "%s %s %.2f\n", $1, $2, $3 + $4 }' "$W/time"
}

# The middle line of its input, by the first number.
median() {
    sort -n | awk '{ line[NR] = $0 } END { print line[int((NR + 1) / 2)] }'
}

printf '%-4s %9s %10s %8s %8s %8s %9s %8s %6s %s\n' set "MB in" "tickets" "base s" "run s" "run CPU" "run MB/s" "RSS MiB" ratio "phases (read/compute/write s)"
for set in $(echo "$SETS" | tr , ' '); do
    make_set "$set"
    files="$W/$set/tickets.csv $W/$set/time_entries.csv $W/$set/surveys.csv $W/$set/clients.csv $W/$set/resources.csv"
    bytes=$(cat $files | wc -c)
    tickets=$(($(wc -l <"$W/$set/tickets.csv") - 1))
    : >"$W/base.runs"
    : >"$W/full.runs"
    i=0
    while [ $i -lt "$RUNS" ]; do
        i=$((i + 1))
        base=$(measure "$B/csv_baseline" $files)
        echo "${base%% *}" >>"$W/base.runs"
        run=$(measure "$B/msp-scorecard" "$W/$set" --month 2026-10 -v -o "$W/$set.xlsx")
        phases=$(sed -n 's/.*seconds: read \([0-9.]*\), compute \([0-9.]*\), write \([0-9.]*\)/\1 \2 \3/p' "$W/stderr")
        echo "$run $phases" >>"$W/full.runs"
    done
    base=$(median <"$W/base.runs")
    run=$(median <"$W/full.runs")
    echo "$set $bytes $tickets $base $run" | awk '{
        mb = $2 / 1e6; rate = mb / $5; ratio = ($4 > 0 ? $4 / $5 : 0)
        printf "%-4s %9.1f %10d %8.2f %8.2f %8.2f %9.1f %8.0f %5.0f%% %s/%s/%s\n", $1, mb, $3, $4, $5, $7, rate, $6 / 1024, 100 * ratio, $8, $9, $10 }'
done

# One workbook per technician and per client (PER=1), per workbook made:
# the write phase beyond the full workbook's (--per-tech writes both), and
# the write phase of --per-client (which writes the reviews alone), of the
# quarter before --month's (a full one in every set).
if [ "${PER:-0}" = 1 ]; then
    P=${PER_DIR:-$W/per}
    write_s() { sed -n 's/.*seconds: read .*, write \([0-9.]*\)/\1/p' "$W/stderr"; }
    for set in $(echo "$SETS" | tr , ' '); do
        rm -rf "$P" && mkdir -p "$P"
        measure "$B/msp-scorecard" "$W/$set" --month 2026-10 -v -o "$P/full.xlsx" >/dev/null
        full=$(write_s)
        measure "$B/msp-scorecard" "$W/$set" --month 2026-10 -v -o "$P/full.xlsx" --per-tech "$P/tech" >/dev/null
        tech=$(write_s)
        ntech=$(ls "$P/tech" | wc -l)
        rm -rf "$P/tech"
        measure "$B/msp-scorecard" "$W/$set" --month 2026-09 -v --per-client "$P/client" >/dev/null
        client=$(write_s)
        nclient=$(ls "$P/client" | wc -l)
        rm -rf "$P"
        echo "$set $full $tech $ntech $client $nclient" | awk '{
            printf "%-4s --per-tech: %d workbooks, %.1f ms each; --per-client: %d workbooks, %.1f ms each\n",
                $1, $4, 1000 * ($3 - $2) / ($4 ? $4 : 1), $6, 1000 * $5 / ($6 ? $6 : 1) }'
    done
fi

# Instructions per input byte on S: callgrind counts instructions, not time.
case ",$SETS," in *,S,*)
    make_set S
    valgrind --tool=callgrind --callgrind-out-file="$W/callgrind.out" "$B/msp-scorecard" "$W/S" \
        --month 2026-10 -q -o "$W/S-cg.xlsx" 2>"$W/callgrind.log"
    ir=$(sed -n 's/.*Collected : \([0-9]*\).*/\1/p' "$W/callgrind.log")
    bytes=$(cat "$W/S"/*.csv | wc -c)
    echo "S under callgrind: $ir instructions, $(echo "$ir $bytes" | awk '{printf "%.0f", $1 / $2}') per input byte"
    ;;
esac

# Memory grows with tickets, not time entries: M again with twice the entries.
case ",$SETS," in *,M,*)
    make_set M2
    m1=$(measure "$B/msp-scorecard" "$W/M" --month 2026-10 -q -o "$W/M.xlsx")
    m1=$(echo "$m1" | cut -d" " -f2)
    m2=$(measure "$B/msp-scorecard" "$W/M2" --month 2026-10 -q -o "$W/M2.xlsx")
    m2=$(echo "$m2" | cut -d" " -f2)
    e1=$(($(wc -l <"$W/M/time_entries.csv") - 1))
    e2=$(($(wc -l <"$W/M2/time_entries.csv") - 1))
    echo "M: $e1 time entries, peak $((m1 / 1024)) MiB; with $e2: $((m2 / 1024)) MiB ($(echo "$m1 $m2" | awk '{printf "%+.1f", 100 * ($2 - $1) / $1}')%)"
    ;;
esac
