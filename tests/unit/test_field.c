/* test_field.c: unit tests for the cell parsers in read/field.h. */
#include "read/field.h"
#include "check.h"

#include <math.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* Seconds since 1970-01-01 in the zone-less calendar. */
static int64_t at(int y, int mo, int d, int h, int mi, int s)
{
    return msc_days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + s;
}

static void set_tz(const char *tz)
{
    setenv("TZ", tz, 1);
    tzset();
}

/* Parses s; true when the status is OK and the value is want. */
static int dt_is(const char *s, enum msc_date_order order, int64_t want)
{
    int64_t t = 12345;
    return msc_parse_datetime(s, order, &t) == MSC_FIELD_OK && t == want;
}

/* True when s is BAD and the out value was left alone. */
static int dt_bad(const char *s, enum msc_date_order order)
{
    int64_t t = 12345;
    return msc_parse_datetime(s, order, &t) == MSC_FIELD_BAD && t == 12345;
}

static int num_is(const char *s, int decimal_comma, double want)
{
    double v = -999;
    return msc_parse_number(s, decimal_comma, &v) == MSC_FIELD_OK && v == want;
}

static int num_bad(const char *s, int decimal_comma)
{
    double v = -999;
    return msc_parse_number(s, decimal_comma, &v) == MSC_FIELD_BAD && v == -999;
}

static int bool_is(const char *s, int want)
{
    int v = -1;
    return msc_parse_bool(s, &v) == MSC_FIELD_OK && v == want;
}

static int rating_is(const char *s, double want)
{
    double v = -1;
    return msc_parse_rating(s, &v) == MSC_FIELD_OK && v == want;
}

static int fmt_is(int64_t t, const char *want)
{
    char buf[20];
    memset(buf, 'x', sizeof buf);
    msc_format_datetime(t, buf);
    return strcmp(buf, want) == 0;
}

/* Formats t and parses the text back. */
static int round_trips(int64_t t)
{
    char buf[20];
    int64_t back = 0;
    msc_format_datetime(t, buf);
    return msc_parse_datetime(buf, MSC_DATE_MDY, &back) == MSC_FIELD_OK && back == t;
}

