/* sla_triage.c: the first_response milestone met on time. */
#include "kpi/kpi.h"

static void on_ticket(struct msc_kpi_ctx *ctx, const struct msc_ticket *t)
{
    msc_kpi_count_milestone(ctx, t, MSC_TRIAGE);
}

const struct msc_kpi_module msc_kpi_sla_triage = {
    .id = "sla_triage",
    .name = "SLA: Triage (first response)",
    .needs = "tickets:first_response_due|tickets:first_response_met",
    .formula = "first_response milestones met / milestones due, by first_response_due; the PSA's "
               "first_response_met flag wins; met when first_response <= first_response_due; a milestone "
               "still open and due after the as-of time is pending and not counted",
    .unit = MSC_UNIT_RATIO,
    .better = MSC_HIGHER,
    .sample = "milestones",
    .target = 0.97,
    .weight = 1,
    .levels = MSC_AT_TECH | MSC_AT_TEAM | MSC_AT_CLIENT,
    .on_ticket = on_ticket,
};
