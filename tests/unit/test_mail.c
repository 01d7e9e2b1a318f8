/*
 * test_mail.c: write/mail.h. Address and header checks, the MIME message
 * read back by a small independent decoder here, the summary text, and,
 * given the stand-in sendmail (tests/e2e/sendmail-stub.sh), the pipe to it.
 *
 * usage: test_mail [STUB]                  the checks; with STUB also sending
 *        test_mail --send COMMAND FILE     mails FILE through COMMAND with the
 *                                          fixed message tests/e2e/check_mail.py
 *                                          expects; exits with the msc_status
 */
#include "check.h"
#include "util/mem.h"
#include "kpi/registry.h"
#include "report/summary.h"
#include "write/mail.h"

#include <math.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

static char dir[] = "/tmp/msc-test-mail-XXXXXX";

/* 2026-05-01 06:00:00 UTC, a Friday. */
#define DATE 1777615200

static const char *const two[] = {"owner@example.com", "ops@example.net"};

/* The fixed message of --send; check_mail.py holds the same text. */
#define SEND_SUBJECT "Scorecard 2026-04 \xe2\x80\x93 M\xc3\xbcller IT GmbH, Z\xc3\xbcrich (\xe2\x82\xac)"
static char send_body[1024];

static void make_send_body(void)
{
    char digits[201];
    for (int i = 0; i < 200; i++)
        digits[i] = (char)('0' + i % 10);
    digits[200] = '\0';
    snprintf(send_body, sizeof send_body,
             "Technician scorecard for M\xc3\xbcller IT GmbH: 2026-04\n"
             "\n"
             "Team score: 78.4 (2026-03: 75.1, up 3.3)\n"
             "From here on, each line is a trap for mail software:\n"
             ".\n"
             "--=_msc_part_0--\n"
             "trailing spaces   \n"
             "tab\tand = signs == =?UTF-8?B?eA==?=\r\n"
             "%s\n"
             "no line end at the end",
             digits);
}

/* A path in the test folder; a ring of 32, more than a test holds at once. */
static char *path_in(const char *name)
{
    static char buf[32][512];
    static int next;
    char *p = buf[next++ % 32];
    snprintf(p, 512, "%s/%s", dir, name);
    return p;
}

static void write_bytes(const char *path, const unsigned char *b, size_t n)
{
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(b, 1, n, f) != n)
        abort();
    fclose(f);
}

/* The whole file, NUL-terminated; *n its length. */
static char *slurp(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long len = ftell(f);
    rewind(f);
    char *s = malloc((size_t)len + 1);
    if (fread(s, 1, (size_t)len, f) != (size_t)len)
        abort();
    s[len] = '\0';
    fclose(f);
    if (n)
        *n = (size_t)len;
    return s;
}

/* A file of every byte value in a pseudo-random order; n not a multiple of 3. */
static unsigned char *make_blob(const char *path, size_t n)
{
    unsigned char *b = malloc(n);
    unsigned x = 12345;
    for (size_t i = 0; i < n; i++) {
        x = x * 1103515245u + 12345u;
        b[i] = i < 256 ? (unsigned char)i : (unsigned char)(x >> 16);
    }
    write_bytes(path, b, n);
    return b;
}

/* ---- an independent reader ---- */

static int b64_value(int c)
{
    const char *digits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    const char *p = c ? strchr(digits, c) : NULL;
    return p ? (int)(p - digits) : -1;
}

/* Decodes base64 text (line ends skipped) into out; the length, or -1. */
static long b64_decode(const char *s, size_t n, unsigned char *out)
{
    long o = 0;
    unsigned acc = 0;
    int bits = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\n')
            continue;
        if (s[i] == '=')
            break;
        int v = b64_value(s[i]);
        if (v < 0)
            return -1;
        acc = acc << 6 | (unsigned)v;
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out[o++] = (unsigned char)(acc >> bits);
        }
    }
    return o;
}

static int hexval(int c)
{
    return c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

/* Decodes quoted-printable; NULL on a malformed escape. */
static char *qp_decode(const char *s, size_t n)
{
    char *out = malloc(n + 1);
    size_t o = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] != '=') {
            out[o++] = s[i];
        } else if (i + 1 < n && s[i + 1] == '\n') {
            i++; /* soft line break */
        } else if (i + 2 < n && hexval(s[i + 1]) >= 0 && hexval(s[i + 2]) >= 0) {
            out[o++] = (char)(hexval(s[i + 1]) * 16 + hexval(s[i + 2]));
            i += 2;
        } else {
            free(out);
            return NULL;
        }
    }
    out[o] = '\0';
    return out;
}

