/* realtime_entry.c: time entries entered soon after the work ended. */
#include "kpi/kpi.h"

static void on_entry(struct msc_kpi_ctx *ctx, const struct msc_entry *e)
{
    const struct msc_model *m = ctx->model;
    if (e->entered == MSC_TIME_NONE || m->person[e->person].excluded)
        return;
    /* In double: the threshold is any number the settings accept. */
    int on_time = (double)(e->entered - e->end) <= m->settings->realtime_minutes * 60;
    msc_kpi_add_tech_team(ctx, e->person, msc_kpi_period(ctx, e->end), on_time, 1);
}

const struct msc_kpi_module msc_kpi_realtime_entry = {
    .id = "realtime_entry",
    .name = "Real-Time Time Entry",
    .needs = "time_entries:entered",
    .formula = "time entries entered no later than realtime_minutes (30) after their end / "
               "time entries with an entered time; by the entry's end",
    .unit = MSC_UNIT_RATIO,
    .better = MSC_HIGHER,
    .sample = "entries",
    .target = 0.90,
    .weight = 1,
    .levels = MSC_AT_TECH | MSC_AT_TEAM,
    .on_entry = on_entry,
};
