#!/usr/bin/python3
"""check_workbook.py: reads the scorecard workbook back and checks it against
the KPI table of the same run.

    /usr/bin/python3 tests/e2e/check_workbook.py BINARY DATADIR WORKDIR [ARGS...]

Runs `BINARY DATADIR ARGS... -f csv -o WORKDIR/t.csv` and, twice,
`BINARY DATADIR ARGS... -o WORKDIR/wb.xlsx`, then checks:
  - the two workbooks are byte-identical;
  - the sheets and their order: Scorecard, Trend, Team, one per scorecard
    KPI (as Definitions lists them), Clients, Data Quality, Definitions;
  - every KPI cell on the Scorecard, Trend, Team and KPI sheets equals the
    table's value for that (kpi, technician or team, period) once rounded to
    the table's six decimals (1e-9 relative), is a number (never text), has
    a percent format for ratio KPIs, and is blank where the table has none;
  - charts on Trend, Team, each KPI sheet (unless the KPI has no value) and
    Clients, every chart range pointing at an existing sheet and inside its
    table, the KPI sheets' series at their own technician/Team/Target rows;
  - conditional formats on the Scorecard;
  - no cell formula anywhere, and names from the input (a client called
    "=HYPERLINK(...)") as strings.

Needs Debian's python3-openpyxl (hence /usr/bin/python3). Stops at the first
failure with a message and exit status 1; prints "check_workbook: N passed,
0 failed" when all hold.
"""
import csv
import os
import re
import subprocess
import sys
import warnings
import zipfile
import xml.etree.ElementTree as ET

warnings.simplefilter("ignore")  # openpyxl on data-bar extensions
import openpyxl  # noqa: E402

NS = {
    "m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "pr": "http://schemas.openxmlformats.org/package/2006/relationships",
    "c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
}
FIXED_HEAD = ["Scorecard", "Trend", "Team"]
FIXED_TAIL = ["Clients", "Data Quality", "Definitions"]
DEFAULT_SCORED = ["utilization", "realtime_entry", "sla_triage", "sla_engagement",
                  "sla_completion", "est_vs_actual", "escalation_rate", "reopen_rate", "fcr",
                  "survey_score"]

passed = 0


def fail(msg):
    print("check_workbook: FAIL: " + msg, file=sys.stderr)
    print("check_workbook: %d passed, 1 failed" % passed, file=sys.stderr)
    sys.exit(1)


def ok(cond, msg):
    global passed
    if not cond:
        fail(msg)
    passed += 1


def run(cmd):
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if p.returncode not in (0, 1) or (p.returncode == 1 and "--strict" not in cmd):
        fail("%s exited %d: %s" % (" ".join(cmd), p.returncode, p.stderr.decode(errors="replace")[-2000:]))
    return p


def load_table(path):
    """(kpi, level, subject, period) -> value (None when empty)."""
    table = {}
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            v = row["value"]
            table[(row["kpi"], row["level"], row["subject"], row["period"])] = float(v) if v != "" else None
    return table


def same(cell_value, expected):
    rounded = float("%.6f" % cell_value)
    return rounded == expected or abs(rounded - expected) <= 1e-9 * abs(expected)