/* The value of header name in the header block hdr, unfolded (the line
 * breaks removed, nothing else), or NULL. */
static char *header(const char *hdr, const char *name)
{
    size_t nlen = strlen(name);
    for (const char *p = hdr; *p;) {
        size_t len = strcspn(p, "\n");
        if (strncasecmp(p, name, nlen) == 0 && p[nlen] == ':') {
            char *out = malloc(strlen(p) + 1);
            size_t o = 0;
            const char *v = p + nlen + 1;
            v += *v == ' ';
            for (;;) {
                size_t l = strcspn(v, "\n");
                memcpy(out + o, v, l);
                o += l;
                v += l;
                if (v[0] != '\n' || (v[1] != ' ' && v[1] != '\t'))
                    break;
                v++;
            }
            out[o] = '\0';
            return out;
        }
        p += len + (p[len] == '\n');
    }
    return NULL;
}

/* A subject of "=?UTF-8?B?...?=" words (the white space between them does
 * not count, RFC 2047 6.2) decoded; other text as it is. */
static char *decode_words(const char *s)
{
    char *out = malloc(strlen(s) + 1);
    size_t o = 0;
    if (strncmp(s, "=?UTF-8?B?", 10) != 0) {
        strcpy(out, s);
        return out;
    }
    for (const char *p = s; *p;) {
        p += strspn(p, " \t");
        const char *end = strncmp(p, "=?UTF-8?B?", 10) == 0 ? strstr(p + 10, "?=") : NULL;
        if (!end) {
            free(out);
            return NULL;
        }
        long n = b64_decode(p + 10, (size_t)(end - p - 10), (unsigned char *)out + o);
        o += n > 0 ? (size_t)n : 0;
        p = end + 2;
    }
    out[o] = '\0';
    return out;
}

static size_t longest_line(const char *s)
{
    size_t longest = 0;
    for (const char *p = s; *p;) {
        size_t len = strcspn(p, "\n");
        longest = len > longest ? len : longest;
        p += len + (p[len] == '\n');
    }
    return longest;
}

static size_t count(const char *s, const char *needle)
{
    size_t n = 0;
    for (const char *p = s; (p = strstr(p, needle)); p += strlen(needle))
        n++;
    return n;
}

/* Builds m into a file and returns the text (caller frees). */
static char *build(const struct msc_mail *m, enum msc_status *st, struct msc_error *err)
{
    const char *path = path_in("built.eml");
    FILE *f = fopen(path, "wb");
    *st = msc_mail_build(m, f, err);
    fclose(f);
    return slurp(path, NULL);
}

/* ---- the checks ---- */

static void test_addresses(void)
{
    static const char *const good[] = {
        "a@b.com", "first.last+tag@sub.example.co.uk", "root@localhost", "x@y",
        "o'brien@example.ie", "a-b_c!#$%&'*/=?^`{|}~@x-1.example",
    };
    static const char *const bad[] = {
        "", "a@b.com\nBcc: x@y", "x@y, z@w", "<a@b>", "Ann <a@b.com>", "a b@c.com", "a@",
        "@b.com", "a@@b.com", "a@b@c.com", ".a@b.com", "a.@b.com", "a..b@c.com", "a@b..com",
        "a@-b.com", "a@b-.com", "a@b_c.com", "\"q\"@b.com", "a@b.com\r", "\xc3\xa4@b.com",
        "a@b.com;c@d.com", "a@b.com\tx", "a\x01@b.com", "a(c)@b.com", "nodomain",
        "a@b.com.", "a@.b.com",
        "01234567890123456789012345678901234567890123456789012345678901234@b.com",
    };
    struct msc_error err = {0};
    for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
        enum msc_status st = msc_mail_validate_address(good[i], &err);
        CHECK(st == MSC_OK);
        if (st != MSC_OK)
            fprintf(stderr, "  %s\n", err.msg);
    }
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        err.msg[0] = '\0';
        CHECK(msc_mail_validate_address(bad[i], &err) == MSC_ERR_USAGE);
        CHECK(strncmp(err.msg, "mail address '", 14) == 0);
        CHECK(!strpbrk(err.msg, "\r\n")); /* the message itself is one line */
    }
    CHECK(msc_mail_validate_address(NULL, &err) == MSC_ERR_USAGE);
    msc_mail_validate_address("a@b.com\nBcc: x@y", &err);
    CHECK(strstr(err.msg, "'a@b.com\\nBcc: x@y'") && strstr(err.msg, "line break"));
    msc_mail_validate_address("x@y, z@w", &err);
    CHECK(strstr(err.msg, "'x@y, z@w'") != NULL);
    msc_mail_validate_address("<a@b>", &err);
    CHECK(strstr(err.msg, "angle bracket") != NULL);
    msc_mail_validate_address("", &err);
    CHECK(strcmp(err.msg, "mail address '' is empty") == 0);
}

