/* survey_score.c: the mean client survey score. */
#include "kpi/kpi.h"

static void on_survey(struct msc_kpi_ctx *ctx, const struct msc_survey *s)
{
    msc_kpi_add_tech_team(ctx, s->person, msc_kpi_period(ctx, s->received), s->ratio, 1);
}

const struct msc_kpi_module msc_kpi_survey_score = {
    .id = "survey_score",
    .name = "Client Survey Score",
    .needs = "surveys",
    .formula = "mean of score / scale_max over surveys received in the period (rating words: "
               "positive 1, neutral 0.5, negative 0)",
    .unit = MSC_UNIT_RATIO,
    .better = MSC_HIGHER,
    .sample = "surveys",
    .target = 0.95,
    .weight = 1,
    .levels = MSC_AT_TECH | MSC_AT_TEAM,
    .on_survey = on_survey,
};
