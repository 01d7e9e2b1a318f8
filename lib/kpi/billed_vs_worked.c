/* billed_vs_worked.c: hours billed against hours worked on client work;
 * below 1, work is given away (scope creep shows here first). */
#include "kpi/kpi.h"

#include <math.h>

static void on_entry(struct msc_kpi_ctx *ctx, const struct msc_entry *e)
{
    if (!e->client_work || isnan(e->hours_billed))
        return;
    int64_t period = msc_kpi_period(ctx, e->start);
    /* Everyone's time counts for the team and the client, as in client
     * hours; the report keeps tech rows of technicians only. */
    msc_kpi_add_tech_team(ctx, e->person, period, e->hours_billed, e->hours);
    if (e->client >= 0)
        msc_kpi_add(ctx, MSC_LEVEL_CLIENT, e->client, period, e->hours_billed, e->hours);
}

const struct msc_kpi_module msc_kpi_billed_vs_worked = {
    .id = "billed_vs_worked",
    .name = "Billed vs Worked",
    .needs = "time_entries:hours_billed",
    .formula = "hours_billed / hours worked, over client-work time entries (on a ticket or for a "
               "client, work type not in non_client_work_types) that give hours_billed, by the "
               "entry's start; below 100% work is given away",
    .unit = MSC_UNIT_RATIO,
    .better = MSC_HIGHER,
    .sample = "hours worked",
    .sample_hours = 1,
    .target = NAN,
    .levels = MSC_AT_TECH | MSC_AT_TEAM | MSC_AT_CLIENT,
    .on_entry = on_entry,
};
