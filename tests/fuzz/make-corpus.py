#!/usr/bin/python3
"""make-corpus.py: (re)writes the seed corpora tests/fuzz/corpus/HARNESS/
from the project's own inputs: the specification's worked examples
(tests/data/spec), the PSA samples (examples/psa), the head of the example
MSP (examples/data), the settings and map files, and the bad-input corpus
(tests/corpus). Seeds are cut to a few KiB at a line end so that libFuzzer
stays fast. Run it after adding inputs; commit what it writes.

    /usr/bin/python3 tests/fuzz/make-corpus.py
"""
import glob
import hashlib
import os
import shutil

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
OUT = os.path.join(ROOT, "tests", "fuzz", "corpus")
KINDS = ["tickets.csv", "time_entries.csv", "surveys.csv", "clients.csv", "resources.csv"]
PROFILES = ["auto", "generic", "autotask", "connectwise", "halopsa"]
ORDERS = ["auto", "dmy", "ymd"]
MAX = 6000


def head(data, limit=MAX):
    """At most limit bytes, cut after a line end."""
    if len(data) <= limit:
        return data
    cut = data.rfind(b"\n", 0, limit)
    return data[: cut + 1] if cut > 0 else data[:limit]


def rel(path):
    return os.path.relpath(path, ROOT)


def write(harness, name, data, seen):
    digest = hashlib.sha1(data).hexdigest()
    if digest in seen[harness]:
        return
    seen[harness].add(digest)
    safe = "".join(c if c.isalnum() or c in "-_." else "-" for c in name)
    with open(os.path.join(OUT, harness, safe), "wb") as f:
        f.write(data)


def kind_of(path):
    base = os.path.basename(path)
    if base in KINDS:
        return KINDS.index(base)
    if base == "incidents.csv":
        return 0
    return None


def csv_inputs():
    """(path, kind, profile, order) of every committed CSV input."""
    out = []
    for path in sorted(glob.glob(os.path.join(ROOT, "tests/data/spec/*/*.csv"))):
        if kind_of(path) is not None:
            out.append((path, kind_of(path), "auto", "auto"))
    for path in sorted(glob.glob(os.path.join(ROOT, "tests/data/psa/*/*.csv"))):
        if kind_of(path) is not None:
            out.append((path, kind_of(path), "auto", "auto"))
    for psa in ("autotask", "connectwise", "halopsa"):
        for path in sorted(glob.glob(os.path.join(ROOT, "examples/psa", psa, "*.csv"))):
            out.append((path, kind_of(path), psa if kind_of(path) < 3 else "auto",
                        "dmy" if psa == "halopsa" else "auto"))
    for path in sorted(glob.glob(os.path.join(ROOT, "examples/data/*.csv"))):
        out.append((path, kind_of(path), "auto", "auto"))
    # Day-first, month-first and dotted dates whose order is inferred.
    for path in sorted(glob.glob(os.path.join(ROOT, "tests/data/psa-dates/*/*.csv")) +
                       glob.glob(os.path.join(ROOT, "examples/psa/european/*.csv"))):
        out.append((path, kind_of(path), "auto", "auto"))
    for path in sorted(glob.glob(os.path.join(ROOT, "tests/corpus/*/*.csv"))):
        if kind_of(path) is not None:
            out.append((path, kind_of(path), "auto", "auto"))
    return out


