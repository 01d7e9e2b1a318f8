/* est_vs_actual.c: hours logged against the estimate. */
#include "kpi/kpi.h"

#include <math.h>

static void on_ticket(struct msc_kpi_ctx *ctx, const struct msc_ticket *t)
{
    if (t->completed == MSC_TIME_NONE || isnan(t->estimated_hours) || t->estimated_hours <= 0)
        return;
    msc_kpi_add_tech_team(ctx, t->person, msc_kpi_period(ctx, t->completed), t->hours,
                          t->estimated_hours);
}

const struct msc_kpi_module msc_kpi_est_vs_actual = {
    .id = "est_vs_actual",
    .name = "Estimated vs Actual Time",
    .needs = "tickets:estimated_hours,time_entries",
    .formula = "hours logged on the ticket by anyone / estimated hours, summed over tickets "
               "completed in the period with an estimate > 0",
    .unit = MSC_UNIT_RATIO,
    .better = MSC_LOWER,
    .sample = "estimated hours",
    .sample_hours = 1,
    .target = 1.10,
    .weight = 1,
    .levels = MSC_AT_TECH | MSC_AT_TEAM,
    .on_ticket = on_ticket,
};