static void test_date_forms(void)
{
    int64_t t1322 = at(2026, 3, 4, 13, 22, 0), t132205 = at(2026, 3, 4, 13, 22, 5);

    CHECK(dt_is("2026-03-04", MSC_DATE_MDY, at(2026, 3, 4, 0, 0, 0)));
    CHECK(dt_is("2026-03-04 13:22", MSC_DATE_MDY, t1322));
    CHECK(dt_is("2026-03-04 13:22:05", MSC_DATE_MDY, t132205));
    CHECK(dt_is("2026-03-04 13:22:05.123", MSC_DATE_MDY, t132205));
    CHECK(dt_is("2026-03-04T13:22", MSC_DATE_MDY, t1322));
    CHECK(dt_is("2026-03-04T13:22:05", MSC_DATE_MDY, t132205));
    CHECK(dt_is("2026-03-04T13:22:05.123456", MSC_DATE_MDY, t132205));
    CHECK(dt_is("2026/03/04 14:50:17.000", MSC_DATE_MDY, at(2026, 3, 4, 14, 50, 17)));
    CHECK(dt_is("2026/03/04", MSC_DATE_DMY, at(2026, 3, 4, 0, 0, 0)));
    CHECK(dt_is("3/4/2026 1:22 PM", MSC_DATE_MDY, t1322));
    CHECK(dt_is("3/4/2026 1:22:05 PM", MSC_DATE_MDY, t132205));
    CHECK(dt_is("3/4/2026 1:22 pm", MSC_DATE_MDY, t1322));
    CHECK(dt_is("3/4/2026 1:22PM", MSC_DATE_MDY, t1322));
    CHECK(dt_is("3/4/2026 1:22 AM", MSC_DATE_MDY, at(2026, 3, 4, 1, 22, 0)));
    CHECK(dt_is("3/4/2026 1:22 aM", MSC_DATE_MDY, at(2026, 3, 4, 1, 22, 0)));
    CHECK(dt_is("03/04/2026 13:22", MSC_DATE_MDY, t1322));
    CHECK(dt_is("03/04/2026 13:22:05", MSC_DATE_MDY, t132205));
    CHECK(dt_is("3/4/2026", MSC_DATE_MDY, at(2026, 3, 4, 0, 0, 0)));
    CHECK(dt_is("03-04-2026 13:22", MSC_DATE_MDY, t1322));
    /* Dots: always day first (data-model.md). */
    CHECK(dt_is("04.03.2026 13:22", MSC_DATE_MDY, t1322));
    CHECK(dt_is("13.08.2026 08:34", MSC_DATE_MDY, at(2026, 8, 13, 8, 34, 0)));
    CHECK(dt_bad("08.13.2026 08:34", MSC_DATE_MDY));
    CHECK(dt_is("  2026-03-04 13:22\t", MSC_DATE_MDY, t1322));
    CHECK(dt_is("\t3/4/2026 1:22 PM \r\n", MSC_DATE_MDY, t1322));

    /* AM/PM edges: 12 AM is midnight, 12 PM is noon. */
    CHECK(dt_is("3/4/2026 12:00 AM", MSC_DATE_MDY, at(2026, 3, 4, 0, 0, 0)));
    CHECK(dt_is("3/4/2026 12:30 PM", MSC_DATE_MDY, at(2026, 3, 4, 12, 30, 0)));
    CHECK(dt_is("3/4/2026 11:59 PM", MSC_DATE_MDY, at(2026, 3, 4, 23, 59, 0)));
    CHECK(dt_bad("3/4/2026 0:30 AM", MSC_DATE_MDY));
    CHECK(dt_bad("3/4/2026 13:30 PM", MSC_DATE_MDY));
    CHECK(dt_bad("3/4/2026 1:30 XM", MSC_DATE_MDY));

    /* Day/month order for year-last dates; year-first ignores the order. */
    CHECK(dt_is("3/4/2026", MSC_DATE_DMY, at(2026, 4, 3, 0, 0, 0)));
    CHECK(dt_is("03-04-2026 13:22", MSC_DATE_DMY, at(2026, 4, 3, 13, 22, 0)));
    CHECK(dt_is("03.04.2026 13:22", MSC_DATE_DMY, at(2026, 4, 3, 13, 22, 0)));
    CHECK(dt_is("3/4/2026", MSC_DATE_YMD, at(2026, 3, 4, 0, 0, 0)));
    CHECK(dt_is("2026/03/04", MSC_DATE_YMD, at(2026, 3, 4, 0, 0, 0)));
    CHECK(dt_is("2026-03-04", MSC_DATE_DMY, at(2026, 3, 4, 0, 0, 0)));
    CHECK(dt_is("31/12/2026", MSC_DATE_DMY, at(2026, 12, 31, 0, 0, 0)));
    CHECK(dt_bad("31/12/2026", MSC_DATE_MDY));
    CHECK(dt_bad("12/31/2026", MSC_DATE_DMY));
    CHECK(dt_is("12/31/2026", MSC_DATE_YMD, at(2026, 12, 31, 0, 0, 0)));
}

/* How a cell votes on its file's day/month order. */
static void test_date_votes(void)
{
    CHECK(msc_date_vote("13/08/2026 08:34:05") == MSC_VOTE_DAY_FIRST);
    CHECK(msc_date_vote(" 8/13/2026 1:22 PM") == MSC_VOTE_MONTH_FIRST);
    CHECK(msc_date_vote("03/08/2026 09:00") == MSC_VOTE_EITHER);
    CHECK(msc_date_vote("3/4/2026") == MSC_VOTE_EITHER);
    CHECK(msc_date_vote("31-01-2026 14:05") == MSC_VOTE_DAY_FIRST);
    CHECK(msc_date_vote("01-31-2026") == MSC_VOTE_MONTH_FIRST);
    /* Dotted and year-first dates do not vote; nor does what neither order reads. */
    CHECK(msc_date_vote("13.08.2026 08:34") == MSC_VOTE_NONE);
    CHECK(msc_date_vote("03.08.2026") == MSC_VOTE_NONE);
    CHECK(msc_date_vote("2026-08-13 08:34") == MSC_VOTE_NONE);
    CHECK(msc_date_vote("2026/08/13") == MSC_VOTE_NONE);
    CHECK(msc_date_vote("2/30/2026") == MSC_VOTE_NONE);
    CHECK(msc_date_vote("13/13/2026") == MSC_VOTE_NONE);
    CHECK(msc_date_vote("13/08/2026 25:00") == MSC_VOTE_NONE);
    CHECK(msc_date_vote("") == MSC_VOTE_NONE);
    CHECK(msc_date_vote("?") == MSC_VOTE_NONE);
    CHECK(msc_date_vote("123/4/2026") == MSC_VOTE_NONE);
}

