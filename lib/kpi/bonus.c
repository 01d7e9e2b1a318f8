/* bonus.c: each bonus team member's share of the released pool. */
#include "kpi/pool.h"

#include <math.h>

static void derive(struct msc_kpi_ctx *ctx)
{
    const struct msc_model *m = ctx->model;
    size_t people = msc_names_count(&m->people);
    int equal = m->settings->bonus.split == MSC_SPLIT_EQUAL;
    for (int64_t p = m->first_period; p <= m->last_period; p++) {
        struct msc_pool pool;
        msc_pool_of(ctx, p, &pool);
        if (isnan(pool.released))
            continue;
        double total = 0;
        for (size_t i = 0; i < people; i++)
            if (msc_pool_member(m, (int)i) && msc_pool_hours(ctx, (int)i, p) > 0)
                total += equal ? 1 : msc_pool_hours(ctx, (int)i, p);
        for (size_t i = 0; i < people && total > 0; i++) {
            double h = msc_pool_member(m, (int)i) ? msc_pool_hours(ctx, (int)i, p) : 0;
            if (h > 0)
                msc_kpi_add(ctx, MSC_LEVEL_TECH, (int)i, p, pool.released * (equal ? 1 : h) / total, 0);
        }
    }
}

const struct msc_kpi_module msc_kpi_bonus = {
    .id = "bonus",
    .name = "Bonus",
    .needs = "clients:monthly_revenue,time_entries",
    .formula = "the member's share of the released bonus pool: in proportion to their available "
               "hours in the period (split = available_hours) or equal among the members with "
               "available hours (equal); members are the technicians of the [bonus] teams",
    .unit = MSC_UNIT_MONEY,
    .better = MSC_HIGHER,
    .target = NAN,
    .levels = MSC_AT_TECH,
    .value_only = 1,
    .off = msc_pool_off,
    .derive = derive,
};
