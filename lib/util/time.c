/* time.c: the zone-less calendar (days since 1970-01-01). */
#include "util/time.h"

#include <stdio.h>

int64_t msc_days_from_civil(int y, int m, int d)
{
    /* 64-bit throughout so that no int argument can overflow. */
    int64_t yy = (int64_t)y - (m <= 2);
    int64_t era = (yy >= 0 ? yy : yy - 399) / 400;
    int64_t yoe = yy - era * 400;
    int64_t mp = (int64_t)m + (m > 2 ? -3 : 9);
    int64_t doy = (153 * mp + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void msc_civil_from_days(int64_t days, int *y, int *m, int *d)
{
    /* Clamp so the year still fits an int and the shift below cannot overflow. */
    const int64_t lim = 780000000000;
    int64_t z = (days < -lim ? -lim : days > lim ? lim : days) + 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    int mm = (int)(mp < 10 ? mp + 3 : mp - 9);
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = mm;
    *y = (int)(yoe + era * 400 + (mm <= 2));
}

int msc_days_in_month(int y, int m)
{
    static const int len[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    if (m < 1 || m > 12)
        return 0;
    if (m == 2 && y % 4 == 0 && (y % 100 != 0 || y % 400 == 0))
        return 29;
    return len[m - 1];
}

int msc_weekday(int64_t days)
{
    /* Day 0 was a Thursday (3); the +10 keeps the remainder non-negative. */
    return (int)((days % 7 + 10) % 7);
}

void msc_format_datetime(int64_t t, char *buf)
{
    int64_t days, secs;
    int y, m, d, h, mi, s;
    if (t == MSC_TIME_NONE) {
        buf[0] = '\0';
        return;
    }
    days = t / 86400; /* floored, so times before 1970 fall on the right day */
    secs = t % 86400;
    if (secs < 0) {
        secs += 86400;
        days--;
    }
    msc_civil_from_days(days, &y, &m, &d);
    h = (int)(secs / 3600);
    mi = (int)(secs / 60 % 60);
    s = (int)(secs % 60);
    /* Years outside 1..9999 are truncated rather than overrunning buf. */
    if (s)
        snprintf(buf, 20, "%04d-%02d-%02d %02d:%02d:%02d", y, m, d, h, mi, s);
    else
        snprintf(buf, 20, "%04d-%02d-%02d %02d:%02d", y, m, d, h, mi);
}