static void test_date_invalid(void)
{
    CHECK(dt_bad("2026-02-30", MSC_DATE_MDY));
    CHECK(dt_bad("2026-13-01", MSC_DATE_MDY));
    CHECK(dt_bad("2026-00-01", MSC_DATE_MDY));
    CHECK(dt_bad("2026-01-00", MSC_DATE_MDY));
    CHECK(dt_bad("2026-04-31", MSC_DATE_MDY));
    CHECK(dt_bad("2026-03-04 24:61", MSC_DATE_MDY));
    CHECK(dt_bad("2026-03-04 24:00", MSC_DATE_MDY));
    CHECK(dt_bad("2026-03-04 23:60", MSC_DATE_MDY));
    CHECK(dt_bad("2026-03-04 23:59:60", MSC_DATE_MDY));
    CHECK(dt_bad("2026-03-04 1:2", MSC_DATE_MDY));
    CHECK(dt_bad("2026-03-04 13", MSC_DATE_MDY));
    CHECK(dt_bad("2026-03-04 13:22:", MSC_DATE_MDY));
    CHECK(dt_bad("2026-03-04T", MSC_DATE_MDY));
    CHECK(dt_bad("2026-03-0413:22", MSC_DATE_MDY));
    CHECK(dt_bad("3/4/2026T13:22", MSC_DATE_MDY));
    CHECK(dt_bad("2026-03/04", MSC_DATE_MDY));
    CHECK(dt_bad("3/4/26", MSC_DATE_MDY));
    CHECK(dt_bad("123/4/2026", MSC_DATE_MDY));
    CHECK(dt_bad("20260/3/4", MSC_DATE_MDY));
    CHECK(dt_bad("2026-003-04", MSC_DATE_MDY));
    CHECK(dt_bad("3/4/20260", MSC_DATE_MDY));

    /* Leap years. */
    CHECK(dt_is("2024-02-29", MSC_DATE_MDY, at(2024, 2, 29, 0, 0, 0)));
    CHECK(dt_bad("2025-02-29", MSC_DATE_MDY));
    CHECK(dt_bad("1900-02-29", MSC_DATE_MDY));
    CHECK(dt_is("2000-02-29", MSC_DATE_MDY, at(2000, 2, 29, 0, 0, 0)));
    CHECK(dt_is("2/29/2024", MSC_DATE_MDY, at(2024, 2, 29, 0, 0, 0)));

    /* Year range and dates before 1970. */
    CHECK(dt_is("9999-12-31 23:59:59", MSC_DATE_MDY, at(9999, 12, 31, 23, 59, 59)));
    CHECK(dt_is("0001-01-01", MSC_DATE_MDY, at(1, 1, 1, 0, 0, 0)));
    CHECK(dt_bad("0000-01-01", MSC_DATE_MDY));
    CHECK(dt_bad("1/1/0000", MSC_DATE_MDY));
    CHECK(dt_is("1969-12-31 23:59", MSC_DATE_MDY, -60));
    CHECK(dt_is("1970-01-01", MSC_DATE_MDY, 0));

    /* Trailing garbage, empty cells. */
    CHECK(dt_bad("2026-03-04x", MSC_DATE_MDY));
    CHECK(dt_bad("2026-03-04 13:22 x", MSC_DATE_MDY));
    CHECK(dt_bad("2026-03-04 13:22:05.", MSC_DATE_MDY));
    CHECK(dt_bad("3/4/2026 1:22 PM PM", MSC_DATE_MDY));
    CHECK(dt_bad("3/4/2026 1:22 PMX", MSC_DATE_MDY));
    CHECK(dt_bad("hello", MSC_DATE_MDY));
    CHECK(dt_bad("1.5", MSC_DATE_MDY));
    CHECK(dt_bad("2026", MSC_DATE_MDY));
    {
        int64_t t = 7;
        CHECK(msc_parse_datetime("", MSC_DATE_MDY, &t) == MSC_FIELD_EMPTY && t == 7);
        CHECK(msc_parse_datetime(" \t\r\n", MSC_DATE_MDY, &t) == MSC_FIELD_EMPTY && t == 7);
    }
}

