/* mime.c: the checks and the MIME message (RFC 5322, 2045-2047, 2231). */
#include "write/mime.h"
#include "util/mem.h"
#include "util/text.h"
#include "util/time.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

/* "=_" occurs in neither quoted-printable (a '=' there is followed by two hex
 * digits or a line end) nor base64 (whose '=' only pads the end), so a fixed
 * boundary cannot collide with a part and messages stay reproducible. */
#define BOUNDARY "=_msc_part_0"
#define MAX_NAME 255
#define B64_LINE_BYTES 57 /* 76 base64 characters, RFC 2045's limit */
/* 42 bytes are 56 base64 characters: "Subject: =?UTF-8?B?...?=" stays within
 * the 78 columns RFC 5322 recommends. */
#define WORD_BYTES 42

#define XLSX_TYPE "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

/* ---- checks ---- */

/* s for an error message: control characters escaped (the bytes a header
 * injection hides in) and long values cut. */
const char *msc_mail_show(const char *s, char *buf, size_t cap)
{
    size_t o = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p && o + 8 < cap; p++) {
        if (*p == '\n' || *p == '\r' || *p == '\t') {
            buf[o++] = '\\';
            buf[o++] = *p == '\n' ? 'n' : *p == '\r' ? 'r' : 't';
        } else if (*p < 0x20 || *p == 0x7f) {
            o += (size_t)snprintf(buf + o, cap - o, "\\x%02x", *p);
        } else {
            buf[o++] = (char)*p;
        }
        if (o + 8 >= cap && p[1]) {
            memcpy(buf + o, "...", 4);
            return buf;
        }
    }
    buf[o] = '\0';
    return buf;
}

static int is_alnum(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

static int is_atext(int c) { return is_alnum(c) || (c && strchr("!#$%&'*+-/=?^_`{|}~", c)); }

static int has_line_break(const char *s) { return strpbrk(s, "\r\n") != NULL; }

static int utf8_valid(const char *s) { return msc_utf8_valid(s, strlen(s)); }

static int plain_ascii(const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if (*p >= 0x7f || (*p < 0x20 && *p != '\t'))
            return 0;
    return 1;
}

/* Why addr is not a bare addr-spec we accept, or NULL. */
static const char *address_fault(const char *a, char *buf, size_t cap)
{
    size_t n = strlen(a);
    if (!n)
        return "is empty";
    for (const unsigned char *p = (const unsigned char *)a; *p; p++) {
        if (*p == '\r' || *p == '\n')
            return "holds a line break";
        if (*p == ' ' || *p == '\t')
            return "holds a space";
        if (*p < 0x20 || *p == 0x7f)
            return "holds a control character";
        if (*p == ',' || *p == ';')
            return "holds a list separator: give one address at a time";
        if (*p == '<' || *p == '>')
            return "holds an angle bracket: give the bare address, as in name@example.com";
        if (*p >= 0x80)
            return "holds a non-ASCII character";
    }
    const char *at = strchr(a, '@');
    if (!at)
        return "has no '@'";
    if (strchr(at + 1, '@'))
        return "has more than one '@'";
    if (n > 254)
        return "is longer than 254 characters";
    size_t local = (size_t)(at - a);
    if (!local)
        return "has nothing before '@'";
    if (local > 64)
        return "has more than 64 characters before '@'";
    for (size_t i = 0; i < local; i++) {
        if (a[i] == '.') {
            if (i == 0 || i == local - 1 || a[i - 1] == '.')
                return "has a dot at the start or end of its local part, or two in a row";
        } else if (!is_atext((unsigned char)a[i])) {
            snprintf(buf, cap, "holds '%c' (quoted local parts are not supported)", a[i]);
            return buf;
        }
    }
    const char *d = at + 1;
    if (!*d)
        return "has nothing after '@'";
    for (const char *label = d;;) {
        size_t len = strcspn(label, ".");
        if (len == 0 || len > 63)
            return "has an empty or over-long domain label";
        if (label[0] == '-' || label[len - 1] == '-')
            return "has a domain label starting or ending with '-'";
        for (size_t i = 0; i < len; i++)
            if (!is_alnum((unsigned char)label[i]) && label[i] != '-') {
                snprintf(buf, cap, "holds '%c' in its domain", label[i]);
                return buf;
            }
        if (!label[len])
            break;
        label += len + 1;
    }
    return NULL;
}

enum msc_status msc_mail_validate_address(const char *addr, struct msc_error *err)
{
    char why[96], shown[160];
    const char *fault = addr ? address_fault(addr, why, sizeof why) : "is empty";
    if (fault)
        return msc_error_set(err, MSC_ERR_USAGE, "mail address '%s' %s",
                             msc_mail_show(addr ? addr : "", shown, sizeof shown), fault);
    return MSC_OK;
}

static const char *attachment_name(const struct msc_mail *m)
{
    if (m->attachment_name)
        return m->attachment_name;
    const char *slash = strrchr(m->attachment_path, '/');
    return slash ? slash + 1 : m->attachment_path;
}

static const char *attachment_type(const struct msc_mail *m, const char *name)
{
    static const struct {
        const char *ext, *type;
    } types[] = {{".xlsx", XLSX_TYPE}, {".csv", "text/csv; charset=UTF-8"},
                 {".json", "application/json"}};
    if (m->attachment_type)
        return m->attachment_type;
    size_t n = strlen(name);
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) {
        size_t e = strlen(types[i].ext);
        if (n > e && strcasecmp(name + n - e, types[i].ext) == 0)
            return types[i].type;
    }
    return "application/octet-stream";
}

