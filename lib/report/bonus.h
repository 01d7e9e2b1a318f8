/*
 * bonus.h: the pooled bonus as the report holds it (kpis.md "Pooled
 * bonus"), for the Bonus sheet, the Scorecard and the mail: per period the
 * managed-services revenue, the full and released pool and each goal's
 * team value against its target; the members with a share; and the
 * sentence for the last period. Figures are NAN when the report has none.
 */
#ifndef MSC_REPORT_BONUS_H
#define MSC_REPORT_BONUS_H

#include <stddef.h>

#include "report/report.h"

struct msc_bonus_goal {
    int kpi;                    /* report index */
    double value, target;       /* value NAN: no data (not met) */
    int met;
};

struct msc_bonus_period {
    int64_t period;
    double revenue, pool, released;
    int met;                    /* goals met */
    struct msc_bonus_goal goal[MSC_BONUS_GOALS];
};

struct msc_bonus {
    int ngoals;
    int share;                  /* report index of the member's share (tech rows); -1 */
    struct msc_bonus_period *period; /* the range's, oldest first */
    size_t nperiods;
    int *member;                /* people with a share in the range, by name */
    size_t nmembers;
};

/* Whether the report has a bonus (the settings' [bonus] and its KPIs). */
int msc_report_has_bonus(const struct msc_report *r);
/* -1 on no memory; an empty out when the report has no bonus. */
int msc_report_bonus(const struct msc_report *r, struct msc_bonus *out);
void msc_bonus_release(struct msc_bonus *b);
/* A member's share as a fraction of their pay for the period (monthly_pay
 * x months in the period); NAN without both. */
double msc_bonus_share_of_pay(const struct msc_report *r, const struct msc_bonus *b, int person,
                              int64_t period);
/* "Bonus 2026-10: 4,350 of 6,000 released (2 of 3 goals met: MTTR missed,
 * 6.2 h against 5 h)" for the last period; "" without a bonus. */
void msc_report_bonus_sentence(const struct msc_report *r, char *buf, size_t cap);

#endif