static void test_lists(void)
{
    struct msc_mail_list l;
    struct msc_error err = {0};
    msc_mail_list_init(&l);
    CHECK(msc_mail_list_add(&l, "owner@example.com", &err) == MSC_OK);
    CHECK(msc_mail_list_add(&l, " a@x.com ,b@y.org\t", &err) == MSC_OK);
    CHECK(l.count == 3 && strcmp(l.addr[1], "a@x.com") == 0 && strcmp(l.addr[2], "b@y.org") == 0);
    CHECK(msc_mail_list_add(&l, "c@x.com,,d@x.com", &err) == MSC_ERR_USAGE);
    CHECK(strstr(err.msg, "empty item") != NULL);
    CHECK(msc_mail_list_add(&l, "c@x.com, Ann <d@x.com>", &err) == MSC_ERR_USAGE);
    CHECK(msc_mail_list_add(&l, "", &err) == MSC_ERR_USAGE);
    CHECK(l.count == 3); /* nothing appended from a list with a fault */
    msc_mail_list_release(&l);

    /* Every allocation failing in turn: an error, never a crash or a leak. */
    for (long n = 0; n < 8; n++) {
        msc_mail_list_init(&l);
        msc_mem_fail_after(n);
        enum msc_status st = msc_mail_list_add(&l, "a@x.com, b@x.com, c@x.com", &err);
        msc_mem_fail_after(-1);
        CHECK(st == MSC_OK || (st == MSC_ERR_NOMEM && l.count == 0));
        msc_mail_list_release(&l);
    }
}

static void test_injection(void)
{
    const char *att = path_in("report.xlsx");
    unsigned char one = 'x';
    write_bytes(att, &one, 1);
    struct msc_error err = {0};
    enum msc_status st;
    const char *const bad_to[] = {"ok@example.com", "a@b.com\nBcc: x@y"};
    struct msc_mail base = {.to = two, .nto = 2, .subject = "Scorecard", .body = "hi\n",
                            .attachment_path = att, .date = DATE};
    struct msc_mail m;
    char *out;

    m = base;
    m.subject = "Scorecard\r\nBcc: evil@example.com";
    out = build(&m, &st, &err);
    CHECK(st == MSC_ERR_USAGE && strstr(err.msg, "subject") && strstr(err.msg, "line break"));
    CHECK(out && !*out); /* nothing written before the checks pass */
    free(out);

    m = base;
    m.subject = "Scorecard\nBcc: evil@example.com";
    CHECK(msc_mail_validate(&m, &err) == MSC_ERR_USAGE);
    m.subject = "Scorecard\rBcc: evil@example.com";
    CHECK(msc_mail_validate(&m, &err) == MSC_ERR_USAGE);
    m.subject = "bad UTF-8 \xc3\x28";
    CHECK(msc_mail_validate(&m, &err) == MSC_ERR_USAGE && strstr(err.msg, "UTF-8"));

    m = base;
    m.to = bad_to;
    CHECK(msc_mail_validate(&m, &err) == MSC_ERR_USAGE && strstr(err.msg, "a@b.com\\nBcc"));
    m = base;
    m.nto = 0;
    CHECK(msc_mail_validate(&m, &err) == MSC_ERR_USAGE && strstr(err.msg, "no recipient"));
    m = base;
    m.from = "me@example.com\nBcc: x@y";
    CHECK(msc_mail_validate(&m, &err) == MSC_ERR_USAGE);
    m = base;
    m.attachment_name = "report.xlsx\"\nBcc: x@y";
    CHECK(msc_mail_validate(&m, &err) == MSC_ERR_USAGE && strstr(err.msg, "attachment name"));
    m.attachment_name = "../report.xlsx";
    CHECK(msc_mail_validate(&m, &err) == MSC_ERR_USAGE);
    m.attachment_name = "";
    CHECK(msc_mail_validate(&m, &err) == MSC_ERR_USAGE);
    m = base;
    m.attachment_type = "text/plain\nBcc: x@y";
    CHECK(msc_mail_validate(&m, &err) == MSC_ERR_USAGE);
    m = base;
    m.sendmail = " \t ";
    CHECK(msc_mail_validate(&m, &err) == MSC_ERR_USAGE && strstr(err.msg, "empty"));
    m.sendmail = NULL;
    CHECK(msc_mail_validate(&m, &err) == MSC_OK);
    m = base;
    m.attachment_path = path_in("missing.xlsx");
    out = build(&m, &st, &err);
    CHECK(st == MSC_ERR_MAIL && strstr(err.msg, "cannot read attachment") && strstr(err.msg, "missing.xlsx"));
    free(out);
}