/* A MIME type such as "text/csv; charset=UTF-8": tokens and parameters, and
 * nothing that could end the header. */
static int valid_type(const char *t)
{
    const char *slash = strchr(t, '/');
    if (!slash || slash == t || !is_alnum((unsigned char)slash[1]))
        return 0;
    for (const unsigned char *p = (const unsigned char *)t; *p; p++)
        if (*p < 0x20 || *p >= 0x7f || *p == '"' || *p == '\\')
            return 0;
    return 1;
}

const char *msc_mail_command(const struct msc_mail *m)
{
    return m->sendmail && *m->sendmail ? m->sendmail : MSC_MAIL_SENDMAIL;
}

/* Splits the command at blanks into argv (copied to buf); the count, or -1
 * with err set. */
int msc_mail_split_command(const char *cmd, char *buf, size_t cap, char **argv,
                           struct msc_error *err)
{
    char shown[160];
    size_t n = strlen(cmd);
    if (n >= cap) {
        msc_error_set(err, MSC_ERR_USAGE, "sendmail command '%s' is too long",
                      msc_mail_show(cmd, shown, sizeof shown));
        return -1;
    }
    memcpy(buf, cmd, n + 1);
    int argc = 0;
    for (char *p = buf;;) {
        p += strspn(p, " \t\r\n\v\f");
        if (!*p)
            break;
        if (argc == MSC_MAIL_MAX_ARGS) {
            msc_error_set(err, MSC_ERR_USAGE, "sendmail command '%s' has more than %d words",
                          msc_mail_show(cmd, shown, sizeof shown), MSC_MAIL_MAX_ARGS);
            return -1;
        }
        argv[argc++] = p;
        p += strcspn(p, " \t\r\n\v\f");
        if (*p)
            *p++ = '\0';
    }
    argv[argc] = NULL;
    if (!argc)
        msc_error_set(err, MSC_ERR_USAGE, "the sendmail command is empty");
    return argc ? argc : -1;
}

