/* utilization.c: utilized hours over available hours (kpis.md). */
#include "kpi/kpi.h"

#include <math.h>

static void on_entry(struct msc_kpi_ctx *ctx, const struct msc_entry *e)
{
    const struct msc_model *m = ctx->model;
    if (m->person[e->person].excluded)
        return; /* their time stays out of team utilization */
    int64_t period = msc_kpi_period(ctx, e->start);
    if (e->absence)
        msc_cells_add(ctx->aux, MSC_LEVEL_TECH, e->person, period, e->hours, 0);
    if (e->client_work && (!m->settings->utilization_billable || e->billable == 1))
        msc_kpi_add_tech_team(ctx, e->person, period, e->hours, 0);
}

/* The first and last day a person counts as employed, or 0 when never. */
static int employment(const struct msc_model *m, int person, int64_t *first, int64_t *last)
{
    const struct msc_person *p = &m->person[person];
    enum msc_period_kind kind = m->period_kind;
    if (p->listed) {
        *first = p->start_day;
        *last = p->end_day;
        return 1;
    }
    if (p->first_entry == MSC_TIME_NONE)
        return 0;
    /* Implicit window: whole periods from the first entry to the last. */
    *first = msc_period_start(kind, msc_period_of(kind, p->first_entry)) / 86400;
    *last = msc_period_end(kind, msc_period_of(kind, p->last_entry)) / 86400 - 1;
    return 1;
}

static void finish(struct msc_kpi_ctx *ctx)
{
    const struct msc_model *m = ctx->model;
    const struct msc_calendar *cal = &m->settings->calendar;
    if (m->entries_start == MSC_TIME_NONE || m->data_end == MSC_TIME_NONE)
        return;
    /* Capacity only where the exports have time entries (kpis.md "Data
     * coverage"): a month the export starts or stops in shows no false
     * low utilization. */
    int64_t data_first = msc_day_of(m->entries_start), data_last = msc_day_of(m->data_end);
    for (size_t person = 0; person < msc_names_count(&m->people); person++) {
        int64_t first, last;
        if (!msc_model_is_tech(m, (int)person) || !employment(m, (int)person, &first, &last))
            continue;
        for (int64_t p = m->first_period; p <= m->last_period; p++) {
            int64_t a = msc_period_start(m->period_kind, p) / 86400;
            int64_t b = msc_period_end(m->period_kind, p) / 86400 - 1;
            a = a > first ? a : first;
            a = a > data_first ? a : data_first;
            b = b < last ? b : last;
            b = b < data_last ? b : data_last;
            double hours = (double)msc_calendar_workdays(cal, a, b) * m->person[person].weekly_hours / 5;
            const struct msc_sum *absent = msc_cells_get(ctx->aux, MSC_LEVEL_TECH, (int)person, p);
            if (absent)
                hours -= absent->num;
            if (hours > 0)
                msc_kpi_add_tech_team(ctx, (int)person, p, 0, hours);
        }
    }
}

const struct msc_kpi_module msc_kpi_utilization = {
    .id = "utilization",
    .name = "Resource Utilization",
    .needs = "time_entries",
    .formula = "utilized hours (client work on a ticket or for a client; only billable entries "
               "when utilization_basis = billable) / available hours (weekly_hours / 5 x weekdays "
               "employed in the period, less holidays, less PTO, Holiday, Sick and Vacation hours)",
    .unit = MSC_UNIT_RATIO,
    .better = MSC_HIGHER,
    .sample = "hours available",
    .sample_hours = 1,
    .target = 0.80,
    .weight = 1,
    .levels = MSC_AT_TECH | MSC_AT_TEAM,
    .on_entry = on_entry,
    .finish = finish,
};