/* The message read back: headers, boundary, both parts decoded. */
static void test_build(void)
{
    const size_t n = 10000; /* 10000 % 57 and % 3 are not 0 */
    const char *att = path_in("scorecard-2026-04.xlsx");
    unsigned char *blob = make_blob(att, n);
    struct msc_error err = {0};
    enum msc_status st;
    const char *const one[] = {"a@example.com"};
    struct msc_mail m = {.to = two, .nto = 2, .from = "scorecard@example.com",
                         .subject = SEND_SUBJECT, .body = send_body,
                         .attachment_path = att, .date = DATE};
    char *msg = build(&m, &st, &err);
    CHECK(st == MSC_OK);
    if (!msg || st != MSC_OK) {
        free(msg);
        free(blob);
        return;
    }
    CHECK(!strchr(msg, '\r'));   /* LF line ends for a local sendmail */
    /* RFC 5322 recommends 78; the xlsx Content-Type line alone is 80, as
     * every mailer writes it. The hard limit is 998. */
    CHECK(longest_line(msg) <= 80);
    char *split = strstr(msg, "\n\n");
    CHECK(split != NULL);
    if (!split)
        return;
    *split = '\0';
    const char *hdr = msg, *rest = split + 2;

    char *v;
    CHECK((v = header(hdr, "To")) && strcmp(v, "owner@example.com, ops@example.net") == 0);
    free(v);
    CHECK((v = header(hdr, "From")) && strcmp(v, "scorecard@example.com") == 0);
    free(v);
    CHECK((v = header(hdr, "Date")) && strcmp(v, "Fri, 01 May 2026 06:00:00 +0000") == 0);
    free(v);
    CHECK((v = header(hdr, "MIME-Version")) && strcmp(v, "1.0") == 0);
    free(v);
    CHECK((v = header(hdr, "Auto-Submitted")) && strcmp(v, "auto-generated") == 0);
    free(v);
    v = header(hdr, "Subject");
    CHECK(v && strncmp(v, "=?UTF-8?B?", 10) == 0 && count(v, "=?UTF-8?B?") >= 2);
    char *subject = v ? decode_words(v) : NULL;
    CHECK(subject && strcmp(subject, SEND_SUBJECT) == 0);
    free(subject);
    free(v);
    v = header(hdr, "Content-Type");
    CHECK(v && strcmp(v, "multipart/mixed; boundary=\"=_msc_part_0\"") == 0);
    free(v);

    /* Two delimiters and the close, each at a line start and nowhere else. */
    CHECK(count(rest, "=_msc_part_0") == 3);
    CHECK(count(rest, "\n--=_msc_part_0\n") == 2 && count(rest, "\n--=_msc_part_0--\n") == 1);
    const char *p1 = strstr(rest, "--=_msc_part_0\n");
    const char *p2 = p1 ? strstr(p1 + 1, "\n--=_msc_part_0\n") : NULL;
    const char *end = p2 ? strstr(p2 + 1, "\n--=_msc_part_0--\n") : NULL;
    CHECK(p1 && p2 && end);
    if (!end)
        goto done;

    /* Part 1: the body, quoted-printable, every line at most 76. */
    p1 += strlen("--=_msc_part_0\n");
    const char *body = strstr(p1, "\n\n");
    CHECK(body && body < p2);
    CHECK(strstr(p1, "Content-Type: text/plain; charset=UTF-8\n") == p1);
    CHECK(strstr(p1, "Content-Transfer-Encoding: quoted-printable\n") < body);
    body += 2;
    char *qp = malloc((size_t)(p2 - body) + 1);
    memcpy(qp, body, (size_t)(p2 - body));
    qp[p2 - body] = '\0';
    CHECK(longest_line(qp) <= 76);
    CHECK(!strstr(qp, " \n") && !strstr(qp, "\t\n")); /* no trailing white space */
    CHECK(!strstr(qp, "\n.") && !strstr(qp, "\nFrom ")); /* nothing sendmail or mbox alter */
    char *text = qp_decode(qp, strlen(qp));
    /* Line ends come back as LF: CRLF in the body is a line end too. */
    char want[sizeof send_body];
    size_t w = 0;
    for (const char *s = send_body; *s; s++)
        if (!(s[0] == '\r' && s[1] == '\n'))
            want[w++] = *s;
    want[w] = '\0';
    CHECK(text && strcmp(text, want) == 0);
    free(text);
    free(qp);

    /* Part 2: the attachment, base64 in lines of exactly 76 but the last. */
    p2 += strlen("\n--=_msc_part_0\n");
    const char *data = strstr(p2, "\n\n");
    CHECK(data && data < end);
    CHECK(strstr(p2, "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet;\n"
                     " name=\"scorecard-2026-04.xlsx\"\n") == p2);
    CHECK(strstr(p2, "Content-Disposition: attachment;\n filename=\"scorecard-2026-04.xlsx\"\n") < data);
    CHECK(strstr(p2, "Content-Transfer-Encoding: base64\n") < data);
    data += 2;
    size_t lines = 0, bad = 0;
    for (const char *p = data; p < end + 1;) {
        size_t len = strcspn(p, "\n");
        lines++;
        bad += len > 76 || (len != 76 && p + len + 1 < end + 1) || len % 4;
        p += len + 1;
    }
    CHECK(lines == (n + 56) / 57 && bad == 0);
    unsigned char *decoded = malloc(n + 8);
    long got = b64_decode(data, (size_t)(end + 1 - data), decoded);
    CHECK(got == (long)n && memcmp(decoded, blob, n) == 0);
    free(decoded);
    CHECK(strcmp(end, "\n--=_msc_part_0--\n") == 0);

done:
    free(msg);
    free(blob);

    /* No attachment: a single text/plain part. */
    m = (struct msc_mail){.to = one, .nto = 1, .subject = "Plain", .body = "one line", .date = 0};
    msg = build(&m, &st, &err);
    CHECK(st == MSC_OK && msg);
    if (msg) {
        CHECK(!strstr(msg, "multipart") && !strstr(msg, "From:"));
        CHECK(strstr(msg, "To: a@example.com\nSubject: Plain\nDate: Thu, 01 Jan 1970 00:00:00 +0000\n"));
        CHECK(strstr(msg, "Content-Type: text/plain; charset=UTF-8\n"));
        split = strstr(msg, "\n\n");
        CHECK(split && strcmp(split, "\n\none line\n") == 0);
    }
    free(msg);
}

