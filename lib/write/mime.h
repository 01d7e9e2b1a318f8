/*
 * mime.h: what sendmail.c takes from mime.c (internal to lib/write): the
 * checked command line, the attachment, and the message written to a
 * stream.
 */
#ifndef MSC_WRITE_MIME_H
#define MSC_WRITE_MIME_H

#include <stdio.h>

#include "write/mail.h"

#define MSC_MAIL_MAX_ARGS 31
#define MSC_MAIL_MAX_COMMAND 1024

/* s for an error message: control characters escaped, long values cut. */
const char *msc_mail_show(const char *s, char *buf, size_t cap);
/* The sendmail command in force. */
const char *msc_mail_command(const struct msc_mail *m);
/* Splits a command at blanks into argv (copied to buf); the count, or -1
 * with err set (MSC_ERR_USAGE). */
int msc_mail_split_command(const char *cmd, char *buf, size_t cap, char **argv,
                           struct msc_error *err);
/* The attachment, opened close-on-exec; NULL with err set (MSC_ERR_MAIL). */
FILE *msc_mail_open_attachment(const struct msc_mail *m, struct msc_error *err);
/* Writes the message with the attachment read from att (or none); on
 * failure *read_failed says whether the message is incomplete. */
enum msc_status msc_mail_write(const struct msc_mail *m, FILE *att, FILE *out,
                               struct msc_error *err, int *read_failed);

#endif