def is_number(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def check_cell(cell, table, kpi, level, subject, period, ratio, where):
    expected = table.get((kpi, level, subject, period))
    v = cell.value
    if expected is None:
        ok(v is None, "%s: %s %s %r %s: expected a blank cell, found %r" % (where, kpi, level, subject, period, v))
        return
    ok(is_number(v), "%s: %s %s %r %s: expected the number %r, found %r (%s)"
       % (where, kpi, level, subject, period, expected, v, type(v).__name__))
    ok(same(v, expected), "%s: %s %s %r %s: workbook %r, table %r" % (where, kpi, level, subject, period, v, expected))
    if ratio:
        ok("%" in cell.number_format, "%s: %s %r %s: ratio without a percent format (%r)"
           % (where, kpi, subject, period, cell.number_format))


def find_row(ws, text, col=1):
    for r in range(1, ws.max_row + 1):
        if ws.cell(r, col).value == text:
            return r
    fail("%s: no row with %r in column %d" % (ws.title, text, col))


def definitions(wb):
    """KPI id -> dict(name, sheet, unit, weight, levels); the period range."""
    ws = wb["Definitions"]
    head = find_row(ws, "Id")
    cols = {ws.cell(head, c).value: c for c in range(1, ws.max_column + 1)}
    kpis = {}
    r = head + 1
    while ws.cell(r, 1).value:
        get = lambda name: ws.cell(r, cols[name]).value  # noqa: E731
        kpis[get("Id")] = {"name": get("Name"), "sheet": get("Sheet"), "unit": get("Unit"),
                           "weight": get("Weight"), "levels": get("Levels") or ""}
        r += 1
    prow = find_row(ws, "Period")
    m = re.match(r"^(\S+) to (\S+) \(", str(ws.cell(prow, 2).value))
    if not m:
        fail("Definitions: cannot read the period range from %r" % ws.cell(prow, 2).value)
    return kpis, m.group(1), m.group(2)


def period_columns(ws, head):
    """Period label -> column, from a header row."""
    out = {}
    for c in range(2, ws.max_column + 1):
        v = ws.cell(head, c).value
        # A trailing '*' marks a period the data covers only in part.
        m = re.match(r"^(\d{4}-(\d\d|W\d\d|Q\d))\*?$", v) if isinstance(v, str) else None
        if m:
            out[m.group(1)] = c
    return out


def name_safe_all(names):
    return all(len(n) <= 31 and not re.search(r"[\[\]:*?/\\']", n) for n in names)


def check_coach(ws, table, kpis, tech, last):
    """A Coach sheet: its technician's values by KPI and period as in the
    table, the focus and keep sentences, the areas for the coach."""
    head = find_row(ws, "KPI")
    periods = period_columns(ws, head)
    ok(last in periods, "%s: no column for %s" % (ws.title, last))
    by_name = {d["name"]: k for k, d in kpis.items()}
    r = head + 1
    seen = 0
    while ws.cell(r, 1).value is not None:
        label = ws.cell(r, 1).value
        k = "tech_score" if label == "Tech score" else by_name.get(label)
        if k and label not in ("Team score", "Score target"):
            seen += 1
            for period, col in periods.items():
                check_cell(ws.cell(r, col), table, k, "tech", tech, period,
                           kpis[k]["unit"] == "percent", ws.title)
        r += 1
    ok(seen >= 2, "%s: no KPI rows" % ws.title)
    texts = [c.value for row in ws.iter_rows(max_col=1) for c in row if isinstance(c.value, str)]
    ok(any(t.startswith("Focus:") for t in texts), "%s: no focus sentence" % ws.title)
    ok(any(t.startswith("Keep:") for t in texts), "%s: no keep sentence" % ws.title)
    ok("Agreed actions" in texts and "Check back on" in texts, "%s: no room for agreed actions" % ws.title)


def check_grid(ws, table, kpi, ratio):
    """A technicians-by-periods sheet: returns {row: label} of its table."""
    head = find_row(ws, "Technician")
    periods = period_columns(ws, head)
    ok(len(periods) > 0, "%s: no period columns" % ws.title)
    labels = {}
    r = head + 1
    while ws.cell(r, 1).value is not None:
        labels[r] = ws.cell(r, 1).value
        r += 1
    rows = list(labels)
    # Technicians, the team, then (for a KPI with a target) the target line;
    # read from the bottom, since a technician may be called "Team".
    if len(rows) >= 2 and labels[rows[-1]] == "Target" and labels[rows[-2]] == "Team":
        rows.pop()
    ok(rows and labels[rows[-1]] == "Team", "%s: no Team row under the technicians" % ws.title)
    for row in rows:
        level, subject = ("team", "") if row == rows[-1] else ("tech", labels[row])
        for period, col in periods.items():
            check_cell(ws.cell(row, col), table, kpi, level, subject, period, ratio, ws.title)
    return head, labels, periods


def parse_ref(f):
    m = re.match(r"^(?:'((?:[^']|'')+)'|([^!]+))!\$([A-Z]+)\$(\d+)(?::\$([A-Z]+)\$(\d+))?$", f)
    if not m:
        return None
    sheet = (m.group(1) or m.group(2)).replace("''", "'")
    c1, r1 = m.group(3), int(m.group(4))
    c2, r2 = (m.group(5) or c1), int(m.group(6) or r1)
    return sheet, openpyxl.utils.column_index_from_string(c1), r1, openpyxl.utils.column_index_from_string(c2), r2


def rels(z, path):
    d, base = os.path.split(path)
    rp = os.path.join(d, "_rels", base + ".rels")
    if rp not in z.namelist():
        return {}
    root = ET.fromstring(z.read(rp))
    out = {}
    for rel in root.findall("pr:Relationship", NS):
        out[rel.get("Id")] = os.path.normpath(os.path.join(d, rel.get("Target")))
    return out


def charts_by_sheet(path):
    """sheet name -> list of chart XML roots; also checks no cell holds a formula."""
    z = zipfile.ZipFile(path)
    wbx = ET.fromstring(z.read("xl/workbook.xml"))
    wrels = rels(z, "xl/workbook.xml")
    out = {}
    for s in wbx.find("m:sheets", NS):
        name = s.get("name")
        sheet_path = wrels[s.get("{%s}id" % NS["r"])]
        sx = ET.fromstring(z.read(sheet_path))
        formulas = sx.findall(".//m:sheetData//m:f", NS)
        ok(not formulas, "%s: %d cell(s) hold a formula; the workbook writes values and text only"
           % (name, len(formulas)))
        out[name] = []
        srels = rels(z, sheet_path)
        for d in sx.findall("m:drawing", NS):
            drawing = srels[d.get("{%s}id" % NS["r"])]
            for chart in rels(z, drawing).values():
                out[name].append((chart, ET.fromstring(z.read(chart))))
    return out


def main():
    if len(sys.argv) < 4:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    binary, datadir, work = sys.argv[1:4]
    extra = sys.argv[4:]
    os.makedirs(work, exist_ok=True)
    t_csv, wb1, wb2 = (os.path.join(work, n) for n in ("t.csv", "wb.xlsx", "wb2.xlsx"))
    run([binary, datadir] + extra + ["-q", "-f", "csv", "-o", t_csv])
    run([binary, datadir] + extra + ["-q", "-o", wb1])
    run([binary, datadir] + extra + ["-q", "-o", wb2])
    with open(wb1, "rb") as a, open(wb2, "rb") as b:
        ok(a.read() == b.read(), "two runs on the same input gave different workbooks")

    table = load_table(t_csv)
    wb = openpyxl.load_workbook(wb1)
    kpis, first, last = definitions(wb)

    # No chart draws more than 8 lines (the team, the target, 6 technicians).
    with zipfile.ZipFile(wb1) as z:
        for part in z.namelist():
            if part.startswith("xl/charts/chart"):
                n = z.read(part).decode("utf-8").count("<c:ser>")
                ok(n <= 8, "%s draws %d lines" % (part, n))

    # Sheets and their order.
    scored = [k for k, d in kpis.items()
              if d["sheet"] and d["sheet"] not in ("Trend",) and not d["sheet"].startswith("(")]
    for k in scored:
        ok(is_number(kpis[k]["weight"]) and kpis[k]["weight"] > 0 and "technician" in kpis[k]["levels"],
           "Definitions: %s has a sheet but is not a weighted technician KPI" % k)
    if not any(a in ("-c", "--config", "--kpi") or a.startswith(("--config=", "--kpi=")) for a in extra):
        ok(scored == DEFAULT_SCORED, "scorecard KPIs %r, expected the defaults %r" % (scored, DEFAULT_SCORED))
    expected = FIXED_HEAD + [kpis[k]["sheet"] for k in scored] + FIXED_TAIL
    # Then a Coach sheet per technician with a value, by name (output.md
    # "Coaching"; the example names need no change to be sheet names).
    coached = sorted({s for (k, lvl, s, p) in table if lvl == "tech"})
    ok(wb.sheetnames == expected + coached, "sheets %r, expected %r" % (wb.sheetnames, expected + coached))
    for name in coached[:3] if name_safe_all(coached) else []:
        check_coach(wb[name], table, kpis, name, last)
    for name in wb.sheetnames:
        ok(len(name) <= 31 and not re.search(r"[\[\]:*?/\\]", name), "invalid sheet name %r" % name)
    ok(len({n.lower() for n in wb.sheetnames}) == len(wb.sheetnames), "sheet names not unique")

    def ratio(k):
        return kpis[k]["unit"] == "percent"

    # Scorecard: technicians for the last period, the team last.
    ws = wb["Scorecard"]
    head = find_row(ws, "Technician")
    by_header = {"Tech score": "tech_score"}
    for k, d in kpis.items():
        by_header[d["name"]] = k
        if d["sheet"] and not d["sheet"].startswith("("):
            by_header.setdefault(d["sheet"], k)
    cols = {}
    for c in range(2, ws.max_column + 1):
        h = ws.cell(head, c).value
        if h in by_header:
            cols[c] = by_header[h]
    for k in scored:
        ok(k in cols.values(), "Scorecard: no column for %s" % k)
    ok(ws.cell(head + 1, 1).value == "Target", "Scorecard: no target line under the header")
    for c, k in cols.items():
        target = table_target(table_rows(t_csv), k)
        if target is not None and k != "tech_score":
            ok(is_number(ws.cell(head + 1, c).value) and same(ws.cell(head + 1, c).value, target),
               "Scorecard: target of %s is %r, the table says %r" % (k, ws.cell(head + 1, c).value, target))
    r = head + 2
    names = []
    while ws.cell(r, 1).value is not None:
        names.append((r, ws.cell(r, 1).value))
        r += 1
    ok(names and names[-1][1] == "Team", "Scorecard: the last row is not the team")
    techs_in_table = {s for (k, lvl, s, p) in table if lvl == "tech" and p == last}
    ok({n for _, n in names[:-1]} == techs_in_table,
       "Scorecard: technicians %r, the table has %r for %s" % ([n for _, n in names[:-1]], sorted(techs_in_table), last))
    for i, (row, name) in enumerate(names):
        level, subject = ("team", "") if i == len(names) - 1 else ("tech", name)
        for c, k in cols.items():
            check_cell(ws.cell(row, c), table, k, level, subject, last, ratio(k), "Scorecard")
    ok(len(ws.conditional_formatting) > 0, "Scorecard: no conditional formats")

    # Trend and the KPI sheets.
    grids = {"Trend": "tech_score"} if kpis.get("tech_score", {}).get("sheet") == "Trend" else {}
    grids.update({kpis[k]["sheet"]: k for k in scored})
    layout = {}
    for name, k in grids.items():
        layout[name] = check_grid(wb[name], table, k, ratio(k))

    # Team: every team-level KPI by period.
    ws = wb["Team"]
    head = find_row(ws, "KPI")
    periods = period_columns(ws, head)
    ok(first in periods and last in periods, "Team: periods %s..%s not in the header" % (first, last))
    r = head + 1
    seen = 0
    while ws.cell(r, 1).value is not None:
        k = by_header.get(ws.cell(r, 1).value)
        ok(k is not None, "Team: unknown KPI %r" % ws.cell(r, 1).value)
        for period, col in periods.items():
            check_cell(ws.cell(r, col), table, k, "team", "", period, ratio(k), "Team")
        seen += 1
        r += 1
    team_kpis = {k for (k, lvl, s, p) in table if lvl == "team"}
    ok(seen >= len(team_kpis), "Team: %d KPI rows, the table has %d team KPIs" % (seen, len(team_kpis)))

    # Charts.
    charts = charts_by_sheet(wb1)
    has_rows = lambda k: any(key[0] == k and key[1] in ("tech", "team") for key in table)  # noqa: E731
    need = {"Trend": has_rows("tech_score"), "Team": bool(team_kpis),
            "Clients": any(key[0] == "effective_rate" and key[1] == "client" for key in table)}
    need.update({kpis[k]["sheet"]: has_rows(k) for k in scored})
    for name, wanted in need.items():
        if wanted:
            ok(len(charts.get(name, [])) >= 1, "%s: no chart" % name)
    for name, lst in charts.items():
        for path, root in lst:
            refs = [f.text for f in root.iter("{%s}f" % NS["c"])]
            ok(refs, "%s: chart %s has no data ranges" % (name, path))
            line = root.find(".//c:lineChart", NS) is not None
            if line:
                # libxlsxwriter leaves out the element for "gap", Excel's default.
                blanks = root.find(".//c:dispBlanksAs", NS)
                ok(blanks is None or blanks.get("val") == "gap",
                   "%s: line chart %s does not leave gaps for missing values" % (name, path))
            for f in refs:
                ref = parse_ref(f)
                ok(ref is not None, "%s: chart range %r unreadable" % (name, f))
                sheet, c1, r1, c2, r2 = ref
                ok(sheet in wb.sheetnames, "%s: chart range %r names no sheet" % (name, f))
                target = wb[sheet]
                ok(r2 <= target.max_row and c2 <= target.max_column and r1 <= r2 and c1 <= c2,
                   "%s: chart range %r lies outside the sheet's table" % (name, f))
                ok(any(target.cell(r, c).value is not None for r in range(r1, r2 + 1) for c in range(c1, c2 + 1))
                   or line, "%s: chart range %r is empty" % (name, f))
            if name in layout and name != "Team":
                head, labels, periods = layout[name]
                for ser in root.iter("{%s}ser" % NS["c"]):
                    val = parse_ref(ser.find("c:val//c:f", NS).text)
                    cat = parse_ref(ser.find("c:cat//c:f", NS).text)
                    ok(val[0] == name and val[2] == val[4] and val[2] in labels,
                       "%s: a series' values %r are not one of its table rows" % (name, val))
                    ok(cat[0] == name and cat[2] == head and cat[4] == head,
                       "%s: a series' categories %r are not its period header" % (name, cat))
                    ok({val[1], val[3]} <= set(periods.values()),
                       "%s: a series' values %r are not its period columns" % (name, val))

    # Names from the input stay text.
    ws = wb["Clients"]
    clients = {s for (k, lvl, s, p) in table if lvl == "client"}
    for name in sorted(n for n in clients if n.startswith(("=", "+", "-", "@"))):
        r = find_row(ws, name)
        cell = ws.cell(r, 1)
        ok(cell.data_type == "s" and cell.value == name, "Clients: %r is not a string cell" % name)

    print("check_workbook: %d passed, 0 failed" % passed)


_rows_cache = {}


def table_rows(path):
    if path not in _rows_cache:
        with open(path, newline="", encoding="utf-8") as f:
            _rows_cache[path] = list(csv.DictReader(f))
    return _rows_cache[path]


def table_target(rows, kpi):
    for row in rows:
        if row["kpi"] == kpi and row["target"] != "":
            return float(row["target"])
    return None


if __name__ == "__main__":
    main()
