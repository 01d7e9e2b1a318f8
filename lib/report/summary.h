/*
 * summary.h: the report in words, for the mail that carries it (and any
 * other short notice): a body and a subject line.
 */
#ifndef MSC_REPORT_SUMMARY_H
#define MSC_REPORT_SUMMARY_H

#include "report/report.h"
#include "util/error.h"

/* The mail body for a report: MSP name, the last period (marked partial),
 * the data-quality gate's problems before anything else, the range,
 * the team's tech score against the period before, the team KPIs that
 * missed their target in the last period (and how many scorecard KPIs
 * met theirs), and the technicians whose tech score rose and fell most.
 * *out is allocated (msc_malloc) and the caller frees it.
 * Errors: MSC_ERR_NOMEM. */
enum msc_status msc_report_summary(const struct msc_report *r, char **out, struct msc_error *err);

/* "PREFIX Technician scorecard 2026-04 - MSP NAME", without PREFIX when it
 * is NULL or empty and without the name when the settings give none;
 * "[data problem] " in front when the gate failed, " (partial)" after the
 * period of a partial report.
 * *out is allocated; the caller frees it. Errors: MSC_ERR_NOMEM. */
enum msc_status msc_report_mail_subject(const struct msc_report *r, const char *prefix, char **out,
                                 struct msc_error *err);

#endif
