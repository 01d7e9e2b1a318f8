/* revenue.c: managed-services revenue of the period (profitability). */
#include "kpi/kpi.h"

#include <math.h>

static void finish(struct msc_kpi_ctx *ctx) { msc_kpi_add_revenue(ctx, MSC_REVENUE_VALUE); }

const struct msc_kpi_module msc_kpi_revenue = {
    .id = "revenue",
    .name = "Revenue",
    .needs = "clients:monthly_revenue",
    .formula = "monthly_revenue x months in the period (a week takes its Sunday's month x 7 / 30.4375)",
    .unit = MSC_UNIT_MONEY,
    .better = MSC_HIGHER,
    .target = NAN,
    .levels = MSC_AT_TEAM | MSC_AT_CLIENT,
    .value_only = 1,
    .finish = finish,
};
