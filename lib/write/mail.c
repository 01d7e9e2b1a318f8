/* mail.c: the MIME message, the pipe to sendmail, and the summary text. */
#include "write/mail.h"
#include "kpi/registry.h"
#include "read/field.h"
#include "util/mem.h"

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
#define MAX_ARGS 31
#define MAX_COMMAND 1024
#define MAX_NAME 255
#define B64_LINE_BYTES 57 /* 76 base64 characters, RFC 2045's limit */
/* 42 bytes are 56 base64 characters: "Subject: =?UTF-8?B?...?=" stays within
 * the 78 columns RFC 5322 recommends. */
#define WORD_BYTES 42

#define XLSX_TYPE "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

/* ---- checks ---- */

/* s for an error message: control characters escaped (the bytes a header
 * injection hides in) and long values cut. */
static const char *show(const char *s, char *buf, size_t cap)
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

/* Length of the valid UTF-8 sequence at s (at most n bytes), or 0. */
static size_t utf8_seq(const unsigned char *s, size_t n)
{
    unsigned c = s[0];
    size_t len;
    unsigned min;
    if (c < 0x80)
        return 1;
    if (c >= 0xc2 && c <= 0xdf)
        len = 2, min = 0x80;
    else if (c >= 0xe0 && c <= 0xef)
        len = 3, min = 0x800;
    else if (c >= 0xf0 && c <= 0xf4)
        len = 4, min = 0x10000;
    else
        return 0;
    if (len > n)
        return 0;
    unsigned cp = c & (0x7f >> len);
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xc0) != 0x80)
            return 0;
        cp = cp << 6 | (s[i] & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
        return 0;
    return len;
}

static int utf8_valid(const char *s)
{
    size_t n = strlen(s);
    for (size_t i = 0, k; i < n; i += k)
        if (!(k = utf8_seq((const unsigned char *)s + i, n - i)))
            return 0;
    return 1;
}

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
                             show(addr ? addr : "", shown, sizeof shown), fault);
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

static const char *command_of(const struct msc_mail *m)
{
    return m->sendmail && *m->sendmail ? m->sendmail : MSC_MAIL_SENDMAIL;
}

/* Splits the command at blanks into argv (copied to buf); the count, or -1
 * with err set. */