static void test_headers(void)
{
    struct msc_error err = {0};
    enum msc_status st;
    char subject[400] = "";
    /* A long ASCII subject is folded at spaces and unfolds to itself. */
    for (int i = 0; i < 30; i++)
        strcat(subject, i ? " word" : "Scorecard");
    strcat(subject, " a=b");
    const char *to[12];
    char addrs[12][40];
    for (int i = 0; i < 12; i++) {
        snprintf(addrs[i], sizeof addrs[i], "person%02d@example.com", i);
        to[i] = addrs[i];
    }
    const char *att = path_in("M\xc3\xbcller \"Q1\".xlsx");
    unsigned char b = 0;
    write_bytes(att, &b, 1);
    struct msc_mail m = {.to = to, .nto = 12, .subject = subject, .body = "", .attachment_path = att,
                         .date = DATE};
    char *msg = build(&m, &st, &err);
    CHECK(st == MSC_OK && msg);
    if (!msg)
        return;
    CHECK(longest_line(msg) <= 80);
    char *split = strstr(msg, "\n\n");
    *split = '\0';
    CHECK(longest_line(msg) <= 78); /* To and Subject folded */
    char *v = header(msg, "Subject");
    CHECK(v && strcmp(v, subject) == 0 && count(msg, "\n word") >= 1);
    free(v);
    v = header(msg, "To");
    CHECK(v && count(v, "@example.com") == 12 && strncmp(v, "person00@example.com, person01", 30) == 0);
    free(v);
    *split = '\n';
    /* A non-ASCII file name takes RFC 2231's form. */
    CHECK(strstr(msg, "filename*=UTF-8''M%C3%BCller%20%22Q1%22.xlsx") != NULL);
    free(msg);

    /* "=?" in plain text is encoded, so that no reader decodes it. */
    const char *const one[] = {"a@example.com"};
    m = (struct msc_mail){.to = one, .nto = 1, .subject = "=?UTF-8?B?eA==?=", .date = DATE};
    msg = build(&m, &st, &err);
    CHECK(st == MSC_OK && msg && !strstr(msg, "Subject: =?UTF-8?B?eA==?=\n"));
    v = msg ? header(msg, "Subject") : NULL;
    char *decoded = v ? decode_words(v) : NULL;
    CHECK(decoded && strcmp(decoded, "=?UTF-8?B?eA==?=") == 0);
    free(decoded);
    free(v);
    free(msg);
}

