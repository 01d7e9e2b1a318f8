#!/usr/bin/python3
"""docs.py BIN MANPAGE SETTINGS: the KPI facts kept outside the registry
match it. The man page's KPI IDS section names every KPI of --list-kpis in
its order; examples/settings.ini's [targets] gives every KPI with a target
its default target, and its [weights] every technician KPI with a target
its default weight. A KPI added to lib/kpi/ without them fails here."""
import re
import subprocess
import sys


def list_kpis(binary):
    out = subprocess.run([binary, "--list-kpis"], check=True, capture_output=True, text=True).stdout
    kpis = []
    for block in out.strip().split("\n\n"):
        lines = block.split("\n")
        info = {"id": lines[0]}
        for line in lines[1:]:
            key, _, value = line.strip().partition(":")
            info[key] = value.strip()
        kpis.append(info)
    return kpis


def man_ids(path):
    text = open(path, encoding="utf-8").read()
    section = text.split(".SH KPI IDS\n", 1)[1].split(".SH ", 1)[0]
    return re.findall(r"^\.BR (\w+) [,.]$", section, re.M)


def ini_sections(path):
    sections, current = {}, None
    for line in open(path, encoding="utf-8"):
        line = line.strip()
        if not line or line[0] in ";#":
            continue
        if line.startswith("["):
            current = sections.setdefault(line.strip("[]"), [])
        elif current is not None:
            key, _, value = line.partition("=")
            current.append((key.strip(), value.strip()))
    return sections


def number(text):
    text = text.strip()
    return float(text[:-1]) / 100 if text.endswith("%") else float(text)


def main():
    binary, manpage, settings = sys.argv[1:]
    kpis = list_kpis(binary)
    bad = []
    ids = [k["id"] for k in kpis]
    if man_ids(manpage) != ids:
        bad.append("%s: KPI IDS lists %s, --list-kpis %s" % (manpage, man_ids(manpage), ids))
    sections = ini_sections(settings)
    with_target = [k for k in kpis if k["target"] != "(none)"]
    want = [(k["id"], float(k["target"])) for k in with_target]
    got = [(key, number(value)) for key, value in sections.get("targets", [])]
    if [(i, round(v, 9)) for i, v in got] != [(i, round(v, 9)) for i, v in want]:
        bad.append("%s: [targets] is %s, the registry's defaults %s" % (settings, got, want))
    want = [(k["id"], float(k["weight"])) for k in with_target if "tech" in k["levels"].split()]
    got = [(key, number(value)) for key, value in sections.get("weights", [])]
    if got != want:
        bad.append("%s: [weights] is %s, the registry's defaults %s" % (settings, got, want))
    for line in bad:
        print("FAIL: " + line)
    print("docs.py: %d KPIs, %d mismatches" % (len(kpis), len(bad)))
    return 1 if bad else 0


sys.exit(main())
