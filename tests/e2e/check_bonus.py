#!/usr/bin/python3
"""The [bonus] section of examples/settings.ini, uncommented, on the example
data: the Bonus sheet is there, its sentence has output.md's form, the same
sentence is on the Scorecard, and each share sums to the released pool.

check_bonus.py BIN DATA SETTINGS WORK
"""
import os
import re
import shutil
import subprocess
import sys

import openpyxl

from checks import failed, ok

BIN, DATA, SETTINGS, WORK = sys.argv[1:5]
shutil.rmtree(WORK, ignore_errors=True)
os.makedirs(WORK)
text = open(SETTINGS, encoding="utf-8").read()
head, tail = text.split(";[bonus]", 1)
tail = re.sub(r"(?m)^;([a-z_]+ = )", r"\1", tail)
ini = os.path.join(WORK, "bonus.ini")
open(ini, "w", encoding="utf-8").write(head + "[bonus]" + tail)
out = os.path.join(WORK, "bonus.xlsx")
p = subprocess.run([BIN, "-q", "-c", ini, "--month", "2026-10", "-o", out, DATA], capture_output=True, text=True)

ok(p.returncode in (0, 1), "exit %d: %s" % (p.returncode, p.stderr))
wb = openpyxl.load_workbook(out)
ok("Bonus" in wb.sheetnames, "no Bonus sheet: %r" % wb.sheetnames)
ws = wb["Bonus"]
sentence = ws["A3"].value or ""
ok(re.fullmatch(r"Bonus 2026-10: [\d,]+ of [\d,]+ released \(\d of 3 goals met(: .+)?\)", sentence),
   "sentence %r" % sentence)
score = [c.value for row in wb["Scorecard"].iter_rows() for c in row]
ok(sentence in score, "the Scorecard lacks the sentence")
rows = {ws.cell(r, 1).value: r for r in range(1, ws.max_row + 1)}
released = ws.cell(rows["Released pool"], 14).value
first = rows["Each member's share"] + 1
shares = [ws.cell(r, 14).value or 0 for r in range(first, first + 10)
          if ws.cell(r, 1).value and ws.cell(r, 1).value[0].isupper() and ws.cell(r, 14).data_type == "n"]
shares = shares[:next((i for i, r in enumerate(range(first, first + 10)) if not ws.cell(r, 1).value), 10)]
ok(released is not None and abs(sum(shares) - released) < 0.01, "shares %r vs released %r" % (shares, released))
ok(any(ws.cell(r, 1).value == "Share as a percentage of pay" for r in range(1, ws.max_row + 1)),
   "no share of pay")
print("check_bonus: %d failed: %s" % (failed(), sentence))
sys.exit(1 if failed() else 0)
