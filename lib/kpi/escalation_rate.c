/* escalation_rate.c: completed tickets that were escalated. */
#include "kpi/kpi.h"

static void on_ticket(struct msc_kpi_ctx *ctx, const struct msc_ticket *t)
{
    if (ctx->model->has_escalations)
        msc_kpi_count_completed_rate(ctx, t, t->escalations);
}

const struct msc_kpi_module msc_kpi_escalation_rate = {
    .id = "escalation_rate",
    .name = "Escalation Rate",
    .needs = "tickets:escalations",
    .formula = "completed tickets with escalations > 0 / completed tickets; no value when the "
               "tickets file has no escalations column",
    .unit = MSC_UNIT_RATIO,
    .better = MSC_LOWER,
    .sample = "completed tickets",
    .target = 0.10,
    .weight = 1,
    .levels = MSC_AT_TECH | MSC_AT_TEAM,
    .on_ticket = on_ticket,
};
