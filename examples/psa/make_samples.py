#!/usr/bin/python3
"""Write a canonical (generic) data set as Autotask, ConnectWise PSA and
HaloPSA would export it, each beside a canonical set holding only the
fields that PSA's export carries. msp-scorecard must compute the same KPI
table from both members of each pair (tests/e2e/CMakeLists.txt).

usage: make_samples.py CANONICAL_DIR PSA_DIR REDUCED_DIR [VARIANT_DIR]
       make_samples.py --variants PSA_DIR VARIANT_DIR
       make_samples.py --european CANONICAL_DIR OUT_DIR

PSA_DIR/NAME gets the export, REDUCED_DIR/NAME the canonical twin.
VARIANT_DIR/NAME-dmy (autotask, connectwise) and VARIANT_DIR/halopsa-mdy
get each export with its dates written in the other day/month order, as a
UI export in another locale would (tests/data/psa-dates): with no
--date-order, each must still give its twin's table.
--european writes CANONICAL_DIR as a German Excel would save it: ';'
between fields, dates as 13.08.2026 08:34, decimal commas, revenue with a
'.' grouping thousands, Windows-1252, CRLF (examples/psa/european).

Headers, value words, units and date formats follow
shared/spec/psa-profiles.md and lib/read/profile.c:
- autotask: ISO 8601 UTC dates ("2026-03-04T13:22:05.000Z"), a numeric id
  beside the ticket number (time entries point at the number, surveys at the
  id), isNonBillable (inverted), surveyRating on 0..10, no escalation or
  reopen counts;
- connectwise: API dates ("2026-03-04T13:22:05Z"), no first-response or
  resolution-plan due times, actualMinutes (minutes), billableOption words;
- halopsa: day-first dates ("04/03/2026 13:22:05"), one dateclosed for
  resolved and completed, timetaken as h:mm, fbscore on 1..4, no client on
  time entries, no resource on surveys.
Run it with TZ=UTC: the Z times are converted to the local zone.
"""
import csv
import datetime
import os
import re
import shutil
import sys

ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?)?$")


def parts(value):
    m = ISO.match(value.strip())
    if not m:
        return None
    y, mo, d, h, mi, s = m.groups()
    return y, mo, d, h or "00", mi or "00", s or "00"


def reformat(value, pattern):
    """A canonical date-time written with pattern's y mo d h mi s fields;
    anything that is not one (a bad value kept on purpose) as it is."""
    p = parts(value)
    return pattern.format(**dict(zip(("y", "mo", "d", "h", "mi", "s"), p))) if p else value


def date_api(value, millis):
    return reformat(value, "{y}-{mo}-{d}T{h}:{mi}:{s}" + (".000Z" if millis else "Z"))


def date_dmy(value):
    return reformat(value, "{d}/{mo}/{y} {h}:{mi}:{s}")


def date_only(value):
    p = parts(value)
    return f"{p[0]}-{p[1]}-{p[2]}" if p else value


def hhmm(value):
    try:
        minutes = round(float(value) * 60)
    except ValueError:
        return value
    if minutes < 0:
        return value
    return f"{minutes // 60}:{minutes % 60:02d}"


def minutes(value):
    try:
        return f"{float(value) * 60:g}"
    except ValueError:
        return value


def ratio(row, default_scale=10.0):
    """A survey's score as a fraction, or None for a word or a bad value."""
    try:
        score = float(row["score"])
    except ValueError:
        return None
    try:
        scale = float(row.get("scale_max") or default_scale)
    except ValueError:
        scale = default_scale
    return score / scale if scale > 0 else None


WORDS = {"positive": 1.0, "good": 1.0, "happy": 1.0, "neutral": 0.5, "ok": 0.5, "okay": 0.5,
         "negative": 0.0, "bad": 0.0, "unhappy": 0.0}


