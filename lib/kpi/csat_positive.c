/* csat_positive.c: share of positive survey answers. */
#include "kpi/kpi.h"

static void on_survey(struct msc_kpi_ctx *ctx, const struct msc_survey *s)
{
    int64_t period = msc_kpi_period(ctx, s->received);
    double positive = s->ratio >= ctx->model->settings->positive_min - 1e-9;
    msc_kpi_add_tech_team(ctx, s->person, period, positive, 1);
    if (s->client >= 0)
        msc_kpi_add(ctx, MSC_LEVEL_CLIENT, s->client, period, positive, 1);
}

const struct msc_kpi_module msc_kpi_csat_positive = {
    .id = "csat_positive",
    .name = "Positive CSAT",
    .needs = "surveys",
    .formula = "surveys with score / scale_max >= positive_min (0.8) or a positive word / surveys",
    .unit = MSC_UNIT_RATIO,
    .better = MSC_HIGHER,
    .sample = "surveys",
    .target = 0.99,
    .weight = 0,
    .levels = MSC_AT_TECH | MSC_AT_TEAM | MSC_AT_CLIENT,
    .on_survey = on_survey,
};
