#!/usr/bin/python3
"""Run msp-scorecard -v and compare the rejected and warned rows it lists on
stderr (file, line, severity, reason) with an expected-rejects.csv.

usage: compare_rejects.py BINARY EXPECTED.csv DATADIR [program args...]
"""
import csv
import os
import re
import subprocess
import sys

binary, expected_path, data, *args = sys.argv[1:]
run = subprocess.run([binary, data, *args, "-v", "-f", "csv", "-o", "/dev/null"],
                     capture_output=True, text=True)
if run.returncode != 0:
    sys.exit(f"exit {run.returncode}: {run.stderr}")
line_re = re.compile(r"^msp-scorecard: (.+?):(\d+):\d+: (rejected|warning): (.*?)(?: \('.*'\))?$")
got = set()
for line in run.stderr.splitlines():
    m = line_re.match(line)
    if m:
        got.add((os.path.basename(m[1]), int(m[2]), m[3], m[4]))
with open(expected_path, newline="") as f:
    expected = {(r["file"], int(r["line"]), r["severity"], r["reason"]) for r in csv.DictReader(f)}
failures = [f"missing: {e}" for e in sorted(expected - got)] + [f"unexpected: {g}" for g in sorted(got - expected)]
for f in failures:
    print(f)
print(f"compare_rejects: {len(expected & got)} passed, {len(failures)} failed")
sys.exit(1 if failures else 0)
