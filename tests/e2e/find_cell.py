#!/usr/bin/python3
"""find_cell.py BOOK SHEET REGEX: exit 0 when some cell of the sheet, read
back with openpyxl, holds text matching REGEX (rich text read as plain)."""
import re
import sys
import warnings

import openpyxl


def main():
    path, sheet, pattern = sys.argv[1:]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the conditional formats it cannot read
        ws = openpyxl.load_workbook(path)[sheet]
    rx = re.compile(pattern)
    for row in ws.iter_rows():
        for cell in row:
            if isinstance(cell.value, str) and rx.search(cell.value):
                return 0
    print("%s: no cell matches /%s/" % (sheet, pattern))
    return 1


sys.exit(main())