def ten_point(s):
    """A survey's score on 0..10, as Autotask and ConnectWise write it."""
    value = ratio(s)
    if value is None:
        value = WORDS.get(s["score"].strip().lower())
    return s["score"] if value is None else f"{value * 10:g}"


ENTRY_FIELDS = ["ticket_id", "resource", "start", "end", "date_worked", "hours_worked", "hours_billed",
                "billable", "work_type", "client", "entered"]


def write_twin(canon, name, fields, rows):
    """The canonical twin: the same rows, only the fields the PSA carries."""
    write(f"{canon}/{name}", fields, [[r.get(k, "") for k in fields] for r in rows])


def read(path):
    if not os.path.exists(path):
        return [], []
    with open(path, newline="", encoding="utf-8-sig") as f:
        r = csv.DictReader(f)
        return r.fieldnames, [{k: (v or "") for k, v in row.items()} for row in r]


def write(path, header, rows):
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        for row in rows:
            w.writerow(row)


def autotask(src, out, canon):
    _, tickets = read(f"{src}/tickets.csv")
    numeric = {t["ticket_id"].strip().lower(): str(i + 1) for i, t in enumerate(tickets)}
    d = lambda v: date_api(v, True)
    write(f"{out}/tickets.csv",
          ["id", "ticketNumber", "createDate", "title", "Account", "ticketType", "Primary Resource",
           "firstResponseDueDateTime", "firstResponseDateTime", "resolutionPlanDueDateTime",
           "resolutionPlanDateTime", "resolvedDueDateTime", "resolvedDateTime", "completedDate",
           "estimatedHours"],
          [[numeric[t["ticket_id"].strip().lower()], t["ticket_id"], d(t["created"]), t.get("title", ""), t["client"],
            t.get("ticket_type", ""), t.get("resource", ""), d(t.get("first_response_due", "")),
            d(t.get("first_response", "")), d(t.get("resolution_plan_due", "")),
            d(t.get("resolution_plan", "")), d(t.get("resolved_due", "")), d(t.get("resolved", "")),
            d(t.get("completed", "")), t.get("estimated_hours", "")] for t in tickets])
    keep = ["ticket_id", "created", "client", "ticket_type", "resource", "first_response_due",
            "first_response", "resolution_plan_due", "resolution_plan", "resolved_due", "resolved",
            "completed", "estimated_hours"]
    write_twin(canon, "tickets.csv", keep, tickets)

    _, entries = read(f"{src}/time_entries.csv")
    non_billable = {"true": "False", "false": "True", "": ""}
    write(f"{out}/time_entries.csv",
          ["id", "Autotask Ticket Number", "Resource", "startDateTime", "endDateTime", "dateWorked",
           "hoursWorked", "hoursToBill", "isNonBillable", "Work Type", "Account", "createDateTime"],
          [[e.get("entry_id", ""), e.get("ticket_id", ""), e["resource"], d(e.get("start", "")),
            d(e.get("end", "")), date_only(e.get("date_worked", "")), e.get("hours_worked", ""),
            e.get("hours_billed", ""), non_billable.get(e.get("billable", "").lower(), ""),
            e.get("work_type", ""), e.get("client", ""), d(e.get("entered", ""))] for e in entries])
    write_twin(canon, "time_entries.csv", ENTRY_FIELDS, entries)

    _, surveys = read(f"{src}/surveys.csv")
    rows, crows = [], []
    for s in surveys:
        score = ten_point(s)
        ref = numeric.get(s.get("ticket_id", "").strip().lower(), s.get("ticket_id", ""))
        rows.append([s.get("survey_id", ""), ref, s.get("client", ""), d(s.get("received", "")), score])
        crows.append([s.get("ticket_id", ""), s.get("client", ""), s.get("received", ""), score])
    write(f"{out}/surveys.csv", ["id", "ticketID", "companyName", "completeDate", "surveyRating"], rows)
    write(f"{canon}/surveys.csv", ["ticket_id", "client", "received", "score"], crows)


