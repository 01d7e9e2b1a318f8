/* bonus_pool.c: the full monthly bonus pool, a share of managed-services revenue. */
#include "kpi/pool.h"

#include <math.h>

static void derive(struct msc_kpi_ctx *ctx) { msc_pool_add_team(ctx, 0); }

const struct msc_kpi_module msc_kpi_bonus_pool = {
    .id = "bonus_pool",
    .name = "Bonus Pool",
    .needs = "clients:monthly_revenue",
    .formula = "[bonus] pool_share x the managed-services revenue of the period (clients whose "
               "agreement is in managed_agreements)",
    .unit = MSC_UNIT_MONEY,
    .better = MSC_HIGHER,
    .target = NAN,
    .levels = MSC_AT_TEAM,
    .value_only = 1,
    .off = msc_pool_off,
    .derive = derive,
};
