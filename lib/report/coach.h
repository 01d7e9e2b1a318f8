/*
 * coach.h: the coaching figures of output.md "Coaching", made once from the
 * report so that the Coach sheets, each technician's own workbook, the text
 * card and the mail show the same numbers.
 *
 * The coached KPIs are the report's technician KPIs (the scorecard's, then
 * those shown beside it such as mttr and CSAT) in registry order; the
 * technicians are those with any value of them, or a score, in the range,
 * by name. Everything is about the report's last period (the latest)
 * unless a period is given.
 */
#ifndef MSC_REPORT_COACH_H
#define MSC_REPORT_COACH_H

#include <stddef.h>
#include <stdint.h>

#include "report/report.h"
#include "util/error.h"

/* One coached KPI of one technician, in the latest period. */
struct msc_coach_kpi {
    int kpi;                    /* registry index */
    double value;               /* NAN: no value */
    double gap;                 /* value - target in the KPI's unit; NAN */
    double sample;              /* the denominator behind the value; NAN */
    int low_sample;             /* a count below min_sample */
    int streak;                 /* periods on target in a row, up to the latest */
    double points;              /* lost in the latest score; NAN when not counted */
};

struct msc_coach_tech {
    int person;
    double score, change;       /* latest score, and since the period before; NAN */
    int trend;                  /* -1 declining, 1 improving (5 points on three periods ago) */
    int rank;                   /* 1 = best; 0 without a score */
    int focus, keep;            /* indexes into kpi[], -1 for none */
    struct msc_coach_kpi kpi[MSC_MAX_KPIS]; /* parallel to msc_coach.kpi */
};

struct msc_coach {
    const struct msc_report *r;
    int kpi[MSC_MAX_KPIS];      /* the coached KPIs' registry indexes */
    size_t nkpis;
    int nperiods;               /* first_period .. last_period */
    double *median;             /* [i * nperiods + period index]: team median, NAN */
    int *nteam;                 /* same shape: technicians with a value */
    double *team_score;         /* by period index: the team's score, NAN */
    int *nscore_team;           /* by period index: technicians with a score */
    int nscored;                /* technicians with a score in the latest period */
    struct msc_coach_tech *tech; /* by name */
    size_t ntech;
};

/* Builds the figures for every technician; -1 on no memory. */
int msc_coach_build(struct msc_coach *c, const struct msc_report *r);
void msc_coach_release(struct msc_coach *c);
/* A technician's figures, or NULL when they have no value in the range. */
const struct msc_coach_tech *msc_coach_find(const struct msc_coach *c, int person);
/* A technician by name as names match everywhere (folded); NULL. */
const struct msc_coach_tech *msc_coach_find_name(const struct msc_coach *c, const char *name);
/* The team median of coached KPI i in a period, NAN without one; *n (when
 * not NULL) gets how many technicians have a value. */
double msc_coach_median(const struct msc_coach *c, size_t i, int64_t period, int *n);
/* The technician's streak of periods on target for a KPI up to a period. */
int msc_coach_streak(const struct msc_report *r, int kpi, int person, int64_t period);

/* "Tech score 73.6 (target 90), rank 10 of 10, down 1.8 on 2026-09.
 * ▼ Declining: 5 or more points below 2026-07."; into buf. */
void msc_coach_header_text(const struct msc_coach *c, const struct msc_coach_tech *t, char *buf,
                           size_t cap);
/* "Focus: First Contact Resolution, 6.7% against 70% (costs 9.0 points)",
 * or why there is no focus; into buf. */
void msc_coach_focus_text(const struct msc_coach *c, const struct msc_coach_tech *t, char *buf,
                          size_t cap);
/* "Keep: Utilization, 84.2% against 80% (on target 6 periods in a row)",
 * or why there is none; into buf. */
void msc_coach_keep_text(const struct msc_coach *c, const struct msc_coach_tech *t, char *buf,
                         size_t cap);
/* The text of the mail that brings a technician their own workbook:
 * a greeting, the header, focus and keep sentences (nothing of anyone
 * else). *out is allocated; the caller frees it. Errors: MSC_ERR_NOMEM. */
enum msc_status msc_coach_mail_body(const struct msc_coach *c, const struct msc_coach_tech *t,
                                    char **out, struct msc_error *err);
/* The sample in words: "3 surveys", "152 hours available"; "" without one. */
void msc_coach_sample_text(const struct msc_coach *c, const struct msc_coach_kpi *k, char *buf,
                           size_t cap);
/* A technician's name made fit for a sheet or file name (output.md
 * "Coaching", Names): at most 31 bytes, []:*?/\ and control characters
 * as '_', no leading or trailing apostrophe; "Technician" when nothing is
 * left. Uniqueness is the caller's. cap >= 32. */
void msc_coach_safe_name(const char *name, char *out, size_t cap);

#endif
