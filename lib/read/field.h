/*
 * field.h: typed values from one CSV cell.
 *
 * Every parser takes a NUL-terminated cell as libcsv delivered it (already
 * UTF-8) and returns MSC_FIELD_OK, MSC_FIELD_EMPTY (the cell is empty or all
 * white space: a missing value, never zero) or MSC_FIELD_BAD (the cell holds
 * something that is not a value of that type). The out value is written only
 * on MSC_FIELD_OK. Nothing here allocates.
 *
 *     int64_t t;
 *     if (msc_parse_datetime("3/4/2026 1:22 PM", MSC_DATE_MDY, &t) == MSC_FIELD_OK)
 *         ... t is 2026-03-04 13:22:00 as seconds since 1970-01-01 ...
 *
 * Date-times are local wall-clock times held as seconds since 1970-01-01
 * 00:00 in a calendar with no time zone (so a day is always 86400 s and
 * arithmetic on them never meets a DST jump). A value written with `Z` or an
 * offset is converted to the process's local time zone (TZ) first.
 */
#ifndef MSC_READ_FIELD_H
#define MSC_READ_FIELD_H

#include <stdint.h>

#define MSC_TIME_NONE INT64_MIN /* a missing date-time */

enum msc_field_status { MSC_FIELD_OK = 0, MSC_FIELD_EMPTY = 1, MSC_FIELD_BAD = 2 };

/* How to read numeric dates like 03/04/2026: month first (US), day first,
 * or year first (2026/03/04). ISO 2026-03-04 is always year-month-day.
 * MSC_DATE_AUTO is not a way to read a date but a setting: infer the
 * order per file (model/load.h); msc_parse_datetime reads it as MDY. */
enum msc_date_order { MSC_DATE_MDY = 0, MSC_DATE_DMY, MSC_DATE_YMD, MSC_DATE_AUTO };

/* Accepted forms (any may have leading/trailing white space):
 *   2026-03-04                     midnight
 *   2026-03-04 13:22[:05[.123]]    also with 'T' instead of the space
 *   2026-03-04T13:22:05Z, ...+02:00, ...-0500, ...+02  (converted to local)
 *   2026/03/04 14:50:17.000        slashes, year first
 *   3/4/2026 [1:22[:05] PM|AM], 03/04/2026 13:22[:05], 3/4/2026
 *     (month/day or day/month per order; with MSC_DATE_YMD a
 *     slash date with the year last is read month first)
 *   03-04-2026 13:22                     (dash with year last, same order rule)
 *   03.04.2026 13:22                     (dots: always day first, whatever the order)
 * Year 1..9999; day checked against the month (2026-02-30 is BAD), hour
 * 0..23 (24:00 is BAD), minute/second 0..59. AM/PM case-insensitive, hour
 * 1..12 with AM/PM. Fractional seconds are dropped. */
int msc_parse_datetime(const char *s, enum msc_date_order order, int64_t *out);

/* What a date-time cell says about its file's day/month order
 * (data-model.md): only a date with the year last and '/' or '-' between
 * its parts votes; it needs day first (13/08/2026), month first
 * (8/13/2026), or reads either way (03/08/2026). Year-first and dotted
 * dates, a date neither order reads and anything else: MSC_VOTE_NONE. */
enum msc_date_vote { MSC_VOTE_NONE = 0, MSC_VOTE_EITHER, MSC_VOTE_DAY_FIRST, MSC_VOTE_MONTH_FIRST };
enum msc_date_vote msc_date_vote(const char *s);

/* A number. decimal_comma = 0: '.' is the decimal point and ',' groups
 * thousands ("1,234.5"). decimal_comma = 1: ',' is the decimal point and '.'
 * groups thousands ("1.234,5"), except that a '.' not followed by exactly
 * three digits (then a non-digit or the end) is a decimal point ("1.5").
 * Leading sign, leading/trailing white space allowed; exponents, "nan",
 * "inf", hex, and anything trailing are BAD. Grouping must be by three
 * digits ("1,23" is BAD when ',' groups). */
int msc_parse_number(const char *s, int decimal_comma, double *out);

/* true/false, yes/no, y/n, 1/0, t/f, and X for true; case-insensitive. */
int msc_parse_bool(const char *s, int *out);

/* A rating word: positive/good/happy -> 1.0, neutral/ok/okay -> 0.5,
 * negative/bad/unhappy -> 0.0 (case-insensitive, trimmed). BAD for any other
 * text. */
int msc_parse_rating(const char *s, double *out);

/* Calendar helpers shared by the parsers and the model. */
int64_t msc_days_from_civil(int y, int m, int d);           /* days since 1970-01-01 */
void msc_civil_from_days(int64_t days, int *y, int *m, int *d);
int msc_days_in_month(int y, int m);
int msc_weekday(int64_t days);                              /* 0 = Monday .. 6 = Sunday */
/* Writes "YYYY-MM-DD HH:MM" (or with ":SS" when seconds are not 0) into buf
 * of at least 20 bytes; "" for MSC_TIME_NONE. */
void msc_format_datetime(int64_t t, char *buf);

#endif