static int split_command(const char *cmd, char *buf, size_t cap, char **argv,
                         struct msc_error *err)
{
    char shown[160];
    size_t n = strlen(cmd);
    if (n >= cap) {
        msc_error_set(err, MSC_ERR_USAGE, "sendmail command '%s' is too long",
                      show(cmd, shown, sizeof shown));
        return -1;
    }
    memcpy(buf, cmd, n + 1);
    int argc = 0;
    for (char *p = buf;;) {
        p += strspn(p, " \t\r\n\v\f");
        if (!*p)
            break;
        if (argc == MAX_ARGS) {
            msc_error_set(err, MSC_ERR_USAGE, "sendmail command '%s' has more than %d words",
                          show(cmd, shown, sizeof shown), MAX_ARGS);
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
    char shown[160], buf[MAX_COMMAND], *argv[MAX_ARGS + 1];
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
                             show(subject, shown, sizeof shown));
    if (!utf8_valid(subject))
        return msc_error_set(err, MSC_ERR_USAGE, "mail subject '%s' is not valid UTF-8",
                             show(subject, shown, sizeof shown));
    if (m->attachment_path) {
        const char *name = attachment_name(m);
        if (!*name || strlen(name) > MAX_NAME || strpbrk(name, "/\\") || !utf8_valid(name))
            return msc_error_set(err, MSC_ERR_USAGE,
                                 "attachment name '%s' is empty, too long, holds a slash or "
                                 "is not valid UTF-8", show(name, shown, sizeof shown));
        for (const unsigned char *p = (const unsigned char *)name; *p; p++)
            if (*p < 0x20 || *p == 0x7f)
                return msc_error_set(err, MSC_ERR_USAGE,
                                     "attachment name '%s' holds a control character",
                                     show(name, shown, sizeof shown));
        if (!valid_type(attachment_type(m, name)))
            return msc_error_set(err, MSC_ERR_USAGE, "attachment type '%s' is not a MIME type",
                                 show(attachment_type(m, name), shown, sizeof shown));
    }
    return split_command(command_of(m), buf, sizeof buf, argv, err) < 0 ? MSC_ERR_USAGE : MSC_OK;
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
                size_t k = utf8_seq((const unsigned char *)s + j, n - j);
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
static enum msc_status write_message(const struct msc_mail *m, FILE *att, FILE *out,
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

static FILE *open_attachment(const struct msc_mail *m, struct msc_error *err)
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
    if (m->attachment_path && !(att = open_attachment(m, err)))
        return MSC_ERR_MAIL;
    errno = 0;
    st = write_message(m, att, out, err, &read_failed);
    if (att)
        fclose(att);
    return st;
}

/* ---- sendmail ---- */

static int set_cloexec(int fd) { return fcntl(fd, F_SETFD, FD_CLOEXEC); }

static void close_fd(int *fd)
{
    if (*fd >= 0)
        close(*fd);
    *fd = -1;
}

static int wait_child(pid_t pid)
{
    int status = 0;
    while (waitpid(pid, &status, 0) < 0)
        if (errno != EINTR)
            return -1;
    return status;
}

/* In the child, between fork and exec: only async-signal-safe calls. A
 * failed exec sends its errno up the close-on-exec pipe, so the parent can
 * tell "could not run" from "ran and failed" without the child printing.
 * fds[] are the two pipes, read end first; when the caller runs with stdin
 * or stderr closed, a pipe may have taken fd 0 or 2. */
static void exec_child(const int fds[4], char **argv)
{
    int in_fd = fds[0], report_fd = fds[3];
    int ok = in_fd == STDIN_FILENO ? fcntl(in_fd, F_SETFD, 0) >= 0
                                   : dup2(in_fd, STDIN_FILENO) >= 0;
    if (ok) {
        /* A report may be going to stdout: keep sendmail's chatter out of
         * it, unless fd 2 is one of our pipes (stderr was closed). */
        if (STDERR_FILENO != fds[0] && STDERR_FILENO != fds[1] && STDERR_FILENO != fds[2] &&
            STDERR_FILENO != fds[3])
            dup2(STDERR_FILENO, STDOUT_FILENO);
        execvp(argv[0], argv);
    }
    int e = errno;
    ssize_t w = write(report_fd, &e, sizeof e);
    (void)w;
    _exit(127);
}

enum msc_status msc_mail_send(const struct msc_mail *m, struct msc_error *err)
{
    char buf[MAX_COMMAND], *argv[MAX_ARGS + 1], shown[160];
    const char *cmd;
    enum msc_status st = msc_mail_validate(m, err);
    if (st != MSC_OK)
        return st;
    cmd = show(command_of(m), shown, sizeof shown);
    if (split_command(command_of(m), buf, sizeof buf, argv, err) < 0)
        return MSC_ERR_USAGE;
    FILE *att = NULL;
    if (m->attachment_path && !(att = open_attachment(m, err)))
        return MSC_ERR_MAIL;

    int in[2] = {-1, -1}, report[2] = {-1, -1};
    if (pipe(in) < 0 || pipe(report) < 0 || set_cloexec(in[0]) < 0 || set_cloexec(in[1]) < 0 ||
        set_cloexec(report[0]) < 0 || set_cloexec(report[1]) < 0) {
        st = msc_error_set(err, MSC_ERR_MAIL, "cannot run sendmail command '%s': %s", cmd,
                           strerror(errno));
        goto close_pipes;
    }
    pid_t pid = fork();
    if (pid < 0) {
        st = msc_error_set(err, MSC_ERR_MAIL, "cannot run sendmail command '%s': %s", cmd,
                           strerror(errno));
        goto close_pipes;
    }
    if (pid == 0) {
        const int fds[4] = {in[0], in[1], report[0], report[1]};
        exec_child(fds, argv);
    }
    close_fd(&in[0]);
    close_fd(&report[1]);

    /* 0 bytes: the exec succeeded and closed the pipe. */
    int child_errno = 0;
    ssize_t got;
    while ((got = read(report[0], &child_errno, sizeof child_errno)) < 0 && errno == EINTR)
        ;
    close_fd(&report[0]);
    if (got > 0) {
        close_fd(&in[1]);
        wait_child(pid);
        st = msc_error_set(err, MSC_ERR_MAIL, "cannot run sendmail command '%s': %s", cmd,
                           strerror(child_errno));
        goto close_att;
    }

    /* Set only now, in the parent: an ignored SIGPIPE would survive exec
     * into the child. A reader that quits then gives EPIPE, not death. */
    struct sigaction ignore, old;
    memset(&ignore, 0, sizeof ignore);
    ignore.sa_handler = SIG_IGN;
    sigemptyset(&ignore.sa_mask);
    sigaction(SIGPIPE, &ignore, &old);
    struct msc_error werr = {0};
    int read_failed = 1;
    enum msc_status wst;
    FILE *pipe_out = fdopen(in[1], "w");
    if (!pipe_out) {
        wst = msc_error_set(&werr, MSC_ERR_MAIL, "cannot write to sendmail command '%s': %s",
                            cmd, strerror(errno));
    } else {
        in[1] = -1; /* the stream owns it now */
        errno = 0;
        wst = write_message(m, att, pipe_out, &werr, &read_failed);
    }
    /* Kill before closing its input: at EOF it would queue half a message. */
    if (wst != MSC_OK && read_failed)
        kill(pid, SIGKILL);
    if (pipe_out && fclose(pipe_out) != 0 && wst == MSC_OK)
        wst = msc_error_set(&werr, MSC_ERR_MAIL, "cannot write the mail message: %s",
                            strerror(errno));
    close_fd(&in[1]);
    int status = wait_child(pid), wait_errno = errno;
    sigaction(SIGPIPE, &old, NULL);

    if (wst != MSC_OK && read_failed)
        st = msc_error_set(err, MSC_ERR_MAIL, "%s; nothing was sent", werr.msg);
    else if (status < 0)
        st = msc_error_set(err, MSC_ERR_MAIL, "sendmail command '%s': cannot wait for it: %s",
                           cmd, strerror(wait_errno));
    else if (WIFEXITED(status) && WEXITSTATUS(status) != 0)
        st = msc_error_set(err, MSC_ERR_MAIL, "sendmail command '%s' exited with status %d", cmd,
                           WEXITSTATUS(status));
    else if (WIFSIGNALED(status))
        st = msc_error_set(err, MSC_ERR_MAIL, "sendmail command '%s' was killed by signal %d",
                           cmd, WTERMSIG(status));
    else if (wst != MSC_OK)
        st = msc_error_set(err, MSC_ERR_MAIL,
                           "sendmail command '%s' exited before reading the whole message (%s)",
                           cmd, werr.msg);
    goto close_att;

close_pipes:
    close_fd(&in[0]);
    close_fd(&in[1]);
    close_fd(&report[0]);
    close_fd(&report[1]);
close_att:
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
                              show(list, shown, sizeof shown));
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

/* ---- the summary ---- */

struct text {
    char *p;
    size_t len, cap;
    int nomem;
};

static void add(struct text *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void add(struct text *t, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0 || t->nomem)
        return;
    if (msc_grow(&t->p, &t->cap, t->len + (size_t)n + 1, 1) < 0) {
        t->nomem = 1;
        return;
    }
    va_start(ap, fmt);
    vsnprintf(t->p + t->len, t->cap - t->len, fmt, ap);
    va_end(ap);
    t->len += (size_t)n;
}

static enum msc_status finish(struct text *t, char **out, struct msc_error *err)
{
    if (t->nomem || !t->p) {
        free(t->p);
        *out = NULL;
        return msc_error_set(err, MSC_ERR_NOMEM, "out of memory");
    }
    *out = t->p;
    return MSC_OK;
}

static void format_value(enum msc_unit unit, double v, char *buf, size_t cap)
{
    switch (unit) {
    case MSC_UNIT_RATIO: snprintf(buf, cap, "%.1f%%", v * 100); return;
    case MSC_UNIT_HOURS: snprintf(buf, cap, "%.2f h", v); return;
    case MSC_UNIT_PER_ENDPOINT: snprintf(buf, cap, "%.3f", v); return;
    case MSC_UNIT_MONEY: snprintf(buf, cap, "%.2f", v); return;
    case MSC_UNIT_MONEY_PER_HOUR: snprintf(buf, cap, "%.2f per hour", v); return;
    case MSC_UNIT_POINTS: break;
    }
    snprintf(buf, cap, "%.1f", v);
}

/* Linear, so that it holds for rows in any order. */
static const struct msc_row *find(const struct msc_report *r, int kpi, enum msc_level level,
                                  int subject, int64_t period)
{
    for (size_t i = 0; i < r->count; i++) {
        const struct msc_row *row = &r->rows[i];
        if (row->kpi == kpi && row->level == level && row->period == period &&
            (level == MSC_LEVEL_TEAM || row->subject == subject))
            return row;
    }
    return NULL;
}

static void add_change(struct text *t, double from, double to)
{
    double d = round((to - from) * 10) / 10;
    if (d > 0)
        add(t, "up %.1f", d);
    else if (d < 0)
        add(t, "down %.1f", -d);
    else
        add(t, "unchanged");
}

static const struct msc_report *tech_report;

static int by_score(const void *pa, const void *pb)
{
    const struct msc_row *a = *(const struct msc_row *const *)pa;
    const struct msc_row *b = *(const struct msc_row *const *)pb;
    if (a->value != b->value)
        return a->value > b->value ? -1 : 1;
    return strcmp(msc_report_subject(tech_report, a), msc_report_subject(tech_report, b));
}

enum msc_status msc_mail_summary(const struct msc_report *r, char **out, struct msc_error *err)
{
    const struct msc_model *md = r->model;
    const char *msp = md->settings && md->settings->msp_name[0] ? md->settings->msp_name : NULL;
    int64_t last = md->last_period, prev = last - 1;
    int has_prev = md->first_period < last;
    int score = msc_kpi_find("tech_score");
    char first_label[24], last_label[24], prev_label[24], v[48], t[48];
    struct text text = {0};
    msc_period_label(md->period_kind, md->first_period, first_label);
    msc_period_label(md->period_kind, last, last_label);
    msc_period_label(md->period_kind, prev, prev_label);

    add(&text, "Technician scorecard%s%s: %s%s\n", msp ? " for " : "", msp ? msp : "", last_label,
        r->partial ? " (partial)" : "");
    if (r->gate.nproblems) {
        add(&text, "\nDATA PROBLEM: the inputs look broken, so the numbers below may be wrong:\n");
        for (size_t i = 0; i < r->gate.nproblems; i++)
            add(&text, "  - %s\n", r->gate.problems[i]);
        add(&text, "\n");
    }
    if (r->partial) {
        char note[80];
        add(&text, "%s is partial (%s): its numbers are not final.\n", last_label,
            msc_report_coverage_note(r, last, note));
    }
    if (has_prev)
        add(&text, "The report covers %s to %s, by %s.\n", first_label, last_label,
            msc_period_kind_name(md->period_kind));

    const struct msc_row *team = score < 0 ? NULL : find(r, score, MSC_LEVEL_TEAM, -1, last);
    const struct msc_row *team_prev = score < 0 || !has_prev ? NULL
                                                             : find(r, score, MSC_LEVEL_TEAM, -1, prev);
    if (team) {
        add(&text, "\nTeam score: %.1f", team->value);
        if (team_prev) {
            add(&text, " (%s: %.1f, ", prev_label, team_prev->value);
            add_change(&text, team_prev->value, team->value);
            add(&text, ")");
        }
        add(&text, "\n");
    } else {
        add(&text, "\nTeam score: no data for %s\n", last_label);
    }

    size_t with_target = 0, missed = 0;
    for (size_t k = 0; k < msc_kpi_count; k++) {
        const struct msc_row *row = find(r, (int)k, MSC_LEVEL_TEAM, -1, last);
        if (!row || row->met < 0)
            continue;
        with_target++;
        if (row->met)
            continue;
        if (!missed++)
            add(&text, "\nTeam KPIs that missed their target in %s:\n", last_label);
        const struct msc_kpi_module *mod = msc_kpi_registry[k];
        format_value(mod->unit, row->value, v, sizeof v);
        format_value(mod->unit, row->target, t, sizeof t);
        add(&text, "  - %s: %s (target %s)\n", mod->name, v, t);
    }
    if (!with_target)
        add(&text, "\nNo team KPI with a target has data for %s.\n", last_label);
    else if (!missed)
        add(&text, "\nEvery team KPI with a target met it in %s.\n", last_label);

    /* Tech scores of the last period, best first, and the largest rise. */
    size_t ntech = 0;
    const struct msc_row **techs = NULL;
    if (score >= 0 && r->count) {
        techs = msc_malloc(r->count * sizeof *techs);
        if (!techs)
            text.nomem = 1;
        for (size_t i = 0; techs && i < r->count; i++) {
            const struct msc_row *row = &r->rows[i];
            if (row->kpi == score && row->level == MSC_LEVEL_TECH && row->period == last)
                techs[ntech++] = row;
        }
    }
    if (ntech) {
        tech_report = r;
        qsort(techs, ntech, sizeof *techs, by_score);
        add(&text, "\nTech scores in %s:\n", last_label);
        for (size_t i = 0; i < ntech; i++)
            add(&text, "  %5.1f  %s\n", techs[i]->value, msc_report_subject(r, techs[i]));
    }
    /* The previous period's scores by technician, found in one pass: a
     * search per technician made 50,000 of them take minutes. */
    size_t npeople = msc_names_count(&md->people);
    const struct msc_row **before_of = NULL;
    if (has_prev && ntech && !(before_of = msc_calloc(npeople + 1, sizeof *before_of)))
        text.nomem = 1;
    for (size_t i = 0; before_of && i < r->count; i++) {
        const struct msc_row *row = &r->rows[i];
        if (row->kpi == score && row->level == MSC_LEVEL_TECH && row->period == prev &&
            row->subject >= 0 && (size_t)row->subject < npeople && !before_of[row->subject])
            before_of[row->subject] = row;
    }
    if (before_of) {
        const struct msc_row *best = NULL, *best_prev = NULL;
        for (size_t i = 0; i < ntech; i++) {
            int who = techs[i]->subject;
            const struct msc_row *before = who >= 0 && (size_t)who < npeople ? before_of[who] : NULL;
            /* Sorted by score then name: the first of equal rises wins. */
            if (before && techs[i]->value - before->value > 0 &&
                (!best || techs[i]->value - before->value > best->value - best_prev->value))
                best = techs[i], best_prev = before;
        }
        if (best) {
            add(&text, "\nMost improved: %s, tech score %.1f in %s to %.1f in %s (",
                msc_report_subject(r, best), best_prev->value, prev_label, best->value, last_label);
            add_change(&text, best_prev->value, best->value);
            add(&text, ")\n");
        } else {
            add(&text, "\nMost improved: no technician's tech score rose from %s to %s\n",
                prev_label, last_label);
        }
    }
    free(before_of);
    free(techs);
    return finish(&text, out, err);
}

enum msc_status msc_mail_subject(const struct msc_report *r, const char *prefix, char **out,
                                 struct msc_error *err)
{
    const struct msc_model *md = r->model;
    const char *msp = md->settings && md->settings->msp_name[0] ? md->settings->msp_name : NULL;
    char last[24];
    struct text text = {0};
    msc_period_label(md->period_kind, md->last_period, last);
    add(&text, "%s%s%sTechnician scorecard %s%s%s%s", r->gate.nproblems ? "[data problem] " : "",
        prefix && *prefix ? prefix : "", prefix && *prefix ? " " : "", last,
        r->partial ? " (partial)" : "", msp ? " - " : "", msp ? msp : "");
    return finish(&text, out, err);
}
