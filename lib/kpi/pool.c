/* pool.c: the pooled bonus arithmetic (pool.h). */
#include "kpi/pool.h"
#include "kpi/registry.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

int msc_pool_off(const struct msc_model *m, char *why, size_t cap)
{
    if (m->settings->bonus.on)
        return 0;
    snprintf(why, cap, "the settings have no [bonus] section");
    return 1;
}

/* Whether a client's monthly revenue is managed-services revenue. */
static int managed(const struct msc_model *m, int client)
{
    const char *list = m->settings->bonus.managed_agreements;
    return !*list || msc_name_in_list(m->client[client].agreement, list);
}

double msc_pool_revenue(const struct msc_model *m, int64_t period)
{
    double sum = NAN;
    for (size_t c = 0; c < msc_names_count(&m->clients); c++) {
        double r;
        if (m->client[c].listed && managed(m, (int)c) &&
            msc_model_client_money(m, (int)c, period, NULL, &r) && !isnan(r))
            sum = isnan(sum) ? r : sum + r;
    }
    return sum;
}

/* Whether the goal named by one list item is met in the period. */
static int goal_met(const struct msc_kpi_ctx *ctx, const char *id, int64_t period)
{
    int k = msc_kpis_find(ctx->kpis, id);
    if (k < 0 || isnan(ctx->targets[k]))
        return 0;
    const struct msc_kpi_module *mod = ctx->kpis->mod[k];
    const struct msc_sum *c = msc_cells_get(ctx->all[k], MSC_LEVEL_TEAM, -1, period);
    double v = c ? msc_kpi_cell_value(mod, c) : NAN;
    return !isnan(v) && msc_kpi_met(mod->better, v, ctx->targets[k]);
}

void msc_pool_of(const struct msc_kpi_ctx *ctx, int64_t period, struct msc_pool *out)
{
    const struct msc_bonus_settings *b = &ctx->model->settings->bonus;
    out->revenue = msc_pool_revenue(ctx->model, period);
    out->pool = b->pool_share * out->revenue;
    out->goals = b->ngoals;
    out->met = 0;
    for (int i = 0; i < b->ngoals; i++)
        out->met += goal_met(ctx, b->goal[i], period);
    /* No goal to miss releases the whole pool. */
    double share = out->goals == 0 ? 1 : (double)out->met / out->goals;
    if (b->payout == MSC_PAYOUT_ALL_OR_NOTHING)
        share = out->met == out->goals ? 1 : 0;
    out->released = out->pool * share;
}

void msc_pool_add_team(struct msc_kpi_ctx *ctx, int released)
{
    for (int64_t p = ctx->model->first_period; p <= ctx->model->last_period; p++) {
        struct msc_pool pool;
        msc_pool_of(ctx, p, &pool);
        double v = released ? pool.released : pool.pool;
        if (!isnan(v))
            msc_kpi_add(ctx, MSC_LEVEL_TEAM, -1, p, v, 0);
    }
}

int msc_pool_member(const struct msc_model *m, int person)
{
    const char *teams = m->settings->bonus.team;
    if (!msc_model_is_tech(m, person) || m->person[person].excluded)
        return 0;
    if (!*teams)
        return 1;
    /* Team names are '|'-separated (a team name may hold a comma). */
    for (const char *p = teams; *p;) {
        size_t len = strcspn(p, "|");
        char one[256];
        if (len < sizeof one) {
            memcpy(one, p, len);
            one[len] = '\0';
            char a[256], b2[256];
            msc_name_fold(one, a, sizeof a);
            msc_name_fold(m->person[person].team, b2, sizeof b2);
            if (*a && strcmp(a, b2) == 0)
                return 1;
        }
        p += len + (p[len] == '|');
    }
    return 0;
}

double msc_pool_hours(const struct msc_kpi_ctx *ctx, int person, int64_t period)
{
    int k = msc_kpis_find(ctx->kpis, "utilization");
    const struct msc_sum *c = k < 0 ? NULL : msc_cells_get(ctx->all[k], MSC_LEVEL_TECH, person, period);
    return c && c->den > 0 ? c->den : 0;
}
