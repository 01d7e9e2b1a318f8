/* sla_completion.c: the resolved milestone met on time. */
#include "kpi/kpi.h"

static void on_ticket(struct msc_kpi_ctx *ctx, const struct msc_ticket *t)
{
    msc_kpi_count_milestone(ctx, t, MSC_COMPLETION);
}

const struct msc_kpi_module msc_kpi_sla_completion = {
    .id = "sla_completion",
    .name = "SLA: Completion (resolved)",
    .needs = "tickets:resolved_due|tickets:resolved_met",
    .formula = "resolved milestones met / milestones due, by resolved_due; the PSA's "
               "resolved_met flag wins; met when resolved <= resolved_due; a milestone "
               "still open and due after the as-of time is pending and not counted",
    .unit = MSC_UNIT_RATIO,
    .better = MSC_HIGHER,
    .sample = "milestones",
    .target = 0.90,
    .weight = 1,
    .levels = MSC_AT_TECH | MSC_AT_TEAM | MSC_AT_CLIENT,
    .on_ticket = on_ticket,
};