static void test_date_zones(void)
{
    set_tz("UTC");
    CHECK(dt_is("2026-03-04T13:22:05Z", MSC_DATE_MDY, at(2026, 3, 4, 13, 22, 5)));
    CHECK(dt_is("2026-03-04T13:22:05.5z", MSC_DATE_MDY, at(2026, 3, 4, 13, 22, 5)));
    CHECK(dt_is("2026-03-04T13:22:05+02:00", MSC_DATE_MDY, at(2026, 3, 4, 11, 22, 5)));
    CHECK(dt_is("2026-03-04T13:22:05-0500", MSC_DATE_MDY, at(2026, 3, 4, 18, 22, 5)));
    CHECK(dt_is("2026-03-04T13:22:05+02", MSC_DATE_MDY, at(2026, 3, 4, 11, 22, 5)));
    CHECK(dt_is("2026-03-04 13:22+05:30", MSC_DATE_MDY, at(2026, 3, 4, 7, 52, 0)));
    CHECK(dt_is("2026-03-04T01:00:00+02:00", MSC_DATE_MDY, at(2026, 3, 3, 23, 0, 0)));
    CHECK(dt_is(" 2026-03-04T13:22:05Z ", MSC_DATE_MDY, at(2026, 3, 4, 13, 22, 5)));
    CHECK(dt_bad("2026-03-04T13:22:05+2", MSC_DATE_MDY));
    CHECK(dt_bad("2026-03-04T13:22:05+02:", MSC_DATE_MDY));
    CHECK(dt_bad("2026-03-04T13:22:05+02:0", MSC_DATE_MDY));
    CHECK(dt_bad("2026-03-04T13:22:05+0200x", MSC_DATE_MDY));
    CHECK(dt_bad("2026-03-04T13:22:05+02:3012", MSC_DATE_MDY));
    CHECK(dt_bad("2026-03-04T13:22:05+24:00", MSC_DATE_MDY));
    CHECK(dt_bad("2026-03-04T13:22:05+02:60", MSC_DATE_MDY));
    CHECK(dt_bad("2026-03-04T13:22:05 Z", MSC_DATE_MDY));
    CHECK(dt_bad("2026-03-04Z", MSC_DATE_MDY));
    CHECK(dt_bad("3/4/2026 1:22 PM Z", MSC_DATE_MDY));
    /* Shifted out of years 1..9999. */
    CHECK(dt_bad("0001-01-01T00:00:00+01:00", MSC_DATE_MDY));
    CHECK(dt_bad("9999-12-31T23:00:00-02:00", MSC_DATE_MDY));

    if (access("/usr/share/zoneinfo/Europe/Berlin", R_OK) == 0) {
        set_tz("Europe/Berlin");
        /* Winter CET is +01:00, summer CEST +02:00. */
        CHECK(dt_is("2026-01-15T12:00:00Z", MSC_DATE_MDY, at(2026, 1, 15, 13, 0, 0)));
        CHECK(dt_is("2026-07-15T12:00:00Z", MSC_DATE_MDY, at(2026, 7, 15, 14, 0, 0)));
        CHECK(dt_is("2026-07-15T12:00:00+02:00", MSC_DATE_MDY, at(2026, 7, 15, 12, 0, 0)));
        CHECK(dt_is("2026-03-29T01:30:00Z", MSC_DATE_MDY, at(2026, 3, 29, 3, 30, 0)));
        /* Zone-less values are taken as they are. */
        CHECK(dt_is("2026-07-15 12:00", MSC_DATE_MDY, at(2026, 7, 15, 12, 0, 0)));
    }
    set_tz("UTC");
}

