/* sla_engagement.c: the resolution_plan milestone met on time. */
#include "kpi/kpi.h"

static void on_ticket(struct msc_kpi_ctx *ctx, const struct msc_ticket *t)
{
    msc_kpi_count_milestone(ctx, t, MSC_ENGAGEMENT);
}

const struct msc_kpi_module msc_kpi_sla_engagement = {
    .id = "sla_engagement",
    .name = "SLA: Tech Engagement (resolution plan)",
    .needs = "tickets:resolution_plan_due|tickets:resolution_plan_met",
    .formula = "resolution_plan milestones met / milestones due, by resolution_plan_due; the PSA's "
               "resolution_plan_met flag wins; met when resolution_plan <= resolution_plan_due; a milestone "
               "still open and due after the as-of time is pending and not counted",
    .unit = MSC_UNIT_RATIO,
    .better = MSC_HIGHER,
    .sample = "milestones",
    .target = 0.95,
    .weight = 1,
    .levels = MSC_AT_TECH | MSC_AT_TEAM | MSC_AT_CLIENT,
    .on_ticket = on_ticket,
};