/* ---- the summary, on a report made by hand ---- */

static struct msc_kpis kpis;

static void add_row(struct msc_report *r, const char *kpi, enum msc_level level, int subject,
                    int64_t period, double value, double target, int met)
{
    if (msc_grow(&r->rows, &r->cap, r->count + 1, sizeof *r->rows) < 0)
        abort();
    r->rows[r->count++] = (struct msc_row){.kpi = msc_kpis_find(&kpis, kpi), .level = level,
                                           .subject = subject, .period = period, .value = value,
                                           .target = target, .met = met};
}

static void test_summary(void)
{
    struct msc_settings s;
    struct msc_model md;
    struct msc_report r;
    struct msc_error err = {0};
    char *text = NULL;
    msc_settings_init(&s);
    snprintf(s.msp_name, sizeof s.msp_name, "Contoso MSP");
    msc_model_init(&md, &s, MSC_PERIOD_MONTH);
    int ann = msc_model_person(&md, "Ann Lee"), bob = msc_model_person(&md, "Bob Ng"),
        cy = msc_model_person(&md, "Cy Ko");
    int64_t apr = 2026 * 12 + 3, mar = apr - 1;
    md.first_period = apr - 11;
    md.last_period = apr;
    msc_kpis_init(&kpis);
    CHECK(msc_report_init(&r, &md, &kpis, &err) == MSC_OK);
    add_row(&r, "tech_score", MSC_LEVEL_TEAM, -1, mar, 75.12, NAN, -1);
    add_row(&r, "tech_score", MSC_LEVEL_TEAM, -1, apr, 78.44, NAN, -1);
    add_row(&r, "tech_score", MSC_LEVEL_TECH, ann, mar, 60, NAN, -1);
    add_row(&r, "tech_score", MSC_LEVEL_TECH, ann, apr, 70, NAN, -1);
    add_row(&r, "tech_score", MSC_LEVEL_TECH, bob, mar, 90, NAN, -1);
    add_row(&r, "tech_score", MSC_LEVEL_TECH, bob, apr, 85, NAN, -1);
    add_row(&r, "tech_score", MSC_LEVEL_TECH, cy, apr, 99, NAN, -1); /* new: no rise */
    add_row(&r, "sla_triage", MSC_LEVEL_TEAM, -1, apr, 0.92, 0.97, 0);
    add_row(&r, "mttr", MSC_LEVEL_TEAM, -1, apr, 6.3333, 5, 0);
    add_row(&r, "utilization", MSC_LEVEL_TEAM, -1, apr, 0.85, 0.8, 1);
    add_row(&r, "sla_triage", MSC_LEVEL_TEAM, -1, mar, 0.5, 0.97, 0); /* not the last period */
    add_row(&r, "fcr", MSC_LEVEL_TECH, bob, apr, 0.1, 0.7, 0);        /* not the team */
    msc_report_sort(&r);

    CHECK(msc_report_summary(&r, &text, &err) == MSC_OK && text);
    const char *want =
        "Technician scorecard for Contoso MSP: 2026-04\n"
        "The report covers 2025-05 to 2026-04, by month.\n"
        "\n"
        "Team score: 78.4 (2026-03: 75.1, up 3.3); KPIs on target: 1 of 2\n"
        "\n"
        "Team KPIs that missed their target in 2026-04:\n"
        "  - SLA: Triage (first response): 92.0% (target 97.0%)\n"
        "  - Mean Time to Resolution: 6.33 h (target 5.00 h)\n"
        "\n"
        "Tech scores in 2026-04:\n"
        "   99.0  Cy Ko\n"
        "   85.0  Bob Ng\n"
        "   70.0  Ann Lee\n"
        "\n"
        "Most improved: Ann Lee, tech score 60.0 in 2026-03 to 70.0 in 2026-04 (up 10.0)\n"
        "Declined most: Bob Ng, tech score 90.0 in 2026-03 to 85.0 in 2026-04 (down 5.0)\n";
    CHECK(text && strcmp(text, want) == 0);
    if (text && strcmp(text, want) != 0)
        fprintf(stderr, "got:\n%s", text);
    free(text);

    CHECK(msc_report_mail_subject(&r, "[MSP]", &text, &err) == MSC_OK && text &&
          strcmp(text, "[MSP] Technician scorecard 2026-04 - Contoso MSP") == 0);
    free(text);

    /* Every allocation failing in turn. */
    for (long n = 0; n < 12; n++) {
        msc_mem_fail_after(n);
        enum msc_status st = msc_report_summary(&r, &text, &err);
        msc_mem_fail_after(-1);
        CHECK((st == MSC_OK && text) || (st == MSC_ERR_NOMEM && !text));
        free(text);
    }

    /* One period, no targets met or missed, no name. */
    s.msp_name[0] = '\0';
    md.first_period = apr;
    r.count = 0;
    add_row(&r, "utilization", MSC_LEVEL_TEAM, -1, apr, 0.85, 0.8, 1);
    msc_report_sort(&r);
    CHECK(msc_report_summary(&r, &text, &err) == MSC_OK && text);
    CHECK(text && strcmp(text, "Technician scorecard: 2026-04\n\nTeam score: no data for 2026-04\n\n"
                               "Every team KPI with a target met it in 2026-04.\n") == 0);
    free(text);
    CHECK(msc_report_mail_subject(&r, NULL, &text, &err) == MSC_OK && text &&
          strcmp(text, "Technician scorecard 2026-04") == 0);
    free(text);

    msc_report_release(&r);
    msc_model_release(&md);
    msc_settings_release(&s);
}