def connectwise(src, out, canon):
    _, tickets = read(f"{src}/tickets.csv")
    d = lambda v: date_api(v, False)
    write(f"{out}/tickets.csv",
          ["id", "summary", "company_name", "dateEntered", "type", "owner", "dateResponded",
           "dateResplan", "requiredDate", "dateResolved", "closedDate", "budgetHours"],
          [[t["ticket_id"], t.get("title", ""), t["client"], d(t["created"]), t.get("ticket_type", ""),
            t.get("resource", ""), d(t.get("first_response", "")), d(t.get("resolution_plan", "")),
            d(t.get("resolved_due", "")), d(t.get("resolved", "")), d(t.get("completed", "")),
            t.get("estimated_hours", "")] for t in tickets])
    keep = ["ticket_id", "created", "client", "ticket_type", "resource", "first_response",
            "resolution_plan", "resolved_due", "resolved", "completed", "estimated_hours"]
    write_twin(canon, "tickets.csv", keep, tickets)

    _, entries = read(f"{src}/time_entries.csv")
    option = {"true": "Billable", "false": "Do Not Bill", "": "No Default"}
    write(f"{out}/time_entries.csv",
          ["id", "chargeToId", "member", "timeStart", "timeEnd", "Date_Start", "actualMinutes",
           "hoursBilled", "billableOption", "workType", "company", "dateEntered"],
          [[e.get("entry_id", ""), e.get("ticket_id", ""), e["resource"], d(e.get("start", "")),
            d(e.get("end", "")), date_only(e.get("date_worked", "")), minutes(e.get("hours_worked", "")),
            e.get("hours_billed", ""), option.get(e.get("billable", "").lower(), "No Default"),
            e.get("work_type", ""), e.get("client", ""), d(e.get("entered", ""))] for e in entries])
    write_twin(canon, "time_entries.csv", ENTRY_FIELDS, entries)

    _, surveys = read(f"{src}/surveys.csv")
    rows, crows = [], []
    for s in surveys:
        score = ten_point(s)
        rows.append([s.get("survey_id", ""), s.get("ticket_id", ""), s.get("client", ""),
                     d(s.get("received", "")), score])
        crows.append([s.get("ticket_id", ""), s.get("client", ""), s.get("received", ""), score])
    write(f"{out}/surveys.csv", ["id", "ticketId", "company", "dateEntered", "totalPoints"], rows)
    write(f"{canon}/surveys.csv", ["ticket_id", "client", "received", "score"], crows)