static void test_numbers(void)
{
    double v = -1;
    CHECK(num_is("1.5", 0, 1.5));
    CHECK(num_is("1,234.5", 0, 1234.5));
    CHECK(num_is("1,234,567.25", 0, 1234567.25));
    CHECK(num_is("-2", 0, -2));
    CHECK(num_is("+2", 0, 2));
    CHECK(num_is(" 3 ", 0, 3));
    CHECK(num_is("0.1", 0, 0.1));
    CHECK(num_is(".5", 0, 0.5));
    CHECK(num_is("-0.25", 0, -0.25));
    CHECK(num_is("007", 0, 7));
    CHECK(num_is("123456789012345678901234567890", 0, 123456789012345678901234567890.0));
    CHECK(num_is("1,5", 1, 1.5));
    CHECK(num_is("1.234,5", 1, 1234.5));
    CHECK(num_is("1.5", 1, 1.5));
    CHECK(num_is("1.234", 1, 1234));
    CHECK(num_is("1.234.567", 1, 1234567));
    CHECK(num_is("-12.345,75", 1, -12345.75));
    CHECK(num_is("1.2345", 1, 1.2345));
    CHECK(num_is(",5", 1, 0.5));
    CHECK(num_is("1,234", 0, 1234));
    CHECK(num_bad("1,23", 0));
    CHECK(num_bad("1,2345", 0));
    CHECK(num_bad("1234,567", 0));
    CHECK(num_bad("1,234,56", 0));
    CHECK(num_bad(",234", 0));
    CHECK(num_bad("1,234.5", 1));
    CHECK(num_bad("1.234.5", 1));
    CHECK(num_bad("1234.567", 1));
    CHECK(num_bad("1,5,0", 1));
    CHECK(num_bad("abc", 0));
    CHECK(num_bad("1e5", 0));
    CHECK(num_bad("1E5", 1));
    CHECK(num_bad("nan", 0));
    CHECK(num_bad("NaN", 1));
    CHECK(num_bad("inf", 0));
    CHECK(num_bad("-infinity", 0));
    CHECK(num_bad("0x10", 0));
    CHECK(num_bad("1.2.3", 0));
    CHECK(num_bad("1.2.3", 1));
    CHECK(num_bad("5.", 0));
    CHECK(num_bad("-", 0));
    CHECK(num_bad("+-1", 0));
    CHECK(num_bad("- 1", 0));
    CHECK(num_bad("1 2", 0));
    CHECK(num_bad("12abc", 0));
    CHECK(num_bad("1234567890123456789012345678901", 0));
    CHECK(num_bad("1,000,000,000,000,000,000,000,000,000,000", 0));
    {
        char big[101];
        memset(big, '9', 100);
        big[100] = '\0';
        CHECK(num_bad(big, 0));
        CHECK(num_bad(big, 1));
    }
    CHECK(msc_parse_number("", 0, &v) == MSC_FIELD_EMPTY && v == -1);
    CHECK(msc_parse_number("  \t ", 1, &v) == MSC_FIELD_EMPTY && v == -1);
}

static void test_bools(void)
{
    static const char *const t[] = { "true", "TRUE", "True", "yes", "YES", "y", "Y",
                                     "1", "t", "T", "x", "X", " yes ", NULL };
    static const char *const f[] = { "false", "FALSE", "False", "no", "NO", "n", "N",
                                     "0", "f", "F", "\tno\n", NULL };
    int i, v = -1;
    for (i = 0; t[i]; i++)
        CHECK(bool_is(t[i], 1));
    for (i = 0; f[i]; i++)
        CHECK(bool_is(f[i], 0));
    CHECK(msc_parse_bool("maybe", &v) == MSC_FIELD_BAD && v == -1);
    CHECK(msc_parse_bool("yess", &v) == MSC_FIELD_BAD);
    CHECK(msc_parse_bool("ye", &v) == MSC_FIELD_BAD);
    CHECK(msc_parse_bool("2", &v) == MSC_FIELD_BAD);
    CHECK(msc_parse_bool("y e s", &v) == MSC_FIELD_BAD);
    CHECK(msc_parse_bool("", &v) == MSC_FIELD_EMPTY);
    CHECK(msc_parse_bool("   ", &v) == MSC_FIELD_EMPTY && v == -1);
}

static void test_ratings(void)
{
    double v = -1;
    CHECK(rating_is("positive", 1.0));
    CHECK(rating_is("Good", 1.0));
    CHECK(rating_is("HAPPY", 1.0));
    CHECK(rating_is("neutral", 0.5));
    CHECK(rating_is("OK", 0.5));
    CHECK(rating_is(" okay ", 0.5));
    CHECK(rating_is("Negative", 0.0));
    CHECK(rating_is("bad", 0.0));
    CHECK(rating_is("\tunhappy\t", 0.0));
    CHECK(msc_parse_rating("great", &v) == MSC_FIELD_BAD && v == -1);
    CHECK(msc_parse_rating("goodish", &v) == MSC_FIELD_BAD);
    CHECK(msc_parse_rating("o", &v) == MSC_FIELD_BAD);
    CHECK(msc_parse_rating("1", &v) == MSC_FIELD_BAD);
    CHECK(msc_parse_rating("", &v) == MSC_FIELD_EMPTY);
    CHECK(msc_parse_rating(" ", &v) == MSC_FIELD_EMPTY && v == -1);
}

