/* csat_net.c: positive minus negative survey answers. */
#include "kpi/kpi.h"

static void on_survey(struct msc_kpi_ctx *ctx, const struct msc_survey *s)
{
    const struct msc_settings *set = ctx->model->settings;
    int64_t period = msc_kpi_period(ctx, s->received);
    double net = (s->ratio >= set->positive_min - 1e-9) - (s->ratio <= set->negative_max + 1e-9);
    msc_kpi_add_tech_team(ctx, s->person, period, net, 1);
    if (s->client >= 0)
        msc_kpi_add(ctx, MSC_LEVEL_CLIENT, s->client, period, net, 1);
}

const struct msc_kpi_module msc_kpi_csat_net = {
    .id = "csat_net",
    .name = "Net CSAT",
    .needs = "surveys",
    .formula = "(positive surveys - negative surveys) / surveys; negative: score / scale_max <= "
               "negative_max (0.4) or a negative word",
    .unit = MSC_UNIT_RATIO,
    .better = MSC_HIGHER,
    .sample = "surveys",
    .target = 0.90,
    .weight = 0,
    .levels = MSC_AT_TECH | MSC_AT_TEAM | MSC_AT_CLIENT,
    .on_survey = on_survey,
};
