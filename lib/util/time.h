/*
 * time.h: the time type every layer shares.
 *
 * Date-times are local wall-clock times held as seconds since 1970-01-01
 * 00:00 in a calendar with no time zone (so a day is always 86400 s and
 * arithmetic on them never meets a DST jump); read/field.h parses them,
 * model/period.h groups them into periods.
 */
#ifndef MSC_UTIL_TIME_H
#define MSC_UTIL_TIME_H

#include <stdint.h>

#define MSC_TIME_NONE INT64_MIN /* a missing date-time */

/* How to read numeric dates like 03/04/2026: month first (US), day first,
 * or year first (2026/03/04). ISO 2026-03-04 is always year-month-day.
 * MSC_DATE_AUTO is not a way to read a date but a setting: infer the
 * order per file (the loader); msc_parse_datetime reads it as MDY. */
enum msc_date_order { MSC_DATE_MDY = 0, MSC_DATE_DMY, MSC_DATE_YMD, MSC_DATE_AUTO };

/* Calendar arithmetic. */
int64_t msc_days_from_civil(int y, int m, int d);           /* days since 1970-01-01 */
void msc_civil_from_days(int64_t days, int *y, int *m, int *d);
int msc_days_in_month(int y, int m);
int msc_weekday(int64_t days);                              /* 0 = Monday .. 6 = Sunday */
/* Writes "YYYY-MM-DD HH:MM" (or with ":SS" when seconds are not 0) into buf
 * of at least 20 bytes; "" for MSC_TIME_NONE. */
void msc_format_datetime(int64_t t, char *buf);

#endif
