#!/usr/bin/python3
"""The client review workbook (output.md "Client review workbook (QBR)").

check_review.py BIN DATA WORK

--per-client writes one workbook per client and --client one for the
client named (matched as names are; an unknown name is a usage error
naming the closest). Every part of every workbook, unzipped, holds no
technician's name (resources.csv, and every resource of the tickets and
time entries) and no word of labor cost, margin, effective rate or tier.
"""
import csv
import glob
import html
import os
import re
import shutil
import subprocess
import sys
import zipfile

import openpyxl

from checks import failed, ok

BIN, DATA, WORK = sys.argv[1:4]

def run(*args):
    return subprocess.run([BIN, "-q", *args, DATA], capture_output=True, text=True)


def column(name, field):
    with open(os.path.join(DATA, name), newline="", encoding="utf-8") as f:
        return {r[field].strip() for r in csv.DictReader(f) if r.get(field, "").strip()}


shutil.rmtree(WORK, ignore_errors=True)
os.makedirs(WORK)
techs = column("resources.csv", "resource") | column("tickets.csv", "resource") | \
    column("time_entries.csv", "resource")
forbidden = ["labor", "labour", "cost", "margin", "effective rate", "hourly", "tier"]

p = run("--per-client", os.path.join(WORK, "per"))
ok(p.returncode == 0, "--per-client exit %d: %s" % (p.returncode, p.stderr))
books = sorted(glob.glob(os.path.join(WORK, "per", "review-*.xlsx")))
ok(len(books) >= 20, "--per-client wrote %d workbooks" % len(books))

one = os.path.join(WORK, "one.xlsx")
p = run("--client", "  acme DENTAL group ", "-o", one)
ok(p.returncode == 0, "--client exit %d: %s" % (p.returncode, p.stderr))
wb = openpyxl.load_workbook(one)
ok(wb.sheetnames == ["Review"], "sheets %r" % wb.sheetnames)
ws = wb["Review"]
ok("Acme Dental Group" in str(ws["A1"].value), "title %r" % ws["A1"].value)
labels = [ws.cell(r, 1).value for r in range(5, 13)]
for want in ("Tickets created", "Reactive tickets per endpoint per month", "Mean time to resolution",
             "First response within SLA", "Resolution plan within SLA", "Resolved within SLA",
             "Positive satisfaction surveys", "Hours delivered"):
    ok(any(str(v).startswith(want) for v in labels), "no row %r in %r" % (want, labels))
periods = [ws.cell(4, c).value for c in range(3, 7)]
ok(all(re.fullmatch(r"\d{4}-Q\d\*?", str(v)) for v in periods), "quarters by default: %r" % periods)
with zipfile.ZipFile(one) as z:
    charts = [n for n in z.namelist() if re.fullmatch(r"xl/charts/chart\d+\.xml", n)]
ok(len(charts) == 8, "a trend chart per figure: %d charts" % len(charts))

p = run("--client", "Acme Dentl")
ok(p.returncode == 2 and "closest is 'Acme Dental Group'" in p.stderr,
   "unknown client: exit %d, %r" % (p.returncode, p.stderr))

# Names that make the same file name each get their own file, and a
# twin's "-2" never lands on another client's name ("A B 2").
twins = os.path.join(WORK, "twins")
os.makedirs(twins)
with open(os.path.join(twins, "tickets.csv"), "w") as f:
    f.write("ticket_id,created,resolved,client,resource\n"
            "T1,2026-03-02 09:00,2026-03-02 10:00,A&B,Ann\n"
            "T2,2026-03-30 09:00,2026-03-31 10:00,a b,Ann\n"
            "T3,2026-03-30 11:00,2026-03-31 12:00,A B 2,Ann\n")
p = subprocess.run([BIN, "-q", "--per-client", os.path.join(twins, "out"), "--partial", twins],
                   capture_output=True, text=True)
written = sorted(os.listdir(os.path.join(twins, "out"))) if p.returncode == 0 else p.stderr
ok(written == ["review-A-B-2-2-2026-Q1.xlsx", "review-A-B-2026-Q1.xlsx", "review-a-b-2-2026-Q1.xlsx"],
   "twins: %r" % written)

for book in books + [one]:
    with zipfile.ZipFile(book) as z:
        for part in z.namelist():
            raw = html.unescape(z.read(part).decode("utf-8", "replace")).lower()
            for name in techs:
                ok(name.lower() not in raw, "%s: %s names %r" % (os.path.basename(book), part, name))
            text = " ".join(re.findall(r">([^<]+)<", raw))
            for word in forbidden:
                ok(word not in text, "%s: %s says %r" % (os.path.basename(book), part, word))

print("check_review: %d failed, %d workbooks, %d names" % (failed(), len(books) + 1, len(techs)))
sys.exit(1 if failed() else 0)
