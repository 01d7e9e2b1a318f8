/* fcr.c: first contact resolution. */
#include "kpi/kpi.h"

static void on_ticket(struct msc_kpi_ctx *ctx, const struct msc_ticket *t)
{
    if (t->completed == MSC_TIME_NONE || t->entries == 0)
        return;
    int first_contact = t->entries == 1 && t->escalations <= 0 && t->reopens <= 0;
    msc_kpi_add_tech_team(ctx, t->person, msc_kpi_period(ctx, t->completed), first_contact, 1);
}

const struct msc_kpi_module msc_kpi_fcr = {
    .id = "fcr",
    .name = "First Contact Resolution",
    .needs = "tickets:completed|tickets:resolved,time_entries",
    .formula = "completed tickets with exactly one time entry, never reopened or escalated / "
               "completed tickets with at least one time entry (entries of any date, type or "
               "person, zero hours included)",
    .unit = MSC_UNIT_RATIO,
    .better = MSC_HIGHER,
    .sample = "tickets with time",
    .target = 0.70,
    .weight = 1,
    .levels = MSC_AT_TECH | MSC_AT_TEAM,
    .on_ticket = on_ticket,
};