enum msc_status msc_mail_validate(const struct msc_mail *m, struct msc_error *err)
{
    char shown[160], buf[MSC_MAIL_MAX_COMMAND], *argv[MSC_MAIL_MAX_ARGS + 1];
    enum msc_status st;
    if (!m->nto || !m->to)
        return msc_error_set(err, MSC_ERR_USAGE, "mail has no recipient");
    for (size_t i = 0; i < m->nto; i++)
        if ((st = msc_mail_validate_address(m->to[i], err)) != MSC_OK)
            return st;
    if (m->from && *m->from && (st = msc_mail_validate_address(m->from, err)) != MSC_OK)
        return st;
    const char *subject = m->subject ? m->subject : "";
    if (has_line_break(subject))
        return msc_error_set(err, MSC_ERR_USAGE, "mail subject '%s' holds a line break",
                             msc_mail_show(subject, shown, sizeof shown));
    if (!utf8_valid(subject))
        return msc_error_set(err, MSC_ERR_USAGE, "mail subject '%s' is not valid UTF-8",
                             msc_mail_show(subject, shown, sizeof shown));
    if (m->attachment_path) {
        const char *name = attachment_name(m);
        if (!*name || strlen(name) > MAX_NAME || strpbrk(name, "/\\") || !utf8_valid(name))
            return msc_error_set(err, MSC_ERR_USAGE,
                                 "attachment name '%s' is empty, too long, holds a slash or "
                                 "is not valid UTF-8", msc_mail_show(name, shown, sizeof shown));
        for (const unsigned char *p = (const unsigned char *)name; *p; p++)
            if (*p < 0x20 || *p == 0x7f)
                return msc_error_set(err, MSC_ERR_USAGE,
                                     "attachment name '%s' holds a control character",
                                     msc_mail_show(name, shown, sizeof shown));
        if (!valid_type(attachment_type(m, name)))
            return msc_error_set(err, MSC_ERR_USAGE, "attachment type '%s' is not a MIME type",
                                 msc_mail_show(attachment_type(m, name), shown, sizeof shown));
    }
    return msc_mail_split_command(msc_mail_command(m), buf, sizeof buf, argv, err) < 0 ? MSC_ERR_USAGE : MSC_OK;
}

/* ---- the message ---- */

