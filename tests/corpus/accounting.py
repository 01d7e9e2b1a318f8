#!/usr/bin/python3
"""accounting.py: nothing lost. Checks the per-file accounting that
`msp-scorecard -v` prints,

    msp-scorecard: PATH: N rows read, U used, R rejected, W with warnings

against itself and against the rows it lists:
  - N = U + R and W <= U;
  - R is the number of `PATH:LINE:COL: rejected:` lines for the file, and W
    the number of distinct LINEs with `warning:` (a rejected row never also
    counts as warned);
  - when the file is plain CSV that Python's csv module reads strictly, N
    is the number of its records that are not blank (independent count);
  - a run that wrote a report (exit 0 or 1) has accounting lines.

usage: accounting.py STDERR-FILE STATUS [FOLDER]
       accounting.py --run BINARY ARGS...   (runs BINARY -v ARGS, wants exit 0)
FOLDER is where relative paths in the messages start (default: .).
"""
import collections
import csv
import io
import os
import re
import subprocess
import sys

PROG = "msp-scorecard: "
SUMMARY = re.compile(r"^msp-scorecard: (.+): (\d+) rows read, (\d+) used, (\d+) rejected, (\d+) with warnings$")
ITEM = re.compile(r"^msp-scorecard: (.+?):(\d+):(\d+): (rejected|warning): ")


def independent_count(path):
    """Records with a non-empty field, as Python's csv module reads the file
    with the program's delimiter rule; None when the file is not plain CSV."""
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError:
        return None
    if b"\0" in data or data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return None
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    text = data.decode("latin-1")  # byte-preserving; only delimiters and quotes matter
    # The program's rule: the candidate that occurs most outside quotes on
    # the first line (',' on a tie).
    counts = {",": 0, ";": 0, "\t": 0}
    quoted = False
    for c in text:
        if c == '"':
            quoted = not quoted
        elif not quoted and c in "\r\n":
            break
        elif not quoted and c in counts:
            counts[c] += 1
    delim = max(",;\t", key=lambda k: (counts[k], -",;\t".index(k)))
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delim, strict=True))
    except csv.Error:
        return None
    # A quote inside an unquoted field is malformed to the program (its
    # reader is strict) but text to Python: no independent count then.
    for row in rows:
        for field in row:
            if '"' in field:
                return None
    nonblank = [r for r in rows if any(field != "" for field in r)]
    return max(len(nonblank) - 1, 0)  # less the header


def check(stderr_text, status, folder="."):
    problems = []
    summaries = {}
    rejected = collections.Counter()
    warned = collections.defaultdict(set)
    rejected_lines = collections.defaultdict(set)
    for line in stderr_text.splitlines():
        m = SUMMARY.match(line)
        if m:
            path = m.group(1)
            if path in summaries:
                problems.append(f"{path}: two accounting lines")
            summaries[path] = tuple(int(g) for g in m.groups()[1:])
            continue
        m = ITEM.match(line)
        if m:
            path, lineno = m.group(1), int(m.group(2))
            if m.group(4) == "rejected":
                rejected[path] += 1
                rejected_lines[path].add(lineno)
            elif lineno > 1:  # line 1 is the header: its warnings are about columns, not rows
                warned[path].add(lineno)
    for path, (n, u, r, w) in summaries.items():
        if n != u + r:
            problems.append(f"{path}: {n} rows read != {u} used + {r} rejected")
        if w > u:
            problems.append(f"{path}: {w} rows with warnings > {u} used")
        if rejected[path] != r:
            problems.append(f"{path}: {r} rejected, but {rejected[path]} rejected rows listed")
        if len(warned[path]) != w:
            problems.append(f"{path}: {w} with warnings, but warnings listed on {len(warned[path])} lines")
        both = warned[path] & rejected_lines[path]
        if both:
            problems.append(f"{path}: lines both rejected and warned: {sorted(both)[:5]}")
        real = path if os.path.isabs(path) else os.path.join(folder, path)
        count = independent_count(real)
        if count is not None and count != n:
            problems.append(f"{path}: {n} rows read, but the file holds {count} records (Python's csv)")
    for path in set(rejected) | set(warned):
        if path not in summaries:
            problems.append(f"{path}: rows listed, but no accounting line")
    if status in (0, 1) and not summaries:
        problems.append("a report was written but there are no accounting lines")
    return summaries, problems


def main(argv):
    if len(argv) >= 2 and argv[1] == "--run":
        proc = subprocess.run([argv[2], "-v"] + argv[3:], stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE)
        text = proc.stderr.decode("utf-8", "replace")
        if proc.returncode != 0:
            print(text, end="")
            print(f"accounting: exit {proc.returncode}, wanted 0")
            return 1
        summaries, problems = check(text, 0)
    elif len(argv) in (3, 4):
        with open(argv[1], "rb") as f:
            text = f.read().decode("utf-8", "replace")
        summaries, problems = check(text, int(argv[2]), argv[3] if len(argv) == 4 else ".")
    else:
        print(__doc__, file=sys.stderr)
        return 2
    for p in problems:
        print("accounting: " + p)
    if not problems:
        for path, (n, u, r, w) in sorted(summaries.items()):
            print(f"accounting: {path}: {n} = {u} + {r} ({w} warned): ok")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
