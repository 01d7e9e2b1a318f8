/*
 * pool.h: the pooled bonus arithmetic (kpis.md "Pooled bonus"), shared by
 * the bonus_pool, bonus_released and bonus modules, which derive it from
 * the other KPIs' cells once every module has finished.
 *
 * The full pool is pool_share x the period's managed-services revenue;
 * the goals are judged on their team cell against the targets in force (a
 * goal without a value is not met); the released pool follows the payout
 * rule. A member is a technician in one of the [bonus] teams (every
 * technician by default); people with include = false never are.
 */
#ifndef MSC_KPI_POOL_H
#define MSC_KPI_POOL_H

#include "kpi/kpi.h"

struct msc_pool {
    double revenue;             /* managed-services revenue; NAN: none */
    double pool;                /* NAN without revenue */
    int goals, met;
    double released;            /* NAN without a pool */
};

/* Off without a [bonus] section: the module's off hook. */
int msc_pool_off(const struct msc_model *m, char *why, size_t cap);
/* Managed-services revenue of a period; NAN when no such client has a figure. */
double msc_pool_revenue(const struct msc_model *m, int64_t period);
void msc_pool_of(const struct msc_kpi_ctx *ctx, int64_t period, struct msc_pool *out);
/* Adds the team cell of every period of the range: the full pool, or
 * (released) the released pool. */
void msc_pool_add_team(struct msc_kpi_ctx *ctx, int released);
int msc_pool_member(const struct msc_model *m, int person);
/* A person's available hours in a period (the utilization denominator);
 * 0 when none. */
double msc_pool_hours(const struct msc_kpi_ctx *ctx, int person, int64_t period);

#endif
