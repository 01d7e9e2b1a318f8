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
 * Date-times are util/time.h's zone-less seconds. A value written with `Z`
 * or an offset is converted to the process's local time zone (TZ) first.
 */
#ifndef MSC_READ_FIELD_H
#define MSC_READ_FIELD_H

#include <stdint.h>

#include "util/time.h"


enum msc_field_status { MSC_FIELD_OK = 0, MSC_FIELD_EMPTY = 1, MSC_FIELD_BAD = 2 };


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

#endif