/* Many technicians (issue 17: a linear search per technician for last
 * period's score took minutes at 50,000): the previous scores sit after
 * all the current ones, the worst place for a search from the start. The
 * test's TIMEOUT (tests/CMakeLists.txt) is the guard. */
static void test_summary_many(void)
{
    enum { N = 300000 };
    struct msc_settings s;
    struct msc_model md;
    struct msc_report r;
    struct msc_error err = {0};
    char *text = NULL, name[32];
    msc_settings_init(&s);
    msc_model_init(&md, &s, MSC_PERIOD_MONTH);
    int64_t apr = 2026 * 12 + 3, mar = apr - 1;
    md.first_period = mar;
    md.last_period = apr;
    msc_kpis_init(&kpis);
    CHECK(msc_report_init(&r, &md, &kpis, &err) == MSC_OK);
    for (int pass = 0; pass < 2; pass++)
        for (int i = 0; i < N; i++) {
            snprintf(name, sizeof name, "Tech %06d", i);
            int who = msc_model_person(&md, name);
            /* Tech 123456 rises most: 10 points. */
            add_row(&r, "tech_score", MSC_LEVEL_TECH, who, pass ? mar : apr,
                    pass ? 50.0 : 50.0 + (i == 123456 ? 10 : i % 7), NAN, -1);
        }
    msc_report_sort(&r);
    CHECK(msc_report_summary(&r, &text, &err) == MSC_OK && text);
    CHECK(text && strstr(text, "Most improved: Tech 123456, tech score 50.0 in 2026-03 to 60.0 in "
                               "2026-04 (up 10.0)\n"));
    free(text);
    msc_report_release(&r);
    msc_model_release(&md);
    msc_settings_release(&s);
}

/* ---- sending, through the stand-in ---- */

