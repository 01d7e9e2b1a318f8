/* field.c: typed values from one CSV cell (date-time, number, boolean, rating). */
#include "read/field.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static int is_ws(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

/* Our own ASCII tests: <ctype.h> answers per locale. */
static int is_digit(char c) { return c >= '0' && c <= '9'; }

static char lower(char c) { return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c; }

static const char *skip_ws(const char *p)
{
    while (is_ws((unsigned char)*p))
        p++;
    return p;
}

/* The cell without surrounding white space: start in *start, length returned. */
static size_t trim(const char *s, const char **start)
{
    const char *e;
    s = skip_ws(s);
    for (e = s; *e; e++)
        ;
    while (e > s && is_ws((unsigned char)e[-1]))
        e--;
    *start = s;
    return (size_t)(e - s);
}

/* Case-insensitive match of the span s[0..n) against one of the NULL-ended words. */
static int word_in(const char *s, size_t n, const char *const *words)
{
    for (; *words; words++) {
        const char *w = *words;
        size_t i = 0;
        while (i < n && w[i] && lower(s[i]) == w[i])
            i++;
        if (i == n && !w[i])
            return 1;
    }
    return 0;
}

/* Reads min..max digits at *p (at most 4, so no overflow); the caller's next
 * expectation rejects any digits left over. */
static int read_num(const char **p, int min, int max, int *val)
{
    int n = 0, v = 0;
    while (n < max && is_digit((*p)[n])) {
        v = v * 10 + ((*p)[n] - '0');
        n++;
    }
    if (n < min)
        return 0;
    *p += n;
    *val = v;
    return 1;
}


/* Date part: a 4-digit year first (always y-m-d), or a 4-digit year last with
 * the order rule (dots: always day first). Both separators must be the
 * same one of - / . */
static int parse_date(const char **pp, enum msc_date_order order, int *y, int *m, int *d,
                      int *year_first)
{
    const char *p = *pp, *start = p;
    int a, b;
    char sep;
    if (!read_num(&p, 1, 4, &a) || p - start == 3)
        return 0;
    *year_first = p - start == 4;
    sep = *p;
    if (sep != '-' && sep != '/' && sep != '.')
        return 0;
    p++;
    if (*year_first) {
        *y = a;
        if (!read_num(&p, 1, 2, m) || *p++ != sep || !read_num(&p, 1, 2, d))
            return 0;
    } else {
        if (!read_num(&p, 1, 2, &b) || *p++ != sep || !read_num(&p, 4, 4, y))
            return 0;
        int day_first = order == MSC_DATE_DMY || sep == '.';
        *m = day_first ? b : a;
        *d = day_first ? a : b;
    }
    *pp = p;
    return *y >= 1 && *y <= 9999 && *d >= 1 && *d <= msc_days_in_month(*y, *m);
}

/* Z, +HH, +HHMM or +HH:MM into *off (seconds east of UTC). Returns 0 when
 * there is no zone, -1 when it is malformed. */
static int parse_zone(const char **pp, int *off)
{
    const char *p = *pp;
    int hh, mm = 0, sign = *p == '-' ? -1 : 1;
    if (*p == 'Z' || *p == 'z') {
        *off = 0;
        *pp = p + 1;
        return 1;
    }
    if (*p != '+' && *p != '-')
        return 0;
    p++;
    if (!read_num(&p, 2, 2, &hh))
        return -1;
    if (*p == ':' || is_digit(*p)) {
        p += *p == ':';
        if (!read_num(&p, 2, 2, &mm))
            return -1;
    }
    if (hh > 23 || mm > 59)
        return -1;
    *off = sign * (hh * 3600 + mm * 60);
    *pp = p;
    return 1;
}

/* H[H]:MM[:SS[.fff]] then AM/PM (white space optional) or a zone. On return
 * *zone is 1 when a zone was read into *off. */
static int parse_time(const char **pp, int *h, int *mi, int *sec, int *zone, int *off)
{
    const char *p = *pp, *q;
    if (!read_num(&p, 1, 2, h) || *p++ != ':' || !read_num(&p, 2, 2, mi))
        return 0;
    if (*p == ':') {
        p++;
        if (!read_num(&p, 2, 2, sec))
            return 0;
        if (*p == '.' && is_digit(p[1])) /* fraction: dropped */
            for (p++; is_digit(*p); p++)
                ;
    }
    q = skip_ws(p);
    if ((lower(q[0]) == 'a' || lower(q[0]) == 'p') && lower(q[1]) == 'm') {
        if (*h < 1 || *h > 12)
            return 0;
        *h = *h % 12 + (lower(q[0]) == 'p' ? 12 : 0);
        p = q + 2;
    } else if ((*zone = parse_zone(&p, off)) < 0) {
        return 0;
    }
    *pp = p;
    return *h <= 23 && *mi <= 59 && *sec <= 59;
}

