/* period.c: period keys and the working calendar. */
#include "model/period.h"
#include "read/field.h"

#include <stdio.h>

#define DAY 86400

static int64_t floor_div(int64_t a, int64_t b) { return a / b - (a % b != 0 && (a < 0) != (b < 0)); }

/* 1970-01-05 was a Monday: day 4. */
static int64_t week_of_day(int64_t day) { return floor_div(day - 4, 7); }

int64_t msc_day_of(int64_t t) { return floor_div(t, DAY); }

int64_t msc_period_of(enum msc_period_kind kind, int64_t t)
{
    /* Every module asks for the period of the same record's times: keep
     * the last day's answer (per thread, so callers need not care). */
    static _Thread_local struct { int64_t day, key; int kind; } last = {INT64_MIN, 0, -1};
    int64_t day = floor_div(t, DAY);
    if (day == last.day && (int)kind == last.kind)
        return last.key;
    int y, m, d;
    int64_t key;
    if (kind == MSC_PERIOD_WEEK) {
        key = week_of_day(day);
    } else {
        msc_civil_from_days(day, &y, &m, &d);
        key = kind == MSC_PERIOD_MONTH ? (int64_t)y * 12 + m - 1 : (int64_t)y * 4 + (m - 1) / 3;
    }
    last.day = day;
    last.kind = (int)kind;
    last.key = key;
    return key;
}

int64_t msc_period_start(enum msc_period_kind kind, int64_t key)
{
    switch (kind) {
    case MSC_PERIOD_WEEK:
        return (key * 7 + 4) * DAY;
    case MSC_PERIOD_QUARTER:
        return msc_days_from_civil((int)floor_div(key, 4), (int)(key - floor_div(key, 4) * 4) * 3 + 1, 1) * DAY;
    case MSC_PERIOD_MONTH:
        break;
    }
    return msc_days_from_civil((int)floor_div(key, 12), (int)(key - floor_div(key, 12) * 12) + 1, 1) * DAY;
}

int64_t msc_period_end(enum msc_period_kind kind, int64_t key) { return msc_period_start(kind, key + 1); }

void msc_period_label(enum msc_period_kind kind, int64_t key, char *buf)
{
    if (kind == MSC_PERIOD_WEEK) {
        /* The ISO year is the year of the week's Thursday. */
        int y, m, d;
        int64_t thursday = key * 7 + 4 + 3;
        msc_civil_from_days(thursday, &y, &m, &d);
        int64_t jan4 = msc_days_from_civil(y, 1, 4);
        int64_t week1 = week_of_day(jan4);
        snprintf(buf, 24, "%04d-W%02d", y, (int)(key - week1 + 1));
    } else if (kind == MSC_PERIOD_QUARTER) {
        snprintf(buf, 24, "%04d-Q%d", (int)floor_div(key, 4), (int)(key - floor_div(key, 4) * 4) + 1);
    } else {
        snprintf(buf, 24, "%04d-%02d", (int)floor_div(key, 12), (int)(key - floor_div(key, 12) * 12) + 1);
    }
}

const char *msc_period_kind_name(enum msc_period_kind kind)
{
    return kind == MSC_PERIOD_WEEK ? "week" : kind == MSC_PERIOD_QUARTER ? "quarter" : "month";
}

static int ym_of_day(int64_t day)
{
    int y, m, d;
    msc_civil_from_days(day, &y, &m, &d);
    return y * 12 + m - 1;
}

int msc_period_months(enum msc_period_kind kind, int64_t key, int ym[3], double weight[3])
{
    int64_t first_day = floor_div(msc_period_start(kind, key), DAY);
    switch (kind) {
    case MSC_PERIOD_WEEK:
        ym[0] = ym_of_day(first_day + 6);
        weight[0] = 7.0 / 30.4375;
        return 1;
    case MSC_PERIOD_QUARTER:
        for (int i = 0; i < 3; i++) {
            ym[i] = ym_of_day(first_day) + i;
            weight[i] = 1;
        }
        return 3;
    case MSC_PERIOD_MONTH:
        break;
    }
    ym[0] = (int)key;
    weight[0] = 1;
    return 1;
}

int64_t msc_period_for_month(enum msc_period_kind kind, int ym)
{
    int y = ym / 12, m = ym % 12 + 1;
    if (kind == MSC_PERIOD_QUARTER)
        return (int64_t)y * 4 + (m - 1) / 3;
    if (kind == MSC_PERIOD_WEEK) {
        int64_t last = msc_days_from_civil(y, m, msc_days_in_month(y, m));
        int64_t sunday = last - (msc_weekday(last) + 1) % 7;
        return week_of_day(sunday);
    }
    return ym;
}

int msc_calendar_is_holiday(const struct msc_calendar *c, int64_t day)
{
    size_t lo = 0, hi = c->nholidays;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (c->holidays[mid] < day)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < c->nholidays && c->holidays[lo] == day;
}

int64_t msc_calendar_workdays(const struct msc_calendar *c, int64_t a, int64_t b)
{
    if (b < a)
        return 0;
    int64_t n = 0;
    /* Whole weeks first, so decades of employment cost nothing. */
    int64_t span = b - a + 1;
    n += span / 7 * 5;
    for (int64_t day = a + span / 7 * 7; day <= b; day++)
        n += msc_weekday(day) < 5;
    for (size_t i = 0; i < c->nholidays; i++)
        n -= c->holidays[i] >= a && c->holidays[i] <= b && msc_weekday(c->holidays[i]) < 5;
    return n;
}

int64_t msc_calendar_clock(const struct msc_calendar *c, int64_t from, int64_t to)
{
    if (to <= from)
        return 0;
    if (c->calendar_clock)
        return to - from;
    int64_t total = 0;
    int64_t first = floor_div(from, DAY), last = floor_div(to, DAY);
    if (last - first > 366 * 50)
        last = first + 366 * 50; /* a bogus year-9999 date must not spin */
    for (int64_t day = first; day <= last; day++) {
        if (!c->business_day[msc_weekday(day)] || msc_calendar_is_holiday(c, day))
            continue;
        int64_t open = day * DAY + c->open_sec, close = day * DAY + c->close_sec;
        int64_t a = from > open ? from : open, b = to < close ? to : close;
        if (b > a)
            total += b - a;
    }
    return total;
}
