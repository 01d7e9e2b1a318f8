/* reopen_rate.c: completed tickets that were reopened. */
#include "kpi/kpi.h"

static void on_ticket(struct msc_kpi_ctx *ctx, const struct msc_ticket *t)
{
    if (ctx->model->has_reopens)
        msc_kpi_count_completed_rate(ctx, t, t->reopens);
}

const struct msc_kpi_module msc_kpi_reopen_rate = {
    .id = "reopen_rate",
    .name = "Reopen Rate",
    .needs = "tickets:reopens",
    .formula = "completed tickets with reopens > 0 / completed tickets; no value when the "
               "tickets file has no reopens column",
    .unit = MSC_UNIT_RATIO,
    .better = MSC_LOWER,
    .sample = "completed tickets",
    .target = 0.05,
    .weight = 1,
    .levels = MSC_AT_TECH | MSC_AT_TEAM,
    .on_ticket = on_ticket,
};
