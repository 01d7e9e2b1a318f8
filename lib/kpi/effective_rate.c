/* effective_rate.c: revenue earned per hour worked (profitability). */
#include "kpi/kpi.h"

#include <math.h>

static void on_entry(struct msc_kpi_ctx *ctx, const struct msc_entry *e)
{
    if (e->client >= 0)
        msc_kpi_add_client_team(ctx->aux, e->client, msc_kpi_period(ctx, e->start), e->hours, 0);
}

static void finish(struct msc_kpi_ctx *ctx) { msc_kpi_add_revenue(ctx, MSC_REVENUE_OVER_AUX); }

const struct msc_kpi_module msc_kpi_effective_rate = {
    .id = "effective_rate",
    .name = "Effective Hourly Rate",
    .needs = "clients:monthly_revenue,time_entries",
    .formula = "revenue / client hours; the team's is all revenue over the hours of all clients",
    .unit = MSC_UNIT_MONEY_PER_HOUR,
    .better = MSC_HIGHER,
    .target = NAN,
    .levels = MSC_AT_TEAM | MSC_AT_CLIENT,
    .on_entry = on_entry,
    .finish = finish,
};
