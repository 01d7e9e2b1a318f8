/* mttr.c: mean time to resolution of reactive tickets, on the MTTR clock. */
#include "kpi/kpi.h"

static void on_ticket(struct msc_kpi_ctx *ctx, const struct msc_ticket *t)
{
    /* A negative duration was warned about when the ticket was read. */
    int64_t resolved = msc_ticket_resolved(ctx->model, t);
    if (!t->reactive || t->completed == MSC_TIME_NONE || resolved < t->created)
        return;
    int64_t period = msc_kpi_period(ctx, t->completed);
    double hours = (double)msc_calendar_clock(&ctx->model->settings->calendar, t->created,
                                              resolved) / 3600;
    msc_kpi_add_tech_team(ctx, t->person, period, hours, 1);
    if (t->client >= 0)
        msc_kpi_add(ctx, MSC_LEVEL_CLIENT, t->client, period, hours, 1);
}

const struct msc_kpi_module msc_kpi_mttr = {
    .id = "mttr",
    .name = "Mean Time to Resolution",
    .needs = "tickets:completed|tickets:resolved",
    .formula = "mean of resolved (else completed) - created, in business hours (mttr_clock), "
               "over reactive tickets completed in the period",
    .unit = MSC_UNIT_HOURS,
    .better = MSC_LOWER,
    .sample = "tickets",
    .target = 5,
    .weight = 0,
    .levels = MSC_AT_TECH | MSC_AT_TEAM | MSC_AT_CLIENT,
    .on_ticket = on_ticket,
};
