#!/usr/bin/python3
"""Run msp-scorecard with --format csv and compare its KPI table with a
hand-computed one (shared/spec/examples): rows keyed by (kpi, level,
subject, period), numbers within a relative 1e-6, met and target equal.

usage: compare_table.py BINARY EXPECTED.csv WORKDIR [program args...]
"""
import csv
import os
import subprocess
import sys


def load(path):
    with open(path, newline="", encoding="utf-8") as f:
        return {(r["kpi"], r["level"], r["subject"], r["period"]): r for r in csv.DictReader(f)}


def same_number(a, b):
    if a == "" or b == "":
        return a == b
    x, y = float(a), float(b)
    return abs(x - y) <= 1e-6 * max(1.0, abs(y))


def main():
    binary, expected_path, work, *args = sys.argv[1:]
    os.makedirs(work, exist_ok=True)
    out = os.path.join(work, "table.csv")
    run = subprocess.run([binary, *args, "-f", "csv", "-o", out, "-q"], capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit(f"exit {run.returncode}: {run.stderr}")
    expected, got = load(expected_path), load(out)
    failures = []
    for key, row in expected.items():
        if row["value"] == "":
            continue
        mine = got.get(key)
        if mine is None:
            failures.append(f"missing row {key}")
            continue
        for field in ("numerator", "denominator", "value", "target"):
            if not same_number(mine[field], row[field]):
                failures.append(f"{key} {field}: got {mine[field]!r}, expected {row[field]!r}")
        if mine["met"] != row["met"]:
            failures.append(f"{key} met: got {mine['met']!r}, expected {row['met']!r}")
    kpis = {k[0] for k in expected}
    for key in got:
        if key[0] in kpis and key not in expected:
            failures.append(f"unexpected row {key}: {got[key]['value']}")
    for f in failures:
        print(f)
    passed = len(expected) - len(failures)
    print(f"compare_table: {max(passed, 0)} passed, {len(failures)} failed")
    sys.exit(1 if failures else 0)


main()