/* A UTC instant as local wall-clock seconds in the zone-less calendar. */
static int utc_to_local(int64_t utc, int64_t *out)
{
    time_t tt = (time_t)utc;
    struct tm tm;
    if ((int64_t)tt != utc || !localtime_r(&tt, &tm))
        return 0;
    if (tm.tm_year < 1 - 1900 || tm.tm_year > 9999 - 1900)
        return 0;
    *out = msc_days_from_civil(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday) * 86400 +
           tm.tm_hour * 3600 + tm.tm_min * 60 + tm.tm_sec;
    return 1;
}

/* Two digits at p, or -1. */
static int two(const char *p) { return is_digit(p[0]) && is_digit(p[1]) ? (p[0] - '0') * 10 + p[1] - '0' : -1; }

/* The form nearly every export uses, "2026-03-04 13:22[:05]", without the
 * general parser's detours; 0 when s is not exactly that form. */
static int fast_datetime(const char *s, int64_t *out)
{
    int c, yy, m, d, h, mi, sec = 0;
    /* Each test stops at the first mismatch, so no read passes the NUL. */
    if ((c = two(s)) < 0 || (yy = two(s + 2)) < 0 || s[4] != '-' || (m = two(s + 5)) < 1 || m > 12 || s[7] != '-' ||
        (d = two(s + 8)) < 1 || s[10] != ' ' || (h = two(s + 11)) < 0 || h > 23 || s[13] != ':' ||
        (mi = two(s + 14)) < 0 || mi > 59)
        return 0;
    if (s[16] == ':') {
        if ((sec = two(s + 17)) < 0 || sec > 59 || s[19])
            return 0;
    } else if (s[16]) {
        return 0;
    }
    int y = c * 100 + yy;
    if (y < 1 || d > msc_days_in_month(y, m))
        return 0;
    *out = msc_days_from_civil(y, m, d) * 86400 + h * 3600 + mi * 60 + sec;
    return 1;
}

int msc_parse_datetime(const char *s, enum msc_date_order order, int64_t *out)
{
    if (fast_datetime(s, out))
        return MSC_FIELD_OK;
    const char *p = skip_ws(s), *q;
    int y, m, d, year_first, h = 0, mi = 0, sec = 0, zone = 0, off = 0;
    int64_t t;
    if (!*p)
        return MSC_FIELD_EMPTY;
    if (!parse_date(&p, order, &y, &m, &d, &year_first))
        return MSC_FIELD_BAD;
    q = skip_ws(p);
    if (*q) {
        /* A time follows white space, or a 'T' after a year-first date. */
        if (year_first && *p == 'T')
            q = p + 1;
        else if (q == p)
            return MSC_FIELD_BAD;
        p = q;
        if (!parse_time(&p, &h, &mi, &sec, &zone, &off))
            return MSC_FIELD_BAD;
    }
    if (*skip_ws(p))
        return MSC_FIELD_BAD;
    t = msc_days_from_civil(y, m, d) * 86400 + h * 3600 + mi * 60 + sec;
    if (zone && !utc_to_local(t - off, &t))
        return MSC_FIELD_BAD;
    *out = t;
    return MSC_FIELD_OK;
}

enum msc_date_vote msc_date_vote(const char *s)
{
    const char *p = skip_ws(s), *q = p;
    int a, b;
    /* At most two digits first: a year-first date fails at its third. */
    if (!read_num(&q, 1, 2, &a) || (*q != '/' && *q != '-'))
        return MSC_VOTE_NONE;
    q++;
    if (!read_num(&q, 1, 2, &b))
        return MSC_VOTE_NONE;
    /* Days 1..12 are in every month, so a date whose two numbers are both
     * at most 12 reads both ways or neither: one parse tells each case. */
    int64_t t;
    if (a > 12 && b > 12)
        return MSC_VOTE_NONE;
    if (a > 12)
        return msc_parse_datetime(p, MSC_DATE_DMY, &t) == MSC_FIELD_OK ? MSC_VOTE_DAY_FIRST : MSC_VOTE_NONE;
    if (b > 12)
        return msc_parse_datetime(p, MSC_DATE_MDY, &t) == MSC_FIELD_OK ? MSC_VOTE_MONTH_FIRST : MSC_VOTE_NONE;
    return msc_parse_datetime(p, MSC_DATE_MDY, &t) == MSC_FIELD_OK ? MSC_VOTE_EITHER : MSC_VOTE_NONE;
}