static void base64(const unsigned char *in, size_t n, char *out)
{
    static const char digits[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    size_t o = 0;
    for (size_t i = 0; i < n; i += 3) {
        unsigned v = (unsigned)in[i] << 16 | (i + 1 < n ? (unsigned)in[i + 1] << 8 : 0) |
                     (i + 2 < n ? in[i + 2] : 0);
        out[o++] = digits[v >> 18 & 63];
        out[o++] = digits[v >> 12 & 63];
        out[o++] = i + 1 < n ? digits[v >> 6 & 63] : '=';
        out[o++] = i + 2 < n ? digits[v & 63] : '=';
    }
    out[o] = '\0';
}

static void put_date(FILE *out, int64_t t)
{
    static const char *const wday[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    static const char *const mon[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                      "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    int64_t days = t / 86400 - (t % 86400 < 0), secs = t - days * 86400;
    int y, m, d;
    msc_civil_from_days(days, &y, &m, &d);
    fprintf(out, "Date: %s, %02d %s %04d %02d:%02d:%02d +0000\n", wday[msc_weekday(days)], d,
            mon[m - 1], y, (int)(secs / 3600), (int)(secs / 60 % 60), (int)(secs % 60));
}

/* Recipients one after another, folded after a comma before column 78. */
static void put_to(FILE *out, const char *const *to, size_t n)
{
    size_t col = 3;
    fputs("To:", out);
    for (size_t i = 0; i < n; i++) {
        size_t len = strlen(to[i]);
        if (i)
            fputc(',', out), col++;
        if (i && col + 1 + len > 78)
            fputs("\n", out), col = 0;
        fprintf(out, " %s", to[i]);
        col += 1 + len;
    }
    fputc('\n', out);
}

/* Plain ASCII is folded at spaces (unfolding gives it back exactly); other
 * text, text that looks like an encoded-word, and words too long to fold
 * become UTF-8 B encoded-words of whole characters (RFC 2047). */
static void put_subject(FILE *out, const char *s)
{
    /* The chunks the folding below writes: blanks, then a word. */
    size_t n = strlen(s), longest = 0;
    for (const char *p = s; *p;) {
        size_t len = strspn(p, " ");
        len += strcspn(p + len, " ");
        longest = len > longest ? len : longest;
        p += len;
    }
    fputs("Subject:", out);
    if (plain_ascii(s) && !strstr(s, "=?") && longest < 900) {
        size_t col = 9;
        if (*s)
            fputc(' ', out);
        for (const char *p = s; *p;) {
            size_t len = strspn(p, " ");
            len += strcspn(p + len, " ");
            if (p != s && *p == ' ' && col + len > 78)
                fputc('\n', out), col = 0;
            fwrite(p, 1, len, out);
            col += len;
            p += len;
        }
    } else {
        for (size_t i = 0, j; i < n; i = j) {
            char word[4 * WORD_BYTES / 3 + 4];
            for (j = i; j < n;) {
                const unsigned char *at = (const unsigned char *)s + j;
                size_t k = *at < 0x80 ? 1 : msc_utf8_seq(at, at + (n - j));
                k = k ? k : 1; /* validated already; never loop forever */
                if (j + k - i > WORD_BYTES)
                    break;
                j += k;
            }
            base64((const unsigned char *)s + i, j - i, word);
            fprintf(out, "%s =?UTF-8?B?%s?=", i ? "\n" : "", word);
        }
    }
    fputc('\n', out);
}

/* A file name as a MIME parameter: a quoted string when plain ASCII,
 * else RFC 2231's UTF-8 percent form. */
static void put_param(FILE *out, const char *param, const char *value)
{
    if (plain_ascii(value)) {
        fprintf(out, "%s=\"", param);
        for (const char *p = value; *p; p++) {
            if (*p == '"' || *p == '\\')
                fputc('\\', out);
            fputc(*p, out);
        }
        fputc('"', out);
        return;
    }
    fprintf(out, "%s*=UTF-8''", param);
    for (const unsigned char *p = (const unsigned char *)value; *p; p++) {
        if (is_alnum(*p) || strchr("!#$&+-.^_`|~", *p))
            fputc(*p, out);
        else
            fprintf(out, "%%%02X", *p);
    }
}

/* Quoted-printable (RFC 2045 6.7) with lines of at most 76 characters. A
 * '.' or "From " at the start of a line is encoded too, so neither a
 * sendmail without -i nor an mbox on the way can alter the text. */
static void put_qp(FILE *out, const char *body)
{
    size_t col = 0;
    for (const unsigned char *p = (const unsigned char *)body; *p;) {
        unsigned c = *p;
        if (c == '\n' || (c == '\r' && p[1] == '\n')) {
            fputc('\n', out);
            col = 0;
            p += c == '\r' ? 2 : 1;
            continue;
        }
        int at_end = !p[1] || p[1] == '\n' || (p[1] == '\r' && p[2] == '\n');
        int printable = (c >= 33 && c <= 126 && c != '=') || ((c == ' ' || c == '\t') && !at_end);
        int literal;
        for (;;) {
            int risky = col == 0 && (c == '.' || strncmp((const char *)p, "From ", 5) == 0);
            literal = printable && !risky;
            if (col + (literal ? 1 : 3) <= (at_end ? 76u : 75u))
                break;
            fputs("=\n", out);
            col = 0;
        }
        if (literal)
            fputc((int)c, out), col++;
        else
            fprintf(out, "=%02X", c), col += 3;
        p++;
    }
}

/* The whole message for a validated m, the attachment (if any) open as att.
 * *read_failed tells a fault on our side from one in writing out. */
enum msc_status msc_mail_write(const struct msc_mail *m, FILE *att, FILE *out,
                                     struct msc_error *err, int *read_failed)
{
    const char *name = m->attachment_path ? attachment_name(m) : NULL;
    *read_failed = 0;
    put_to(out, m->to, m->nto);
    if (m->from && *m->from)
        fprintf(out, "From: %s\n", m->from);
    put_subject(out, m->subject ? m->subject : "");
    put_date(out, m->date);
    /* RFC 3834: keeps vacation responders from answering a robot. */
    fputs("Auto-Submitted: auto-generated\nMIME-Version: 1.0\n", out);
    if (att)
        fputs("Content-Type: multipart/mixed; boundary=\"" BOUNDARY "\"\n\n"
              "This is a message in MIME format.\n\n--" BOUNDARY "\n", out);
    fputs("Content-Type: text/plain; charset=UTF-8\n"
          "Content-Transfer-Encoding: quoted-printable\n\n", out);
    put_qp(out, m->body ? m->body : "");
    if (!att) {
        /* A single part has no delimiter to end its last line. */
        if (m->body && *m->body && m->body[strlen(m->body) - 1] != '\n')
            fputc('\n', out);
        goto check;
    }
    /* Parameters on lines of their own keep the type's line short. */
    fprintf(out, "\n--" BOUNDARY "\nContent-Type: %s;\n ", attachment_type(m, name));
    put_param(out, "name", name);
    fputs("\nContent-Disposition: attachment;\n ", out);
    put_param(out, "filename", name);
    fputs("\nContent-Transfer-Encoding: base64\n\n", out);
    unsigned char in[B64_LINE_BYTES * 64];
    char line[B64_LINE_BYTES / 3 * 4 + 2];
    size_t got;
    do {
        got = fread(in, 1, sizeof in, att);
        for (size_t i = 0; i < got; i += B64_LINE_BYTES) {
            base64(in + i, got - i < B64_LINE_BYTES ? got - i : B64_LINE_BYTES, line);
            fputs(line, out);
            fputc('\n', out);
        }
        if (ferror(out))
            goto check; /* the reader went away: stop reading the file */
    } while (got == sizeof in);
    if (ferror(att)) {
        *read_failed = 1;
        return msc_error_set(err, MSC_ERR_MAIL, "cannot read attachment '%s': %s",
                             m->attachment_path, strerror(errno));
    }
    fputs("--" BOUNDARY "--\n", out);
check:
    if (fflush(out) != 0 || ferror(out))
        return msc_error_set(err, MSC_ERR_MAIL, "cannot write the mail message: %s",
                             strerror(errno ? errno : EIO));
    return MSC_OK;
}

FILE *msc_mail_open_attachment(const struct msc_mail *m, struct msc_error *err)
{
    FILE *f = fopen(m->attachment_path, "rb");
    if (!f) {
        msc_error_set(err, MSC_ERR_MAIL, "cannot read attachment '%s': %s", m->attachment_path,
                      strerror(errno));
        return NULL;
    }
    /* The sendmail child must not inherit it. */
    fcntl(fileno(f), F_SETFD, FD_CLOEXEC);
    return f;
}

enum msc_status msc_mail_build(const struct msc_mail *m, FILE *out, struct msc_error *err)
{
    enum msc_status st = msc_mail_validate(m, err);
    FILE *att = NULL;
    int read_failed;
    if (st != MSC_OK)
        return st;
    if (m->attachment_path && !(att = msc_mail_open_attachment(m, err)))
        return MSC_ERR_MAIL;
    errno = 0;
    st = msc_mail_write(m, att, out, err, &read_failed);
    if (att)
        fclose(att);
    return st;
}

/* ---- recipient lists ---- */

void msc_mail_list_init(struct msc_mail_list *l)
{
    memset(l, 0, sizeof *l);
    msc_arena_init(&l->arena);
}

void msc_mail_list_release(struct msc_mail_list *l)
{
    free(l->addr);
    msc_arena_release(&l->arena);
    memset(l, 0, sizeof *l);
}

enum msc_status msc_mail_list_add(struct msc_mail_list *l, const char *list, struct msc_error *err)
{
    size_t before = l->count;
    enum msc_status st = MSC_OK;
    char shown[160];
    for (const char *p = list;; p++) {
        size_t len = strcspn(p, ",");
        const char *a = p, *z = p + len;
        while (a < z && (*a == ' ' || *a == '\t'))
            a++;
        while (z > a && (z[-1] == ' ' || z[-1] == '\t'))
            z--;
        char *addr = msc_arena_strndup(&l->arena, a, (size_t)(z - a));
        if (!addr || msc_grow(&l->addr, &l->cap, l->count + 1, sizeof *l->addr) < 0) {
            st = msc_error_set(err, MSC_ERR_NOMEM, "out of memory");
            break;
        }
        if ((st = msc_mail_validate_address(addr, err)) != MSC_OK) {
            if (!*addr)
                msc_error_set(err, MSC_ERR_USAGE, "mail address list '%s' has an empty item",
                              msc_mail_show(list, shown, sizeof shown));
            break;
        }
        l->addr[l->count++] = addr;
        p += len;
        if (!*p)
            break;
    }
    if (st != MSC_OK)
        l->count = before;
    return st;
}

