/* fuzz_fields.c: libFuzzer harness for the cell parsers (read/field.h) and
 * the text helpers beside them, with properties checked, not just "does
 * not crash":
 *   - msc_parse_datetime in each date order: a value read is a real
 *     calendar time in years 1..9999, and written back with
 *     msc_format_datetime it reads again as the same value;
 *   - msc_date_vote: a cell that votes for one order reads in that order
 *     only, one that reads either way reads in both;
 *   - msc_parse_number with '.' and ',' decimals: a value read is finite;
 *   - msc_parse_bool / msc_parse_rating: the out value is 0/1 or 0/0.5/1;
 *   - msc_cp1252_to_utf8: the result is valid UTF-8 of the length it says;
 *   - msc_names: a name and its upper-case, re-spaced spelling are one name.
 * Input: the bytes are one cell (a NUL ends it early, as libcsv's would). */
#include "read/csvread.h"
#include "read/field.h"
#include "util/names.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define CHECK(c)                                                                                   \
    do {                                                                                           \
        if (!(c))                                                                                  \
            __builtin_trap();                                                                      \
    } while (0)

static void check_datetime(const char *s)
{
    for (int order = MSC_DATE_MDY; order <= MSC_DATE_YMD; order++) {
        int64_t t = 12345;
        int st = msc_parse_datetime(s, (enum msc_date_order)order, &t);
        CHECK(st == MSC_FIELD_OK || st == MSC_FIELD_EMPTY || st == MSC_FIELD_BAD);
        if (st != MSC_FIELD_OK) {
            CHECK(t == 12345); /* out is written only on OK */
            continue;
        }
        /* 0001-01-01 00:00 .. 9999-12-31 23:59:59 */
        CHECK(t >= msc_days_from_civil(1, 1, 1) * 86400);
        CHECK(t < msc_days_from_civil(10000, 1, 1) * 86400);
        char buf[20], again[24];
        msc_format_datetime(t, buf);
        memcpy(again, buf, sizeof buf);
        int64_t u = 0;
        /* The written form is year first, so any order reads it back. */
        CHECK(msc_parse_datetime(again, (enum msc_date_order)order, &u) == MSC_FIELD_OK);
        CHECK(u == t);
        int y, m, d;
        int64_t days = t / 86400;
        msc_civil_from_days(days, &y, &m, &d);
        CHECK(y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= msc_days_in_month(y, m));
        CHECK(msc_days_from_civil(y, m, d) == days);
        int wd = msc_weekday(days);
        CHECK(wd >= 0 && wd <= 6);
    }
}

static void check_vote(const char *s)
{
    int64_t t;
    int mdy = msc_parse_datetime(s, MSC_DATE_MDY, &t) == MSC_FIELD_OK;
    int dmy = msc_parse_datetime(s, MSC_DATE_DMY, &t) == MSC_FIELD_OK;
    switch (msc_date_vote(s)) {
    case MSC_VOTE_EITHER: CHECK(mdy && dmy); break;
    case MSC_VOTE_DAY_FIRST: CHECK(dmy && !mdy); break;
    case MSC_VOTE_MONTH_FIRST: CHECK(mdy && !dmy); break;
    case MSC_VOTE_NONE: break;
    }
}

static void check_numbers(const char *s)
{
    for (int comma = 0; comma <= 1; comma++) {
        double v = 42;
        int st = msc_parse_number(s, comma, &v);
        CHECK(st == MSC_FIELD_OK || st == MSC_FIELD_EMPTY || st == MSC_FIELD_BAD);
        if (st == MSC_FIELD_OK)
            CHECK(isfinite(v));
        else
            CHECK(v == 42);
    }
    int b = 7;
    if (msc_parse_bool(s, &b) == MSC_FIELD_OK)
        CHECK(b == 0 || b == 1);
    else
        CHECK(b == 7);
    double r = 7;
    if (msc_parse_rating(s, &r) == MSC_FIELD_OK)
        CHECK(r == 0 || r == 0.5 || r == 1);
    else
        CHECK(r == 7);
}

static void check_text(const char *s, size_t len)
{
    /* Windows-1252 to UTF-8: measure, then convert into exactly that room. */
    size_t need = msc_cp1252_to_utf8(s, len, NULL, 0);
    CHECK(need <= 3 * len);
    char *out = malloc(need + 1);
    CHECK(out != NULL);
    CHECK(msc_cp1252_to_utf8(s, len, out, need + 1) == need);
    CHECK(out[need] == '\0' && strlen(out) == need);
    CHECK(msc_utf8_valid(out, need));
    int ascii = 1;
    for (size_t i = 0; i < len; i++)
        ascii &= (unsigned char)s[i] < 0x80;
    if (ascii) /* ASCII is the same bytes in both */
        CHECK(need == len && memcmp(s, out, len) == 0);
    /* A too-small buffer is cut and terminated, never overrun. */
    char small[8];
    msc_cp1252_to_utf8(s, len, small, sizeof small);
    CHECK(memchr(small, '\0', sizeof small) != NULL);
    free(out);

    /* Names: case and white space do not make a second name. */
    struct msc_names n;
    msc_names_init(&n);
    int id = msc_names_intern(&n, s);
    CHECK(id >= -1);
    if (id >= 0) {
        char *variant = malloc(2 * len + 3);
        CHECK(variant != NULL);
        size_t k = 0;
        variant[k++] = ' ';
        for (size_t i = 0; i < len; i++) {
            char c = s[i];
            variant[k++] = c >= 'a' && c <= 'z' ? (char)(c - 'a' + 'A') : c;
            if (c == ' ')
                variant[k++] = '\t';
        }
        variant[k++] = '\n';
        variant[k] = '\0';
        CHECK(msc_names_intern(&n, variant) == id);
        CHECK(msc_names_find(&n, s) == id);
        CHECK(msc_names_count(&n) == 1);
        free(variant);
    }
    msc_names_release(&n);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *s = malloc(size + 1);
    if (!s)
        return 0;
    memcpy(s, data, size);
    s[size] = '\0';
    size_t len = strlen(s);
    check_datetime(s);
    check_vote(s);
    check_numbers(s);
    check_text(s, len);
    free(s);
    return 0;
}