/* Is the separator at p followed by exactly three digits, then a non-digit? */
static int is_group(const char *p)
{
    return is_digit(p[1]) && is_digit(p[2]) && is_digit(p[3]) && !is_digit(p[4]);
}

int msc_parse_number(const char *s, int decimal_comma, double *out)
{
    const char dec = decimal_comma ? ',' : '.', grp = decimal_comma ? '.' : ',';
    char buf[40]; /* sign, 30 digits, "e-30", NUL */
    const char *p = skip_ws(s);
    int n = 0, digits = 0, run = 0, frac = 0, seen_dec = 0, grouped = 0;
    uint64_t mantissa = 0;
    if (!*p)
        return MSC_FIELD_EMPTY;
    if (*p == '-' || *p == '+')
        buf[n++] = *p++;
    for (;; p++) {
        if (is_digit(*p)) {
            if (++digits > 30) /* beyond any measurement, and keeps buf small */
                return MSC_FIELD_BAD;
            buf[n++] = *p;
            mantissa = mantissa * 10 + (uint64_t)(*p - '0');
            run++;
            frac += seen_dec;
        } else if (*p == grp && !seen_dec && is_group(p)) {
            /* The first group holds 1..3 digits; is_group keeps later ones at 3. */
            if (run < 1 || (!grouped && run > 3))
                return MSC_FIELD_BAD;
            grouped = 1;
            run = 0;
        } else if (*p == dec && !seen_dec) {
            seen_dec = 1;
        } else if (*p == '.' && decimal_comma && !seen_dec && !grouped) {
            seen_dec = 1; /* "1.5": a '.' that cannot be grouping is the point */
        } else {
            break;
        }
    }
    /* "5." and a lone sign are not numbers; ".5" is. */
    if (*skip_ws(p) || digits == 0 || (seen_dec && frac == 0))
        return MSC_FIELD_BAD;
    /* Up to 15 digits and 22 decimals, mantissa / 10^frac is exact to the
     * last bit (both are exact doubles; IEEE division rounds once), so
     * the common case skips strtod. */
    static const double pow10[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                   1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                   1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
    if (digits <= 15 && frac <= 22) {
        double v = (double)mantissa / pow10[frac];
        *out = buf[0] == '-' ? -v : v;
        return MSC_FIELD_OK;
    }
    /* Mantissa and exponent with no decimal point: strtod then never consults
     * the locale's radix character. */
    snprintf(buf + n, sizeof buf - (size_t)n, "e-%d", frac);
    *out = strtod(buf, NULL);
    return MSC_FIELD_OK;
}

int msc_parse_bool(const char *s, int *out)
{
    static const char *const yes[] = { "true", "yes", "y", "1", "t", "x", NULL };
    static const char *const no[] = { "false", "no", "n", "0", "f", NULL };
    const char *w;
    size_t n = trim(s, &w);
    if (!n)
        return MSC_FIELD_EMPTY;
    if (word_in(w, n, yes))
        *out = 1;
    else if (word_in(w, n, no))
        *out = 0;
    else
        return MSC_FIELD_BAD;
    return MSC_FIELD_OK;
}

int msc_parse_rating(const char *s, double *out)
{
    static const char *const hi[] = { "positive", "good", "happy", NULL };
    static const char *const mid[] = { "neutral", "ok", "okay", NULL };
    static const char *const lo[] = { "negative", "bad", "unhappy", NULL };
    const char *w;
    size_t n = trim(s, &w);
    if (!n)
        return MSC_FIELD_EMPTY;
    if (word_in(w, n, hi))
        *out = 1.0;
    else if (word_in(w, n, mid))
        *out = 0.5;
    else if (word_in(w, n, lo))
        *out = 0.0;
    else
        return MSC_FIELD_BAD;
    return MSC_FIELD_OK;
}
