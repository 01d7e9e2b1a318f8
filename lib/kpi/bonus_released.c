/* bonus_released.c: the part of the bonus pool the team's goals release. */
#include "kpi/pool.h"

#include <math.h>

static void derive(struct msc_kpi_ctx *ctx) { msc_pool_add_team(ctx, 1); }

const struct msc_kpi_module msc_kpi_bonus_released = {
    .id = "bonus_released",
    .name = "Bonus Released",
    .needs = "clients:monthly_revenue",
    .formula = "the bonus pool x goals met / goals (payout = per_goal), or the whole pool only "
               "when every goal is met (all_or_nothing); goals are judged on their team value "
               "against their targets, and a goal without a value is not met",
    .unit = MSC_UNIT_MONEY,
    .better = MSC_HIGHER,
    .target = NAN,
    .levels = MSC_AT_TEAM,
    .value_only = 1,
    .off = msc_pool_off,
    .derive = derive,
};
