/* agreement_usage.c: a fixed-fee client's hours against the hours its
 * agreement was priced for; above 100% the agreement costs more than it
 * was sold for. */
#include "kpi/kpi.h"

#include <math.h>

static void on_entry(struct msc_kpi_ctx *ctx, const struct msc_entry *e)
{
    if (e->client >= 0) /* the client's hours, as the hours KPI counts them */
        msc_cells_add(ctx->aux, MSC_LEVEL_CLIENT, e->client, msc_kpi_period(ctx, e->start),
                      e->hours, 0);
}

static void finish(struct msc_kpi_ctx *ctx)
{
    const struct msc_model *m = ctx->model;
    for (int64_t p = m->first_period; p <= m->last_period; p++)
        for (size_t c = 0; c < msc_names_count(&m->clients); c++) {
            double included = m->client[c].listed ? msc_model_client_included(m, (int)c, p) : NAN;
            if (!(included > 0))
                continue;
            const struct msc_sum *used = msc_cells_get(ctx->aux, MSC_LEVEL_CLIENT, (int)c, p);
            double hours = used ? used->num : 0;
            msc_kpi_add(ctx, MSC_LEVEL_CLIENT, (int)c, p, hours, included);
            msc_kpi_add(ctx, MSC_LEVEL_TEAM, -1, p, hours, included);
        }
}

const struct msc_kpi_module msc_kpi_agreement_usage = {
    .id = "agreement_usage",
    .name = "Agreement Usage",
    .needs = "clients:included_hours,time_entries",
    .formula = "the client's hours (all hours on its tickets and client time, by the entry's "
               "start) / the hours its agreement includes in the period (included_hours a month, "
               "summed like endpoints); team: the clients with included hours",
    .unit = MSC_UNIT_RATIO,
    .better = MSC_LOWER,
    .target = 1.0,
    .levels = MSC_AT_TEAM | MSC_AT_CLIENT,
    .finish = finish,
    .on_entry = on_entry,
};
