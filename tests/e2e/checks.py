"""checks.py: what the e2e checkers share. ok() counts a check and prints
a failed one with the checker's name; failed() says how many failed."""
import os
import sys

_NAME = os.path.splitext(os.path.basename(sys.argv[0]))[0]
_failed = 0


def ok(cond, what):
    global _failed
    if not cond:
        _failed += 1
        print("%s: FAIL: %s" % (_NAME, what))


def failed():
    return _failed
