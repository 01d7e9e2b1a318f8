/* labor_cost.c: what the client's hours cost (profitability). */
#include "kpi/kpi.h"

#include <math.h>

static void on_entry(struct msc_kpi_ctx *ctx, const struct msc_entry *e)
{
    if (e->client >= 0)
        msc_kpi_add_client_team(ctx->cells, e->client, msc_kpi_period(ctx, e->start),
                                e->hours * msc_model_hourly_cost(ctx->model, e->person), 0);
}

const struct msc_kpi_module msc_kpi_labor_cost = {
    .id = "labor_cost",
    .name = "Labor Cost",
    .needs = "time_entries",
    .formula = "client hours x the working person's hourly_cost (default_hourly_cost when unknown)",
    .unit = MSC_UNIT_MONEY,
    .better = MSC_LOWER,
    .target = NAN,
    .levels = MSC_AT_TEAM | MSC_AT_CLIENT,
    .value_only = 1,
    .on_entry = on_entry,
};
