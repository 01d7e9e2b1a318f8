/* reactive_hours_per_endpoint.c: reactive workload per managed endpoint. */
#include "kpi/kpi.h"

static void on_entry(struct msc_kpi_ctx *ctx, const struct msc_entry *e)
{
    if (!e->ticket || !e->ticket->reactive)
        return;
    int64_t period = msc_kpi_period(ctx, e->start);
    if (e->ticket->client >= 0)
        msc_kpi_add(ctx, MSC_LEVEL_CLIENT, e->ticket->client, period, e->hours, 0);
    msc_kpi_add(ctx, MSC_LEVEL_TEAM, -1, period, e->hours, 0);
}

const struct msc_kpi_module msc_kpi_reactive_hours_per_endpoint = {
    .id = "reactive_hours_per_endpoint",
    .name = "Reactive Hours per Endpoint per Month",
    .needs = "clients,time_entries",
    .formula = "hours on reactive tickets (by anyone, any work type, by the entry's start) / "
               "endpoint-months of the clients in clients.csv",
    .unit = MSC_UNIT_PER_ENDPOINT,
    .better = MSC_LOWER,
    .target = 0.25,
    .weight = 0,
    .levels = MSC_AT_TEAM | MSC_AT_CLIENT,
    .on_entry = on_entry,
    .finish = msc_kpi_add_endpoint_months,
};
