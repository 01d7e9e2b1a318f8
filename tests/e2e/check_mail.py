#!/usr/bin/python3
"""check_mail.py MAILBOX ATTACHMENT
   check_mail.py --report MAILBOX ATTACHMENT ADDR...

Reads the message the stand-in sendmail saved with Python's own MIME parser.
The first form checks the fixed message of test_mail --send (its text is the
one in tests/unit/test_mail.c): headers, body text, and that the attachment
decodes to the bytes of ATTACHMENT. The second checks a report mailed by
msp-scorecard --mail-to: recipients, a summary, the attachment's bytes."""
import email
import email.policy
import email.utils
import sys

SUBJECT = "Scorecard 2026-04 \u2013 M\u00fcller IT GmbH, Z\u00fcrich (\u20ac)"
BODY = ("Technician scorecard for M\u00fcller IT GmbH: 2026-04\n"
        "\n"
        "Team score: 78.4 (2026-03: 75.1, up 3.3)\n"
        "From here on, each line is a trap for mail software:\n"
        ".\n"
        "--=_msc_part_0--\n"
        "trailing spaces   \n"
        "tab\tand = signs == =?UTF-8?B?eA==?=\n"
        + "0123456789" * 20 + "\n"
        "no line end at the end")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

failures = []


def check(what, ok):
    if not ok:
        failures.append(what)


def main():
    mailbox, attachment = sys.argv[1], sys.argv[2]
    raw = open(mailbox, "rb").read()
    want = open(attachment, "rb").read()
    lines = raw.split(b"\n")
    check("LF line ends only", b"\r" not in raw)
    check("no line over 998 bytes", all(len(l) <= 998 for l in lines))
    check("message is ASCII", all(b < 128 for b in raw))

    msg = email.message_from_bytes(raw, policy=email.policy.default)
    check("no parser defects: %r" % msg.defects, not msg.defects)
    check("To", [a.addr_spec for a in msg["To"].addresses]
          == ["owner@example.com", "ops@example.net"])
    check("one To header", len(msg.get_all("To")) == 1)
    check("no Cc or Bcc", msg["Cc"] is None and msg["Bcc"] is None)
    check("From", msg["From"].addresses[0].addr_spec == "scorecard@example.com")
    check("Subject %r" % str(msg["Subject"]), str(msg["Subject"]) == SUBJECT)
    date = email.utils.parsedate_to_datetime(msg["Date"])
    check("Date", date.timestamp() == 1777615200 and date.utcoffset().total_seconds() == 0)
    check("MIME-Version", msg["MIME-Version"] == "1.0")
    check("Auto-Submitted", msg["Auto-Submitted"] == "auto-generated")
    check("multipart/mixed", msg.get_content_type() == "multipart/mixed")

    parts = list(msg.iter_parts())
    check("two parts", len(parts) == 2)
    if len(parts) != 2:
        return
    text, att = parts
    for p in parts:
        check("part defects: %r" % p.defects, not p.defects)
    check("text/plain", text.get_content_type() == "text/plain")
    check("charset", text.get_content_charset() == "utf-8")
    check("body text", text.get_content() == BODY)
    check("attachment type", att.get_content_type() == XLSX)
    check("attachment disposition", att.get_content_disposition() == "attachment")
    check("attachment name", att.get_filename() == "scorecard-2026-04.xlsx")
    check("base64", att["Content-Transfer-Encoding"] == "base64")
    b64 = att.get_payload(decode=False).split("\n")
    b64 = [l for l in b64 if l]
    check("base64 lines of 76", all(len(l) == 76 for l in b64[:-1]) and 0 < len(b64[-1]) <= 76)
    check("attachment bytes", att.get_payload(decode=True) == want)


def check_report(mailbox, attachment, addrs):
    raw = open(mailbox, "rb").read()
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    check("no parser defects: %r" % msg.defects, not msg.defects)
    check("To", [a.addr_spec for a in msg["To"].addresses] == addrs)
    check("Subject %r" % str(msg["Subject"]), "Technician scorecard" in str(msg["Subject"]))
    check("Date", email.utils.parsedate_to_datetime(msg["Date"]) is not None)
    parts = list(msg.iter_parts())
    check("two parts", len(parts) == 2)
    if len(parts) != 2:
        return
    check("summary", "Team score" in parts[0].get_content())
    check("attachment name", parts[1].get_filename() == attachment.rsplit("/", 1)[-1])
    check("attachment bytes", parts[1].get_payload(decode=True) == open(attachment, "rb").read())


if sys.argv[1] == "--report":
    check_report(sys.argv[2], sys.argv[3], sys.argv[4:])
else:
    main()
for f in failures:
    print("FAIL:", f)
print("check_mail: %s" % ("failed" if failures else "ok"))
sys.exit(1 if failures else 0)
