#!/bin/sh
# install.sh: cmake --install of the built tree into a scratch DESTDIR puts
# the program, its manual page, the settings and the unattended-run
# examples where a Debian system looks for them, and the page formats with
# no warning.
# usage: install.sh SOURCE_DIR BINARY_DIR WORKDIR [CMAKE]
set -u
SRC=$1 BLD=$2 W=$3 CMAKE=${4:-cmake}
rm -rf "$W" && mkdir -p "$W"
pass=0 fail=0
check() { # check DESCRIPTION COMMAND...
    desc=$1
    shift
    if "$@"; then pass=$((pass + 1)); else fail=$((fail + 1)); echo "FAIL: $desc"; fi
}

D=$W/root
if ! DESTDIR=$D "$CMAKE" --install "$BLD" --prefix /usr >"$W/install.log" 2>&1; then
    cat "$W/install.log"
    echo "FAIL: cmake --install"
    exit 1
fi
DOC=$D/usr/share/doc/msp-scorecard
PAGE=$D/usr/share/man/man1/msp-scorecard.1.gz
check "binary" test -x "$D/usr/bin/msp-scorecard"
check "man page, gzipped" gzip -t "$PAGE"
gzip -dc "$PAGE" >"$W/page.1" 2>/dev/null
check "man page as in the source" cmp -s "$SRC/cmd/msp-scorecard.1" "$W/page.1"
check "settings" cmp -s "$SRC/examples/settings.ini" "$DOC/examples/settings.ini"
check "crontab" cmp -s "$SRC/examples/cron/msp-scorecard.crontab" "$DOC/examples/cron/msp-scorecard.crontab"
check "service" cmp -s "$SRC/examples/systemd/msp-scorecard.service" "$DOC/examples/systemd/msp-scorecard.service"
check "timer" cmp -s "$SRC/examples/systemd/msp-scorecard.timer" "$DOC/examples/systemd/msp-scorecard.timer"
check "nothing outside /usr" test "$(ls -A "$D")" = usr
check "installed binary runs" sh -c '"$1" --version | grep -q "^msp-scorecard "' sh "$D/usr/bin/msp-scorecard"

# The page formats without a word on stderr, as man and as groff -ww see it.
MANWIDTH=80 man --warnings -l "$PAGE" >"$W/man.out" 2>"$W/man.err"
check "man -l exits 0" test $? -eq 0
check "man -l prints no warning" test ! -s "$W/man.err"
check "man -l shows the page" grep -q "EXIT STATUS" "$W/man.out"
groff -man -ww -z "$W/page.1" 2>"$W/groff.err"
check "groff -ww prints no warning" test ! -s "$W/groff.err"
cat "$W/man.err" "$W/groff.err"

# Every option of --help is in the page.
"$D/usr/bin/msp-scorecard" --help | grep -o -- '--[a-z][a-z-]*' | sort -u >"$W/options"
while read -r opt; do
    check "page documents $opt" grep -q -- "$(printf '%s' "$opt" | sed 's/-/\\\\-/g')" "$W/page.1"
done <"$W/options"

echo "install.sh: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
