/* hours.c: hours worked for each client (profitability). */
#include "kpi/kpi.h"

#include <math.h>

static void on_entry(struct msc_kpi_ctx *ctx, const struct msc_entry *e)
{
    if (e->client >= 0)
        msc_kpi_add_client_team(ctx->cells, e->client, msc_kpi_period(ctx, e->start), e->hours, 0);
}

const struct msc_kpi_module msc_kpi_hours = {
    .id = "hours",
    .name = "Client Hours",
    .needs = "time_entries",
    .formula = "hours worked on the client's tickets and client time, by the entry's start",
    .unit = MSC_UNIT_HOURS,
    .better = MSC_LOWER,
    .target = NAN,
    .levels = MSC_AT_TEAM | MSC_AT_CLIENT,
    .value_only = 1,
    .on_entry = on_entry,
};