def main():
    seen = {}
    for h in ("fuzz_tickets", "fuzz_csv", "fuzz_fields", "fuzz_settings", "fuzz_map"):
        shutil.rmtree(os.path.join(OUT, h), ignore_errors=True)
        os.makedirs(os.path.join(OUT, h))
        seen[h] = set()
    inputs = csv_inputs()

    # fuzz_csv: byte 0 = kind + 5 * order + 15 * profile, byte 1 = flags.
    for path, kind, profile, order in inputs:
        data = open(path, "rb").read()
        b0 = kind + 5 * ORDERS.index(order) + 15 * PROFILES.index(profile)
        big = "examples/data" in path
        flags = [1 | 64] if big else [0]
        if path.endswith("spec/tiny/tickets.csv"):
            flags += [2, 4, 0x98, 32, 1 | 64]  # week, quarter, workbook, decimal comma, from the data
        for fl in flags:
            write("fuzz_csv", f"{rel(path)}-{fl}", bytes([b0, fl]) + head(data, 3000 if big else MAX), seen)

    # fuzz_tickets: the first half is tickets.csv, the second time_entries.csv.
    for folder in sorted(set(os.path.dirname(p) for p, *_ in inputs)):
        t, e = os.path.join(folder, "tickets.csv"), os.path.join(folder, "time_entries.csv")
        if os.path.exists(t) and os.path.exists(e):
            a, b = head(open(t, "rb").read(), 4000), head(open(e, "rb").read(), 4000)
            n = max(len(a), len(b))
            write("fuzz_tickets", rel(folder), a.ljust(n, b"\n") + b.ljust(n, b"\n"), seen)

    # fuzz_fields: cells of the date, number and flag columns, and hand-picked ones.
    cells = set()
    import csv as csvmod
    import io
    for path, *_ in inputs:
        text = open(path, "rb").read().decode("utf-8", "replace")
        try:
            rows = list(csvmod.reader(io.StringIO(text[:20000])))
        except csvmod.Error:
            continue
        for row in rows[1:8]:
            for cell in row:
                if cell and len(cell) < 40 and any(c.isdigit() for c in cell) or cell.lower() in (
                        "true", "false", "yes", "no", "x", "e", "n/a", "met", "positive", "neutral", "bad"):
                    cells.add(cell)
    # A sample of the data's cells (every kth, so the same ones each time).
    cells = sorted(cells)
    cells = set(cells[:: max(1, len(cells) // 80)])
    cells |= {
        "2026-03-04", "2026-03-04 13:22", "2026-03-04 13:22:05", "2026-03-04T13:22:05",
        "2026-03-04T13:22:05Z", "2026-03-04T13:22:05+02:00", "2026-03-04T13:22:05.123-0500",
        "2026-03-04T13:22:05+02", "2026/03/04 14:50:17.000", "3/4/2026 1:22 PM", "03/04/2026 13:22",
        "3/4/2026", "12/31/2026 12:00 am", "03-04-2026 13:22", "03.04.2026 13:22", "2026-02-30",
        "2026-03-02 24:61", "2024-02-29 23:59:59", "9999-12-31 23:59:59", "0001-01-01 00:00",
        "1969-12-31 23:59:59", "  2026-03-04  ", "1.5", "1,234.5", "1.234,5", "-0.25", "+7", ".5",
        "5.", "1,23", "NaN", "inf", "1e3", "0x10", "999999999999999999999999999999",
        "1:30", "TRUE", "f", "Y", "okay", "Unhappy", "",
    }
    for i, cell in enumerate(sorted(cells)):
        write("fuzz_fields", f"cell-{i:03d}", cell.encode(), seen)

    # fuzz_settings: the shipped and test settings files, and a few odd ones.
    settings = [p for p in glob.glob(os.path.join(ROOT, "examples/*.ini"))]
    settings += glob.glob(os.path.join(ROOT, "tests/data/*.ini")) + glob.glob(os.path.join(ROOT, "tests/data/spec/*/*.ini"))
    settings += glob.glob(os.path.join(ROOT, "tests/corpus/*/settings.ini"))
    for path in sorted(settings):
        write("fuzz_settings", rel(path), open(path, "rb").read(), seen)
    odd = {
        "timezone": b"[report]\ntimezone = America/New_York\ndecimal_separator = comma\ndate_order = dmy\n",
        "holidays": b"holidays = 2026-01-01, 2026-12-25, 2026-12-26\nholidays = 2027-01-01\n",
        "business": b"[calendar]\nbusiness_days = Sat, Sun\nbusiness_start = 00:00\nbusiness_end = 24:00\nmttr_clock = calendar\n",
        "thresholds": b"realtime_minutes = 1000000000\nlong_entry_hours = 0\nsurvey_scale_max = 0.5\namber_band = 200%\n",
        "targets": b"[targets]\nutilization = 0\nmttr = 1e3\n[weights]\nutilization = 0\ntech_score = 5\n",
        "lists": b"reactive_types =\nnon_client_work_types = Regular\nabsence_work_types = Regular, Travel\n",
    }
    for name, data in odd.items():
        write("fuzz_settings", name, data, seen)

    # fuzz_map: the shipped maps and a few more; the last byte odd makes the
    # harness rewrite tickets.csv with the map's own header names.
    maps = sorted(glob.glob(os.path.join(ROOT, "examples/maps/*.ini")) + glob.glob(os.path.join(ROOT, "tests/corpus/*/map.ini")))
    extra = {
        "halopsa-base": b"[values]\nbase = halopsa\nsurvey_scale_min = 1\nsurvey_scale_max = 4\n"
                        b"true_words = I|ok\nfalse_words = O|late\nnone_words = -\nempty_words = ?|none\n"
                        b"[tickets]\nresolved_met = SLA Status | slastate\nestimated_hours = estimate@min\n",
        "autotask-base": b"[values]\nbase = autotask\ndate_order = ymd\n[time_entries]\nhours_worked = mins@min\n",
        "connectwise": b"[values]\nbase = connectwise\n[surveys]\nscore = rating\nscale_max = out_of\n",
    }
    for path in maps:
        data = open(path, "rb").read()
        write("fuzz_map", rel(path), data, seen)
        write("fuzz_map", rel(path) + "-remap", data.rstrip(b"\n") + b"\n;", seen)
    for name, data in extra.items():
        write("fuzz_map", name, data, seen)
        write("fuzz_map", name + "-remap", data + b";", seen)

    for h in sorted(seen):
        print(f"{h}: {len(seen[h])} seeds")


if __name__ == "__main__":
    main()
