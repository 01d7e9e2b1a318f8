/*
 * period.h: the period grid (month, ISO week, quarter) and the working
 * calendar (weekdays, holidays, business hours).
 *
 * A period is an integer key that orders periods in time: months count from
 * year 0 (y * 12 + m - 1), quarters likewise (y * 4 + q - 1), weeks count
 * Mondays from 1970-01-05. Times are zone-less seconds (read/field.h).
 */
#ifndef MSC_MODEL_PERIOD_H
#define MSC_MODEL_PERIOD_H

#include <stddef.h>
#include <stdint.h>

enum msc_period_kind { MSC_PERIOD_MONTH = 0, MSC_PERIOD_WEEK, MSC_PERIOD_QUARTER };

int64_t msc_period_of(enum msc_period_kind kind, int64_t t);
/* The day number (days since 1970-01-01) holding time t. */
int64_t msc_day_of(int64_t t);
int64_t msc_period_start(enum msc_period_kind kind, int64_t key); /* inclusive */
int64_t msc_period_end(enum msc_period_kind kind, int64_t key);   /* exclusive */
/* "2026-03", "2026-W10", "2026-Q1"; buf of at least 24 bytes. */
void msc_period_label(enum msc_period_kind kind, int64_t key, char *buf);
const char *msc_period_kind_name(enum msc_period_kind kind);

/* The calendar months a period draws endpoints and revenue from, each with
 * its weight in months: a month itself (1), a quarter's three months (1
 * each), the month holding a week's Sunday (7 / 30.4375). Returns how many
 * (at most 3); ym is y * 12 + m - 1. */
int msc_period_months(enum msc_period_kind kind, int64_t key, int ym[3], double weight[3]);

/* The last period of a report given --month (ym = y * 12 + m - 1): that
 * month, the quarter holding it, or the last ISO week whose Sunday falls in
 * it. */
int64_t msc_period_for_month(enum msc_period_kind kind, int ym);

struct msc_calendar {
    int64_t *holidays; /* sorted day numbers */
    size_t nholidays;
    unsigned char business_day[7]; /* Monday = 0 */
    int open_sec, close_sec;       /* seconds after midnight */
    int calendar_clock;            /* mttr counts every hour */
};

int msc_calendar_is_holiday(const struct msc_calendar *c, int64_t day);
/* Weekdays (Mon-Fri) from day a to day b inclusive that are not holidays. */
int64_t msc_calendar_workdays(const struct msc_calendar *c, int64_t a, int64_t b);
/* Seconds between two times on the MTTR clock: business hours (business
 * days, opening hours, less holidays) or calendar time. 0 when to <= from. */
int64_t msc_calendar_clock(const struct msc_calendar *c, int64_t from, int64_t to);

#endif
