/* tech_score.c: weighted attainment over the scorecard KPIs. */
#include "kpi/kpi.h"
#include "kpi/registry.h"

#include <math.h>

static void derive(struct msc_kpi_ctx *ctx)
{
    for (size_t k = 0; k < ctx->kpis->count; k++) {
        const struct msc_kpi_module *mod = ctx->kpis->mod[k];
        double w = ctx->weights[k], target = ctx->targets[k];
        if ((int)k == ctx->index || !(w > 0) || isnan(target))
            continue;
        struct msc_cells_iter it = {0};
        struct msc_cell c;
        while (msc_cells_next(ctx->all[k], &it, &c)) {
            double v;
            if (c.level == MSC_LEVEL_CLIENT || !msc_kpi_in_range(ctx, c.period) ||
                isnan(v = msc_kpi_cell_value(mod, &c.sum)))
                continue;
            msc_cells_add(ctx->aux, c.level, c.subject, c.period, w * msc_kpi_attainment(mod->better, v, target), w);
        }
    }
    struct msc_cells_iter it = {0};
    struct msc_cell c;
    while (msc_cells_next(ctx->aux, &it, &c))
        if (c.sum.den > 0)
            msc_kpi_add(ctx, c.level, c.subject, c.period, 100 * c.sum.num / c.sum.den, 0);
}

const struct msc_kpi_module msc_kpi_tech_score = {
    .id = "tech_score",
    .name = "Tech Score",
    .formula = "weighted mean (weights, default 1 for the ten scorecard KPIs) of attainment over "
               "the KPIs with a value: higher-is-better min(1, value / target), lower-is-better "
               "min(1, target / value) (1 when value is 0); 0-100",
    .unit = MSC_UNIT_POINTS,
    .better = MSC_HIGHER,
    .target = NAN,
    .levels = MSC_AT_TECH | MSC_AT_TEAM,
    .value_only = 1,
    .is_score = 1,
    .derive = derive,
};