def halopsa(src, out, canon):
    _, tickets = read(f"{src}/tickets.csv")
    rows, crows = [], []
    for t in tickets:
        closed = t.get("resolved", "") or t.get("completed", "")
        rows.append([t["ticket_id"], t.get("title", ""), t["client"], date_dmy(t["created"]),
                     t.get("ticket_type", ""), t.get("resource", ""), date_dmy(t.get("first_response_due", "")),
                     date_dmy(t.get("first_response", "")), date_dmy(t.get("resolved_due", "")),
                     date_dmy(closed), t.get("estimated_hours", "")])
        crows.append([t["ticket_id"], t["created"], t["client"], t.get("ticket_type", ""),
                      t.get("resource", ""), t.get("first_response_due", ""), t.get("first_response", ""),
                      t.get("resolved_due", ""), closed, closed, t.get("estimated_hours", "")])
    write(f"{out}/tickets.csv", ["faultid", "symptom", "client_name", "dateoccurred", "rtdesc", "uname",
                                 "respondbydate", "responsedate", "fixbydate", "dateclosed", "estimate"], rows)
    write(f"{canon}/tickets.csv", ["ticket_id", "created", "client", "ticket_type", "resource",
                                   "first_response_due", "first_response", "resolved_due", "resolved",
                                   "completed", "estimated_hours"], crows)

    _, entries = read(f"{src}/time_entries.csv")
    rows, crows = [], []
    for e in entries:
        start = e.get("start", "") or e.get("date_worked", "")
        rows.append([e.get("entry_id", ""), e.get("ticket_id", ""), e["resource"], date_dmy(start),
                     date_dmy(e.get("end", "")), hhmm(e.get("hours_worked", "")), e.get("work_type", ""),
                     date_dmy(e.get("entered", ""))])
        crows.append([e.get("ticket_id", ""), e["resource"], start, e.get("end", ""),
                      e.get("hours_worked", ""), e.get("work_type", ""), e.get("entered", "")])
    write(f"{out}/time_entries.csv", ["actionnumber", "faultid", "who", "actionarrivaldate",
                                      "actioncompletiondate", "timetaken", "outcome", "actiondatecreated"], rows)
    write(f"{canon}/time_entries.csv", ["ticket_id", "resource", "start", "end", "hours_worked",
                                        "work_type", "entered"], crows)

    _, surveys = read(f"{src}/surveys.csv")
    rows, crows = [], []
    for s in surveys:
        r = ratio(s)
        word = WORDS.get(s["score"].strip().lower())
        value = r if r is not None else word
        fb = s["score"] if value is None else str(1 + round(3 * min(max(value, 0), 1)))
        rows.append([s.get("ticket_id", ""), date_dmy(s.get("received", "")), fb])
        crows.append([s.get("ticket_id", ""), s.get("received", ""),
                      fb if value is None else str(int(fb) - 1), "" if value is None else "3"])
    write(f"{out}/surveys.csv", ["fbfaultid", "fbdate", "fbscore"], rows)
    write(f"{canon}/surveys.csv", ["ticket_id", "received", "score", "scale_max"], crows)


def servicenow(src, out, canon):
    """An incident export (one row per incident) read through
    examples/maps/servicenow.ini: day-first dates, '?' for no value,
    reassignments as escalations, made_sla as the resolution verdict."""
    _, tickets = read(f"{src}/tickets.csv")

    def dmy(v):
        p = parts(v)
        return f"{p[2]}-{p[1]}-{p[0]} {p[3]}:{p[4]}" if p else (v or "?")

    def minute(v):
        p = parts(v)
        return f"{p[0]}-{p[1]}-{p[2]} {p[3]}:{p[4]}" if p else v

    def made_sla(t):
        done, due = parts(t.get("resolved", "")), parts(t.get("resolved_due", ""))
        return "" if not done or not due else ("TRUE" if done <= due else "FALSE")

    rows, crows = [], []
    for t in tickets:
        state = "Closed" if t.get("completed") else "Resolved" if t.get("resolved") else "Active"
        rows.append([t["ticket_id"], state, t.get("escalations", "") or "0", t.get("reopens", "") or "0",
                     made_sla(t) or "?", dmy(t["created"]), t["client"], t.get("priority", "") or "?",
                     t.get("resource", "") or "?", dmy(t.get("resolved", "")), dmy(t.get("completed", ""))])
        crows.append([t["ticket_id"], minute(t["created"]), t["client"], t.get("resource", ""),
                      t.get("escalations", "") or "0", t.get("reopens", "") or "0",
                      {"TRUE": "true", "FALSE": "false"}.get(made_sla(t), ""),
                      minute(t.get("resolved", "")), minute(t.get("completed", ""))])
    write(f"{out}/incidents.csv", ["number", "incident_state", "reassignment_count", "reopen_count",
                                   "made_sla", "opened_at", "company", "priority", "assigned_to",
                                   "resolved_at", "closed_at"], rows)
    write(f"{canon}/tickets.csv", ["ticket_id", "created", "client", "resource", "escalations",
                                   "reopens", "resolved_met", "resolved", "completed"], crows)


ANY_DATE = re.compile(r"^(?:(\d{4})-(\d{2})-(\d{2})|(\d{2})/(\d{2})/(\d{4}))"
                      r"(?:[ T](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?Z?)?$")


