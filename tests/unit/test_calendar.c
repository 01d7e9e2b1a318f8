/* test_calendar.c: periods, ISO weeks, quarters and the business-hour clock. */
#include "check.h"
#include "model/period.h"
#include "read/field.h"

#include <math.h>
#include <string.h>

static int64_t at(int y, int m, int d, int h, int mi)
{
    return msc_days_from_civil(y, m, d) * 86400 + h * 3600 + mi * 60;
}

static int label_is(enum msc_period_kind k, int64_t t, const char *want)
{
    char buf[24];
    msc_period_label(k, msc_period_of(k, t), buf);
    return strcmp(buf, want) == 0;
}

int main(void)
{
    /* ISO weeks that straddle a new year: Mon 2025-12-29 is in 2026-W01. */
    CHECK(label_is(MSC_PERIOD_WEEK, at(2025, 12, 28, 23, 59), "2025-W52"));
    CHECK(label_is(MSC_PERIOD_WEEK, at(2025, 12, 29, 0, 0), "2026-W01"));
    CHECK(label_is(MSC_PERIOD_WEEK, at(2026, 1, 4, 12, 0), "2026-W01"));
    CHECK(label_is(MSC_PERIOD_WEEK, at(2021, 1, 3, 0, 0), "2020-W53"));
    CHECK(label_is(MSC_PERIOD_WEEK, at(1969, 12, 31, 0, 0), "1970-W01"));
    /* Quarter and month boundaries. */
    CHECK(label_is(MSC_PERIOD_QUARTER, at(2026, 3, 31, 23, 59), "2026-Q1"));
    CHECK(label_is(MSC_PERIOD_QUARTER, at(2026, 4, 1, 0, 0), "2026-Q2"));
    CHECK(label_is(MSC_PERIOD_MONTH, at(2026, 2, 28, 23, 0), "2026-02"));
    int64_t q = msc_period_of(MSC_PERIOD_QUARTER, at(2025, 11, 5, 0, 0));
    CHECK(msc_period_start(MSC_PERIOD_QUARTER, q) == at(2025, 10, 1, 0, 0));
    CHECK(msc_period_end(MSC_PERIOD_QUARTER, q) == at(2026, 1, 1, 0, 0));

    /* --month with weeks: the last ISO week whose Sunday is in that month. */
    char buf[24];
    msc_period_label(MSC_PERIOD_WEEK, msc_period_for_month(MSC_PERIOD_WEEK, 2026 * 12 + 0), buf);
    CHECK(strcmp(buf, "2026-W04") == 0); /* W05 ends Sunday 2026-02-01: February's */
    msc_period_label(MSC_PERIOD_QUARTER, msc_period_for_month(MSC_PERIOD_QUARTER, 2026 * 12 + 4), buf);
    CHECK(strcmp(buf, "2026-Q2") == 0);

    /* Endpoint months: a week weighs its Sunday's month by 7 / 30.4375. */
    int ym[3];
    double w[3];
    CHECK(msc_period_months(MSC_PERIOD_WEEK, msc_period_of(MSC_PERIOD_WEEK, at(2025, 12, 29, 0, 0)), ym, w) == 1);
    CHECK(ym[0] == 2026 * 12 + 0 && fabs(w[0] - 7 / 30.4375) < 1e-12);
    CHECK(msc_period_months(MSC_PERIOD_QUARTER, q, ym, w) == 3 && ym[2] == 2025 * 12 + 11);

    /* Business hours Mon-Fri 08-17 with holidays 2025-12-25 and 2026-01-01. */
    int64_t holidays[] = {msc_days_from_civil(2025, 12, 25), msc_days_from_civil(2026, 1, 1)};
    struct msc_calendar cal = {holidays, 2, {1, 1, 1, 1, 1, 0, 0}, 8 * 3600, 17 * 3600, 0};
    /* Opened after closing, holiday in between: 0.5 h. */
    CHECK(msc_calendar_clock(&cal, at(2025, 12, 24, 18, 0), at(2025, 12, 26, 8, 30)) == 1800);
    /* Over a weekend: Fri 16-17 and Mon 08-10 = 3 h. */
    CHECK(msc_calendar_clock(&cal, at(2026, 1, 2, 16, 0), at(2026, 1, 5, 10, 0)) == 3 * 3600);
    /* Opened and resolved on a Saturday: 0. */
    CHECK(msc_calendar_clock(&cal, at(2025, 12, 27, 10, 0), at(2025, 12, 27, 11, 0)) == 0);
    CHECK(msc_calendar_clock(&cal, at(2026, 1, 5, 10, 0), at(2026, 1, 5, 9, 0)) == 0);
    cal.calendar_clock = 1;
    CHECK(msc_calendar_clock(&cal, at(2025, 12, 24, 18, 0), at(2025, 12, 26, 8, 30)) == 38 * 3600 + 1800);

    /* Workdays less weekday holidays: December 2025 has 23 weekdays, one holiday. */
    CHECK(msc_calendar_workdays(&cal, msc_days_from_civil(2025, 12, 1), msc_days_from_civil(2025, 12, 31)) == 22);
    CHECK(msc_calendar_workdays(&cal, 10, 9) == 0);
    return check_report("calendar");
}
