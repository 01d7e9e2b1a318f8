/*
 * mail.h: mail a written report to its owners through sendmail: the
 * checks and the MIME message (mime.c), the pipe (sendmail.c). The body
 * text is the report's summary (report/summary.h).
 *
 * msc_mail_build() writes one MIME message (RFC 5322, 2045-2047, 2231): a
 * text/plain UTF-8 part in quoted-printable and, when there is one, the
 * report file as a base64 attachment. msc_mail_send() pipes that message
 * to a sendmail-compatible command, which must take the recipients from
 * the To header (-t). Nothing from the data or the settings ever reaches a
 * shell: the command is split on blanks and run with execvp, and every
 * address and header value is checked (no CR, LF, commas, brackets) before
 * a byte is written.
 *
 *     struct msc_mail_list to;
 *     msc_mail_list_init(&to);
 *     st = msc_mail_list_add(&to, "owner@example.com, ops@example.com", &err);
 *     struct msc_mail m = {.to = to.addr, .nto = to.count, .subject = "Scorecard 2026-04",
 *                          .body = text, .attachment_path = "scorecard-2026-04.xlsx",
 *                          .date = time(NULL)};
 *     if (st == MSC_OK)
 *         st = msc_mail_validate(&m, &err);   // before the run: exit 2, not 5
 *     ... run, write the report ...
 *     st = msc_mail_send(&m, &err);           // MSC_ERR_MAIL: exit 5
 *     msc_mail_list_release(&to);
 *
 * Lines end in LF, as a local sendmail expects on its standard input.
 */
#ifndef MSC_WRITE_MAIL_H
#define MSC_WRITE_MAIL_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "util/arena.h"
#include "util/error.h"

#define MSC_MAIL_SENDMAIL "/usr/sbin/sendmail -t -i"

/* Everything is borrowed from the caller; NULL leaves an optional field out. */
struct msc_mail {
    const char *const *to;       /* nto recipients, bare addresses (at least one) */
    size_t nto;
    const char *from;            /* NULL or "": no From header (sendmail sets it) */
    const char *subject;         /* UTF-8; encoded-words when not plain ASCII */
    const char *body;            /* UTF-8 text; NULL: empty */
    const char *attachment_path; /* NULL: a text-only message */
    const char *attachment_name; /* the name mail readers show; NULL: the path's last part */
    const char *attachment_type; /* MIME type; NULL: from the name (.xlsx, .csv, .json) */
    const char *sendmail;        /* the command, split on blanks; NULL or "": MSC_MAIL_SENDMAIL.
                                  * The caller applies settings and $SENDMAIL. */
    int64_t date;                /* the Date header, seconds since 1970-01-01 UTC */
};

/* A bare addr-spec: local@domain with a dot-atom local part (letters,
 * digits, !#$%&'*+-/=?^_`{|}~ and inner dots) and a host name domain. No
 * spaces, control characters, commas, quotes, angle brackets or non-ASCII.
 * Errors: MSC_ERR_USAGE naming the address (control characters escaped). */
enum msc_status msc_mail_validate_address(const char *addr, struct msc_error *err);

/* Checks every recipient, the sender, the subject (no CR or LF, valid
 * UTF-8), the attachment name and the sendmail command (1 to 31 words).
 * Does not touch the attachment file. Errors: MSC_ERR_USAGE. */
enum msc_status msc_mail_validate(const struct msc_mail *m, struct msc_error *err);

/* Validates m, then writes the message to out. Errors: MSC_ERR_USAGE (as
 * msc_mail_validate), MSC_ERR_MAIL (the attachment cannot be read, or out
 * cannot be written). out may hold part of a message after an error. */
enum msc_status msc_mail_build(const struct msc_mail *m, FILE *out, struct msc_error *err);

/* Validates m and opens the attachment, then runs the sendmail command
 * with the message on its standard input and its standard output sent to
 * standard error (stdout may carry a report). SIGPIPE is ignored while the
 * message is written and restored after. Should the message fail on our
 * side half-way, the command is killed before it sees the end of its input,
 * so no partial message is queued. Errors: MSC_ERR_USAGE (as
 * msc_mail_validate); MSC_ERR_MAIL when the attachment cannot be read, the
 * command cannot be started, stops reading, or exits other than 0 (the
 * message names the command and its exit status). */
enum msc_status msc_mail_send(const struct msc_mail *m, struct msc_error *err);

/* Recipient lists from "a@example.com, b@example.com" (an option or a
 * setting). The addresses live in the list's arena until _release. */
struct msc_mail_list {
    const char **addr;
    size_t count, cap;
    struct msc_arena arena;
};

void msc_mail_list_init(struct msc_mail_list *l);
void msc_mail_list_release(struct msc_mail_list *l);
/* Splits at commas, trims blanks around each item and appends each after
 * validating it; an empty item is an error. Errors: MSC_ERR_USAGE naming
 * the address, MSC_ERR_NOMEM. Nothing is appended on error. */
enum msc_status msc_mail_list_add(struct msc_mail_list *l, const char *list, struct msc_error *err);

#endif
