/* tickets_per_endpoint.c: reactive ticket volume per managed endpoint. */
#include "kpi/kpi.h"

#include <math.h>

static void on_ticket(struct msc_kpi_ctx *ctx, const struct msc_ticket *t)
{
    if (!t->reactive)
        return;
    int64_t period = msc_kpi_period(ctx, t->created);
    if (t->client >= 0)
        msc_kpi_add(ctx, MSC_LEVEL_CLIENT, t->client, period, 1, 0);
    msc_kpi_add(ctx, MSC_LEVEL_TEAM, -1, period, 1, 0);
}

const struct msc_kpi_module msc_kpi_tickets_per_endpoint = {
    .id = "tickets_per_endpoint",
    .name = "Tickets per Endpoint per Month",
    .needs = "clients",
    .formula = "reactive tickets created in the period / endpoint-months of the clients in "
               "clients.csv",
    .unit = MSC_UNIT_PER_ENDPOINT,
    .better = MSC_LOWER,
    .target = NAN,
    .weight = 0,
    .levels = MSC_AT_TEAM | MSC_AT_CLIENT,
    .on_ticket = on_ticket,
    .finish = msc_kpi_add_endpoint_months,
};