static void test_send(const char *stub)
{
    char cmd[1024], failing[1100];
    const char *mailbox = path_in("mailbox");
    const char *att = path_in("send.xlsx");
    const char *big = path_in("big.xlsx");
    unsigned char *blob = make_blob(att, 5000);
    free(make_blob(big, 4 << 20)); /* far more than a pipe holds */
    struct msc_error err = {0};
    enum msc_status st;
    snprintf(cmd, sizeof cmd, "/bin/sh %s -t -i", stub);
    setenv("MAILBOX", mailbox, 1);
    unsetenv("SENDMAIL_EXIT");
    struct msc_mail m = {.to = two, .nto = 2, .from = "scorecard@example.com",
                         .subject = SEND_SUBJECT, .body = send_body, .attachment_path = att,
                         .sendmail = cmd, .date = DATE};

    struct sigaction before, after;
    sigaction(SIGPIPE, NULL, &before);
    st = msc_mail_send(&m, &err);
    CHECK(st == MSC_OK);
    if (st != MSC_OK)
        fprintf(stderr, "  %s\n", err.msg);
    /* What sendmail got is exactly what msc_mail_build writes. */
    enum msc_status bst;
    char *sent = slurp(mailbox, NULL), *built = build(&m, &bst, &err);
    CHECK(sent && built && strcmp(sent, built) == 0);
    free(sent);
    free(built);
    char *args = slurp(path_in("mailbox.args"), NULL);
    CHECK(args && strcmp(args, "-t\n-i\n") == 0);
    free(args);

    /* The stand-in run directly, when it is executable. */
    if (access(stub, X_OK) == 0) {
        m.sendmail = stub;
        unlink(mailbox);
        CHECK(msc_mail_send(&m, &err) == MSC_OK && access(mailbox, F_OK) == 0);
    }

    /* Called with stdin, then stdin and stderr, closed (as a daemon may be):
     * the pipe to sendmail then is fd 0, and its write end fd 2. */
    struct msc_mail text_only = {.to = two, .nto = 1, .subject = "closed", .body = "fd test\n",
                                 .sendmail = cmd, .date = DATE};
    for (int closed_stderr = 0; closed_stderr < 2; closed_stderr++) {
        int saved_in = dup(STDIN_FILENO), saved_err = dup(STDERR_FILENO);
        unlink(mailbox);
        close(STDIN_FILENO);
        if (closed_stderr)
            close(STDERR_FILENO);
        st = msc_mail_send(&text_only, &err);
        dup2(saved_in, STDIN_FILENO);
        dup2(saved_err, STDERR_FILENO);
        close(saved_in);
        close(saved_err);
        CHECK(st == MSC_OK);
        sent = slurp(mailbox, NULL);
        CHECK(sent && strstr(sent, "\n\nfd test\n"));
        free(sent);
    }

    /* A failing sendmail: MSC_ERR_MAIL naming the command and the status. */
    m.sendmail = cmd;
    setenv("SENDMAIL_EXIT", "75", 1);
    st = msc_mail_send(&m, &err);
    CHECK(st == MSC_ERR_MAIL);
    snprintf(failing, sizeof failing, "sendmail command '%s' exited with status 75", cmd);
    CHECK(strcmp(err.msg, failing) == 0);
    unsetenv("SENDMAIL_EXIT");

    /* A command that does not exist. */
    m.sendmail = "/nonexistent/sendmail -t -i";
    st = msc_mail_send(&m, &err);
    CHECK(st == MSC_ERR_MAIL && strcmp(err.msg, "cannot run sendmail command "
                                                "'/nonexistent/sendmail -t -i': No such file or "
                                                "directory") == 0);

    /* Commands that quit without reading a large message: an error, not
     * death by SIGPIPE, and SIGPIPE as it was afterwards. */
    m.attachment_path = big;
    m.sendmail = "false";
    st = msc_mail_send(&m, &err);
    CHECK(st == MSC_ERR_MAIL && strcmp(err.msg, "sendmail command 'false' exited with status 1") == 0);
    m.sendmail = "true";
    st = msc_mail_send(&m, &err);
    CHECK(st == MSC_ERR_MAIL && strstr(err.msg, "sendmail command 'true' exited before reading"));
    sigaction(SIGPIPE, NULL, &after);
    CHECK(before.sa_handler == after.sa_handler);

    /* An attachment that cannot be read: sendmail never runs. */
    unlink(mailbox);
    m.sendmail = cmd;
    m.attachment_path = path_in("missing.xlsx");
    st = msc_mail_send(&m, &err);
    CHECK(st == MSC_ERR_MAIL && strstr(err.msg, "cannot read attachment"));
    CHECK(access(mailbox, F_OK) != 0);

    /* Bad input never reaches sendmail either. */
    m.attachment_path = att;
    m.subject = "x\nBcc: y@z";
    CHECK(msc_mail_send(&m, &err) == MSC_ERR_USAGE && access(mailbox, F_OK) != 0);
    free(blob);
}

/* The fixed message, for tests/e2e/mail.sh and check_mail.py. */
static int send_fixed(const char *command, const char *file)
{
    struct msc_error err = {0};
    struct msc_mail m = {.to = two, .nto = 2, .from = "scorecard@example.com",
                         .subject = SEND_SUBJECT, .body = send_body, .attachment_path = file,
                         .attachment_name = "scorecard-2026-04.xlsx", .sendmail = command,
                         .date = DATE};
    enum msc_status st = msc_mail_send(&m, &err);
    if (st != MSC_OK)
        fprintf(stderr, "test_mail: %s\n", err.msg);
    return (int)st;
}

static void cleanup(void)
{
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        fprintf(stderr, "test_mail: could not remove %s\n", dir);
}

int main(int argc, char **argv)
{
    make_send_body();
    if (argc == 4 && strcmp(argv[1], "--send") == 0)
        return send_fixed(argv[2], argv[3]);
    if (!mkdtemp(dir))
        return 1;
    test_addresses();
    test_lists();
    test_injection();
    test_build();
    test_headers();
    test_summary();
    test_summary_many();
    if (argc > 1)
        test_send(argv[1]);
    cleanup();
    return check_report("test_mail");
}