static void test_calendar(void)
{
    int y = 0, m = 0, d = 0;
    int64_t days;
    CHECK(msc_days_from_civil(1970, 1, 1) == 0);
    CHECK(msc_days_from_civil(1969, 12, 31) == -1);
    CHECK(msc_days_from_civil(2000, 3, 1) == 11017);
    CHECK(msc_weekday(msc_days_from_civil(2026, 3, 1)) == 6);
    CHECK(msc_weekday(0) == 3);
    CHECK(msc_weekday(-1) == 2);
    CHECK(msc_weekday(msc_days_from_civil(2026, 3, 2)) == 0);
    CHECK(msc_weekday(msc_days_from_civil(1, 1, 1)) == 0);
    CHECK(msc_days_in_month(2024, 2) == 29);
    CHECK(msc_days_in_month(2025, 2) == 28);
    CHECK(msc_days_in_month(1900, 2) == 28);
    CHECK(msc_days_in_month(2000, 2) == 29);
    CHECK(msc_days_in_month(2026, 4) == 30);
    CHECK(msc_days_in_month(2026, 12) == 31);
    CHECK(msc_days_in_month(2026, 0) == 0);
    CHECK(msc_days_in_month(2026, 13) == 0);
    msc_civil_from_days(-1, &y, &m, &d);
    CHECK(y == 1969 && m == 12 && d == 31);
    msc_civil_from_days(msc_days_from_civil(2024, 2, 29), &y, &m, &d);
    CHECK(y == 2024 && m == 2 && d == 29);
    /* Every day of years 1..9999 maps back to itself. */
    {
        int ok = 1;
        int64_t want = msc_days_from_civil(1, 1, 1);
        for (y = 1; y <= 9999 && ok; y++)
            for (m = 1; m <= 12 && ok; m++)
                for (d = 1; d <= msc_days_in_month(y, m) && ok; d++) {
                    int yy, mm, dd;
                    days = msc_days_from_civil(y, m, d);
                    msc_civil_from_days(days, &yy, &mm, &dd);
                    ok = days == want++ && yy == y && mm == m && dd == d;
                }
        CHECK(ok);
    }
    /* Out-of-range arguments must not misbehave (the sanitizers watch). */
    msc_civil_from_days(INT64_MAX, &y, &m, &d);
    msc_civil_from_days(INT64_MIN, &y, &m, &d);
    (void)msc_days_from_civil(-2147483647 - 1, 2147483647, -2147483647 - 1);
    (void)msc_weekday(INT64_MIN);
    CHECK(msc_weekday(INT64_MAX) >= 0 && msc_weekday(INT64_MAX) <= 6);
}

static void test_format(void)
{
    char buf[20];
    CHECK(fmt_is(0, "1970-01-01 00:00"));
    CHECK(fmt_is(-60, "1969-12-31 23:59"));
    CHECK(fmt_is(-1, "1969-12-31 23:59:59"));
    CHECK(fmt_is(at(2026, 3, 4, 13, 22, 0), "2026-03-04 13:22"));
    CHECK(fmt_is(at(2026, 3, 4, 13, 22, 5), "2026-03-04 13:22:05"));
    CHECK(fmt_is(at(1, 1, 1, 0, 0, 0), "0001-01-01 00:00"));
    CHECK(fmt_is(at(9999, 12, 31, 23, 59, 59), "9999-12-31 23:59:59"));
    CHECK(fmt_is(MSC_TIME_NONE, ""));
    CHECK(round_trips(0));
    CHECK(round_trips(-1));
    CHECK(round_trips(-60));
    CHECK(round_trips(at(2026, 3, 4, 13, 22, 5)));
    CHECK(round_trips(at(2024, 2, 29, 23, 59, 0)));
    CHECK(round_trips(at(1, 1, 1, 0, 0, 1)));
    CHECK(round_trips(at(9999, 12, 31, 23, 59, 59)));
    /* Years beyond 9999 are cut to the buffer, never past it. */
    msc_format_datetime(INT64_MAX, buf);
    CHECK(strlen(buf) < sizeof buf);
    msc_format_datetime(INT64_MIN + 1, buf);
    CHECK(strlen(buf) < sizeof buf);
}

int main(void)
{
    set_tz("UTC");
    test_date_forms();
    test_date_votes();
    test_date_invalid();
    test_date_zones();
    test_numbers();
    test_bools();
    test_ratings();
    test_calendar();
    test_format();
    return check_report("field");
}
