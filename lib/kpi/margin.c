/* margin.c: share of revenue left after labor (profitability). */
#include "kpi/kpi.h"

#include <math.h>

static void on_entry(struct msc_kpi_ctx *ctx, const struct msc_entry *e)
{
    if (e->client >= 0)
        msc_kpi_add_client_team(ctx->aux, e->client, msc_kpi_period(ctx, e->start),
                                e->hours * msc_model_hourly_cost(ctx->model, e->person), 0);
}

static void finish(struct msc_kpi_ctx *ctx) { msc_kpi_add_revenue(ctx, MSC_REVENUE_LESS_AUX); }

const struct msc_kpi_module msc_kpi_margin = {
    .id = "margin",
    .name = "Margin",
    .needs = "clients:monthly_revenue,time_entries",
    .formula = "(revenue - labor cost) / revenue",
    .unit = MSC_UNIT_RATIO,
    .better = MSC_HIGHER,
    .target = NAN,
    .levels = MSC_AT_TEAM | MSC_AT_CLIENT,
    .on_entry = on_entry,
    .finish = finish,
};
