"""check_per_tech.py BINARY DATADIR WORKDIR [--rename OLD=NEW] [ARGS...]: each
technician's own workbook (--per-tech DIR, output.md "Coaching").

Runs the binary on a copy of DATADIR (with --rename, the name OLD is NEW in
every file) whose resources.csv gains an email column (every other
technician gets an address), with --per-tech and --mail-techs through a
stand-in sendmail, then checks:
- one workbook per technician with a value, named <tech>-LABEL.xlsx;
- privacy: no other technician's name anywhere in it: every part of the
  zip (cells, shared strings, charts and their caches, document
  properties) is searched, as raw XML and with its entities decoded;
- its one sheet is the technician's Coach sheet, named as in the full
  workbook (a name like "Trend" is "Trend (2)" in both), and a team median is shown
  only where 3 or more technicians have a value (from the KPI table);
- the technicians with an address got one mail each with their own
  workbook attached, those without were listed, not mailed.
"""
import csv
import email
import html
import os
import re
import shutil
import subprocess
import sys
import zipfile

import openpyxl

from checks import failed, ok


def main():
    binary, datadir, work = sys.argv[1:4]
    extra = sys.argv[4:]
    rename = None
    if extra[:1] == ["--rename"]:
        rename = extra[1].split("=", 1)
        extra = extra[2:]
    shutil.rmtree(work, ignore_errors=True)
    data = os.path.join(work, "data")
    shutil.copytree(datadir, data)
    for name in os.listdir(data) if rename else []:
        path = os.path.join(data, name)
        with open(path, encoding="utf-8") as f:
            text = f.read()
        with open(path, "w", encoding="utf-8") as f:
            f.write(text.replace(rename[0], rename[1]))

    table = os.path.join(work, "table.csv")
    subprocess.run([binary, data, "-q", "-f", "csv", "-o", table] + extra, check=True)
    rows = list(csv.DictReader(open(table, newline="", encoding="utf-8")))
    last = max(r["period"] for r in rows)
    techs = sorted({r["subject"] for r in rows if r["level"] == "tech"})
    ok(len(techs) >= 3, "need 3 or more technicians, got %r" % techs)

    # Every other technician gets an address in resources.csv.
    res = os.path.join(data, "resources.csv")
    with open(res, newline="", encoding="utf-8") as f:
        listed = list(csv.reader(f))
    addressed = set()
    listed[0].append("email")
    for i, r in enumerate(listed[1:]):
        if r and r[0] in techs and techs.index(r[0]) % 2 == 0:
            r.append("tech%d@example.com" % i)
            addressed.add(r[0])
        else:
            r.append("")
    with open(res, "w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows(listed)

    box = os.path.join(work, "mailbox")
    os.makedirs(box)
    stub = os.path.join(work, "sendmail.sh")
    with open(stub, "w") as f:
        f.write('#!/bin/sh\nn=$(ls "%s" | wc -l)\ncat >"%s/$n.eml"\n' % (box, box))
    os.chmod(stub, 0o755)
    out = os.path.join(work, "techs")
    env = dict(os.environ, SENDMAIL=stub)
    p = subprocess.run([binary, data, "-o", os.path.join(work, "all.xlsx"), "--per-tech", out,
                        "--mail-techs"] + extra, env=env, stderr=subprocess.PIPE, text=True)
    ok(p.returncode in (0, 1), "exit %d: %s" % (p.returncode, p.stderr))

    files = sorted(os.listdir(out))
    want = sorted("%s-%s.xlsx" % (t, last) for t in techs)
    ok(files == want, "files %r, expected %r" % (files, want))

    # Each technician's Coach sheet in the full workbook, by its title.
    full = openpyxl.load_workbook(os.path.join(work, "all.xlsx"), read_only=True)
    coach_sheet = {}
    for name in full.sheetnames:
        title = next(full[name].iter_rows(max_row=1, max_col=1, values_only=True))[0]
        m = re.match(r"^(.*): coaching card ", str(title or ""))
        if m:
            coach_sheet[m.group(1)] = name
    ok(sorted(coach_sheet) == techs, "Coach sheets for %r, expected %r" % (sorted(coach_sheet), techs))
    if rename:
        ok(coach_sheet.get(rename[1]) == rename[1] + " (2)",
           "%s's Coach sheet is %r" % (rename[1], coach_sheet.get(rename[1])))

    n_have = {}
    for r in rows:
        if r["level"] == "tech" and r["period"] == last and r["value"] != "":
            n_have[r["kpi"]] = n_have.get(r["kpi"], 0) + 1

    for tech in techs:
        path = os.path.join(out, "%s-%s.xlsx" % (tech, last))
        if not os.path.exists(path):
            continue
        others = [t for t in techs if t != tech]
        with zipfile.ZipFile(path) as z:
            for part in z.namelist():
                raw = z.read(part).decode("utf-8", "replace")
                text = html.unescape(raw)
                for o in others:
                    ok(o.lower() not in raw.lower() and o.lower() not in text.lower(),
                       "%s: %s names %s" % (os.path.basename(path), part, o))
            props = html.unescape(z.read("docProps/core.xml").decode("utf-8"))
            ok(tech in props, "%s: the document title does not name %s" % (path, tech))
        wb = openpyxl.load_workbook(path)
        ok(wb.sheetnames == [coach_sheet.get(tech)], "%s: sheets %r, expected %r"
           % (path, wb.sheetnames, coach_sheet.get(tech)))
        ws = wb[wb.sheetnames[0]]
        head = next((r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "KPI"), None)
        ok(head is not None, "%s: no KPI table" % path)
        if head is None:
            continue
        cols = {ws.cell(head, c).value: c for c in range(1, ws.max_column + 1)}
        med = cols.get("Team median")
        ok(med is not None, "%s: no Team median column" % path)
        defs = definitions_names(binary)
        r = head + 1
        while ws.cell(r, 1).value is not None:
            kpi = defs.get(ws.cell(r, 1).value)
            if kpi and med:
                shown = ws.cell(r, med).value is not None
                ok(shown == (n_have.get(kpi, 0) >= 3),
                   "%s: %s team median %s with %d technicians"
                   % (path, kpi, "shown" if shown else "hidden", n_have.get(kpi, 0)))
            r += 1
        team = ws.cell(head + 2, 1).value
        ok(team == "Team score", "%s: no team score row (%r)" % (path, team))

    mails = sorted(os.listdir(box))
    ok(len(mails) == len(addressed), "%d mails, expected %d" % (len(mails), len(addressed)))
    got = set()
    for m in mails:
        msg = email.message_from_binary_file(open(os.path.join(box, m), "rb"))
        to = msg["To"]
        parts = [x for x in msg.walk() if x.get_filename()]
        ok(len(parts) == 1, "%s: %d attachments" % (m, len(parts)))
        for i, r in enumerate(listed[1:]):
            if r and r[-1] == to:
                got.add(r[0])
                ok(parts and parts[0].get_filename() == "%s-%s.xlsx" % (r[0], last),
                   "%s: %s got %r" % (m, r[0], parts and parts[0].get_filename()))
    ok(got == addressed, "mailed %r, expected %r" % (sorted(got), sorted(addressed)))
    for t in techs:
        if t not in addressed:
            ok(re.search("not mailed: %s has no email" % re.escape(t), p.stderr),
               "%s has no address and is not listed as not mailed" % t)
    print("check_per_tech: %s" % ("FAIL" if failed() else "ok"))
    return 1 if failed() else 0


def definitions_names(binary):
    """KPI display name -> id, from --list-kpis."""
    out = subprocess.run([binary, "--list-kpis"], stdout=subprocess.PIPE, text=True).stdout
    names, kpi = {}, None
    for line in out.splitlines():
        if re.match(r"^\w+$", line):
            kpi = line
        m = re.match(r"^  name:\s+(.+)$", line)
        if m and kpi:
            names[m.group(1)] = kpi
    return names


if __name__ == "__main__":
    sys.exit(main())
