#!/bin/sh
# libreoffice.sh: a spreadsheet program nobody here wrote must open the
# workbook: LibreOffice converts it to PDF, and the PDF has its pages.
# usage: libreoffice.sh BINARY DATADIR WORKDIR [program args...]
set -u
BIN=$1 DATA=$2 W=$3
shift 3
rm -rf "$W" && mkdir -p "$W"
"$BIN" "$DATA" "$@" -q -o "$W/scorecard.xlsx" || exit 1
# A private profile: LibreOffice wants a writable home, and a second
# instance must not attach to one already running.
HOME=$W timeout 300 libreoffice --headless -env:UserInstallation=file://$W/profile \
    --convert-to pdf --outdir "$W" "$W/scorecard.xlsx" >"$W/lo.log" 2>&1
pages=$(pdfinfo "$W/scorecard.pdf" 2>/dev/null | sed -n 's/^Pages: *//p')
if [ -z "$pages" ] || [ "$pages" -lt 5 ]; then
    echo "LibreOffice did not render the workbook (pages: ${pages:-none})"
    cat "$W/lo.log"
    echo "libreoffice: 0 passed, 1 failed"
    exit 1
fi
echo "libreoffice: 1 passed, 0 failed ($pages pages)"