def redate(value, day_first):
    """An export's date (ISO, API or HaloPSA's day-first form) written the
    way a UI export in the other locale writes it: 13/08/2026 08:34:05, or
    8/13/2026 8:34:05 AM; anything else, a bad date kept on purpose too
    (2026-13-01 must not turn into a month-first 01/13/2026), as it is."""
    m = ANY_DATE.match(value.strip())
    if not m:
        return value
    y, mo, d = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(6), m.group(5), m.group(4))
    try:
        datetime.date(int(y), int(mo), int(d))
    except ValueError:
        return value
    h, mi, s = m.group(7), m.group(8), m.group(9) or "00"
    if day_first:
        return f"{d}/{mo}/{y}" + (f" {h}:{mi}:{s}" if h else "")
    if not h:
        return f"{int(mo)}/{int(d)}/{y}"
    hour = int(h)
    return f"{int(mo)}/{int(d)}/{y} {(hour + 11) % 12 + 1}:{mi}:{s} {'AM' if hour < 12 else 'PM'}"


def variants(psa_dir, variant_dir):
    for name, day_first in (("autotask", True), ("connectwise", True), ("halopsa", False)):
        out = f"{variant_dir}/{name}-{'dmy' if day_first else 'mdy'}"
        os.makedirs(out, exist_ok=True)
        for path in sorted(os.listdir(f"{psa_dir}/{name}")):
            header, rows = read(f"{psa_dir}/{name}/{path}")
            write(f"{out}/{path}", header, [[redate(r[k], day_first) for k in header] for r in rows])


# Canonical number columns; ids stay as they are.
NUMBERS = {"estimated_hours", "escalations", "reopens", "hours_worked", "hours_billed", "score",
           "scale_max", "endpoints", "monthly_revenue", "included_hours", "weekly_hours",
           "hourly_cost", "monthly_pay"}
NUMBER = re.compile(r"^(-?)(\d+)(?:\.(\d+))?$")


def european(src, out):
    def date(v):
        p = parts(v)
        if not p:
            return v
        y, mo, d, h, mi, s = p
        if len(v.strip()) == 10:
            return f"{d}.{mo}.{y}"
        return f"{d}.{mo}.{y} {h}:{mi}" + (f":{s}" if s != "00" else "")

    def number(v, group):
        m = NUMBER.match(v.strip())
        if not m:
            return v
        sign, whole, frac = m.groups()
        if group and len(whole) > 3:
            whole = f"{int(whole):,}".replace(",", ".")
        return sign + whole + ("," + frac if frac else "")

    os.makedirs(out, exist_ok=True)
    for name in ("tickets.csv", "time_entries.csv", "surveys.csv", "clients.csv", "resources.csv"):
        header, rows = read(f"{src}/{name}")
        with open(f"{out}/{name}", "w", newline="", encoding="cp1252") as f:
            w = csv.writer(f, delimiter=";", lineterminator="\r\n")
            w.writerow(header)
            for r in rows:
                w.writerow([number(r[k], k == "monthly_revenue") if k in NUMBERS else date(r[k])
                            for k in header])


def main():
    if sys.argv[1] == "--variants":
        variants(*sys.argv[2:4])
        return
    if sys.argv[1] == "--european":
        european(*sys.argv[2:4])
        return
    src, dest, canon_dest = sys.argv[1:4]
    for name, convert in (("autotask", autotask), ("connectwise", connectwise), ("halopsa", halopsa),
                          ("servicenow", servicenow)):
        out, canon = f"{dest}/{name}", f"{canon_dest}/{name}"
        for d in (out, canon):
            os.makedirs(d, exist_ok=True)
            for own in ("clients.csv", "resources.csv"):  # kept by the MSP, not the PSA
                if os.path.exists(f"{src}/{own}") and name != "servicenow":
                    shutil.copy(f"{src}/{own}", f"{d}/{own}")
        convert(src, out, canon)
    if len(sys.argv) > 4:
        variants(dest, sys.argv[4])


main()
