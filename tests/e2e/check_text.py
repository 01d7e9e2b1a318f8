"""check_text.py BINARY DATADIR [ARGS...]: the coach's terminal view.

--format text prints the Scorecard as an aligned table (every technician of
the KPI table, the team last) and --tech NAME one technician's card with
the same focus sentence as their Coach sheet; colour only on a terminal
(a pseudo-terminal here) and never with NO_COLOR; --tech without --format
text, or naming nobody, is a usage error (exit 2).
"""
import csv
import io
import os
import pty
import re
import subprocess
import sys

from checks import failed, ok


def run(args, env=None):
    return subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                          env=dict(os.environ, **(env or {})))


def on_tty(args, env):
    """Standard output on a pseudo-terminal: what a coach at a terminal sees."""
    master, slave = pty.openpty()
    p = subprocess.Popen(args, stdout=slave, stderr=subprocess.DEVNULL,
                         env=dict(os.environ, **env))
    os.close(slave)
    out = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    p.wait()
    os.close(master)
    return out.decode("utf-8", "replace")


def main():
    binary, datadir = sys.argv[1:3]
    extra = sys.argv[3:]
    base = [binary, datadir, "-q"] + extra
    table = run(base + ["-f", "csv", "-o", "-"]).stdout
    rows = list(csv.DictReader(io.StringIO(table)))
    last = max(r["period"] for r in rows)
    techs = sorted({r["subject"] for r in rows if r["level"] == "tech"})

    p = run(base + ["-f", "text"], {"NO_COLOR": ""})
    ok(p.returncode in (0, 1), "--format text: exit %d: %s" % (p.returncode, p.stderr))
    out = p.stdout
    ok("\033[" not in out, "colour codes on a pipe")
    lines = out.splitlines()
    head = next((i for i, l in enumerate(lines) if re.match(r"^Technician +Score ", l)), None)
    ok(head is not None, "no table header:\n" + out)
    if head is not None:
        body = lines[head + 1: head + 2 + len(techs)]
        ok([l[:len(t)] for l, t in zip(body, techs)] == techs, "rows %r, expected %r" % (body, techs))
        ok(body and body[-1].startswith("Team"), "the team is not last")
        width = len(lines[head])
        ok(all(len(l.rstrip()) <= width + len("  declining") for l in body), "rows run past the header")
        # Aligned: right-aligned values end where their header ends, so
        # the character after each header is a gap in every row.
        ends = [m.end() for m in re.finditer(r"\S+", lines[head])][1:]
        for l in body:
            ok(all(len(l) <= e or l[e] == " " for e in ends), "misaligned row %r" % l)

    colour = on_tty(base + ["-f", "text"], {})
    ok("\033[32m" in colour or "\033[31m" in colour, "no colour on a terminal")
    plain = on_tty(base + ["-f", "text"], {"NO_COLOR": "1"})
    ok("\033[" not in plain, "colour with NO_COLOR set")

    name = techs[0]
    p = run(base + ["-f", "text", "--tech", name.upper()])
    ok(p.returncode in (0, 1), "--tech: exit %d: %s" % (p.returncode, p.stderr))
    ok(p.stdout.startswith(name + ": coaching card " + last), "card title: %r" % p.stdout[:80])
    ok(re.search(r"^Focus: ", p.stdout, re.M), "no focus line")
    ok(re.search(r"^Keep: ", p.stdout, re.M), "no keep line")
    ok(all(t not in p.stdout for t in techs[1:]), "the card names another technician")

    p = run(base + ["--tech", name, "-o", os.devnull])
    ok(p.returncode == 2, "--tech without --format text: exit %d" % p.returncode)
    p = run(base + ["-f", "text", "--tech", "Nobody At All"])
    ok(p.returncode == 2 and "Nobody At All" in p.stderr, "unknown --tech: exit %d %r" % (p.returncode, p.stderr))
    print("check_text: %s" % ("FAIL" if failed() else "ok"))
    return 1 if failed() else 0


if __name__ == "__main__":
    sys.exit(main())
