#!/bin/sh
# sendmail-stub.sh: stands in for /usr/sbin/sendmail in tests. Saves the
# message from stdin to $MAILBOX and its arguments, one a line, to
# $MAILBOX.args, then exits with $SENDMAIL_EXIT (default 0).
cat >"${MAILBOX:?MAILBOX is not set}" || exit 74
printf '%s\n' "$@" >"$MAILBOX.args" || exit 74
exit "${SENDMAIL_EXIT:-0}"
