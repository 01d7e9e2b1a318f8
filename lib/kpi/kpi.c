/* kpi.c: helpers every module uses to add to its cells. */
#include "kpi/kpi.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

const char *msc_kpi_unit_name(enum msc_unit unit)
{
    static const char *const names[] = {"percent", "hours", "per endpoint per month", "money",
                                        "money per hour", "points (0-100)"};
    return (unsigned)unit < sizeof names / sizeof names[0] ? names[unit] : "?";
}

void msc_kpi_add(struct msc_kpi_ctx *ctx, enum msc_level level, int subject, int64_t period,
                 double num, double den)
{
    msc_cells_add(ctx->cells, level, subject, period, num, den);
}

void msc_kpi_add_tech_team(struct msc_kpi_ctx *ctx, int person, int64_t period, double num, double den)
{
    if (person >= 0)
        msc_kpi_add(ctx, MSC_LEVEL_TECH, person, period, num, den);
    msc_kpi_add(ctx, MSC_LEVEL_TEAM, -1, period, num, den);
}

int64_t msc_kpi_period(const struct msc_kpi_ctx *ctx, int64_t t)
{
    return msc_period_of(ctx->model->period_kind, t);
}

int msc_kpi_in_range(const struct msc_kpi_ctx *ctx, int64_t period)
{
    return period >= ctx->model->first_period && period <= ctx->model->last_period;
}

void msc_kpi_count_milestone(struct msc_kpi_ctx *ctx, const struct msc_ticket *t,
                             enum msc_milestone which)
{
    int64_t due = msc_ticket_due(ctx->model, t, which), done = msc_ticket_done(ctx->model, t, which);
    enum msc_verdict verdict = msc_ticket_verdict(t, which);
    int met;
    switch (verdict) {
    case MSC_VERDICT_EXCLUDED:
        return;
    case MSC_VERDICT_MET:
    case MSC_VERDICT_MISSED:
        /* The PSA's verdict wins; without a due time it counts when created. */
        met = verdict == MSC_VERDICT_MET;
        if (due == MSC_TIME_NONE)
            due = t->created;
        break;
    default:
        if (due == MSC_TIME_NONE)
            return;
        if (done != MSC_TIME_NONE)
            met = done <= due;
        else if (due <= ctx->model->as_of)
            met = 0;
        else
            return; /* pending */
    }
    int64_t period = msc_kpi_period(ctx, due);
    msc_kpi_add_tech_team(ctx, t->person, period, met, 1);
    if (t->client >= 0) /* what the client sees in a review */
        msc_kpi_add(ctx, MSC_LEVEL_CLIENT, t->client, period, met, 1);
}

void msc_kpi_count_completed_rate(struct msc_kpi_ctx *ctx, const struct msc_ticket *t, int count)
{
    if (t->completed != MSC_TIME_NONE)
        msc_kpi_add_tech_team(ctx, t->person, msc_kpi_period(ctx, t->completed), count > 0, 1);
}

void msc_kpi_add_endpoint_months(struct msc_kpi_ctx *ctx)
{
    const struct msc_model *m = ctx->model;
    for (int64_t p = m->first_period; p <= m->last_period; p++)
        for (size_t c = 0; c < msc_names_count(&m->clients); c++) {
            double em;
            if (m->client[c].listed && msc_model_client_money(m, (int)c, p, &em, NULL) && em > 0) {
                msc_kpi_add(ctx, MSC_LEVEL_CLIENT, (int)c, p, 0, em);
                msc_kpi_add(ctx, MSC_LEVEL_TEAM, -1, p, 0, em);
            }
        }
}

double msc_kpi_cell_value(const struct msc_kpi_module *mod, const struct msc_sum *c)
{
    if (mod->value_only)
        return c->num;
    return c->den > 0 ? c->num / c->den : NAN;
}

void msc_kpi_add_client_team(struct msc_cells *into, int client, int64_t period, double num,
                             double den)
{
    if (client >= 0)
        msc_cells_add(into, MSC_LEVEL_CLIENT, client, period, num, den);
    msc_cells_add(into, MSC_LEVEL_TEAM, -1, period, num, den);
}

static void add_revenue_cell(struct msc_kpi_ctx *ctx, enum msc_level level, int subject,
                             int64_t period, double r, enum msc_revenue_form form)
{
    const struct msc_sum *c = msc_cells_get(ctx->aux, level, subject, period);
    double a = c ? c->num : 0;
    switch (form) {
    case MSC_REVENUE_VALUE: msc_kpi_add(ctx, level, subject, period, r, 0); break;
    case MSC_REVENUE_OVER_AUX: msc_kpi_add(ctx, level, subject, period, r, a); break;
    case MSC_REVENUE_LESS_AUX: msc_kpi_add(ctx, level, subject, period, r - a, r); break;
    }
}

void msc_kpi_add_revenue(struct msc_kpi_ctx *ctx, enum msc_revenue_form form)
{
    const struct msc_model *m = ctx->model;
    for (int64_t p = m->first_period; p <= m->last_period; p++) {
        double team = NAN;
        for (size_t c = 0; c < msc_names_count(&m->clients); c++) {
            double r;
            if (!m->client[c].listed || !msc_model_client_money(m, (int)c, p, NULL, &r) || isnan(r))
                continue;
            add_revenue_cell(ctx, MSC_LEVEL_CLIENT, (int)c, p, r, form);
            team = isnan(team) ? r : team + r;
        }
        if (!isnan(team))
            add_revenue_cell(ctx, MSC_LEVEL_TEAM, -1, p, team, form);
    }
}

/* Whether one "file" or "file:field" input was read (msc_kpis_add checked
 * that both are canonical names). */
static int have_input(const struct msc_model *m, const char *item, size_t len, char *why, size_t cap)
{
    char file[40], field[40] = "";
    size_t colon = strcspn(item, ":");
    if (colon > len)
        colon = len;
    snprintf(file, sizeof file, "%.*s.csv", (int)colon, item);
    if (colon < len)
        snprintf(field, sizeof field, "%.*s", (int)(len - colon - 1), item + colon + 1);
    int f = msc_schema_file(file);
    if (f < 0)
        return 1;
    if (m->file[f].state != MSC_FILE_READ) {
        snprintf(why, cap, "%s was not read", file);
        return 0;
    }
    int k = field[0] ? msc_schema_field(f, field) : -1;
    if (k < 0 || (m->file[f].has_field & (1u << k)))
        return 1;
    snprintf(why, cap, "%s has no %s column", file, field);
    return 0;
}

const char *msc_kpi_missing_input(const struct msc_model *m, const struct msc_kpi_module *mod,
                                  char *buf, size_t cap)
{
    if (mod->off && mod->off(m, buf, cap))
        return buf;
    const char *p = mod->needs;
    while (p && *p) {
        size_t all = strcspn(p, ",");
        /* One requirement: any of its '|' alternatives will do. */
        int ok = 0;
        char why[200] = "";
        for (const char *q = p; q < p + all && !ok;) {
            size_t one = strcspn(q, "|,");
            char reason[120];
            ok = have_input(m, q, one, reason, sizeof reason);
            if (!ok)
                snprintf(why + strlen(why), sizeof why - strlen(why), "%s%s", why[0] ? "; " : "", reason);
            q += one + (q[one] == '|');
        }
        if (!ok) {
            snprintf(buf, cap, "%s", why);
            return buf;
        }
        p += all + (p[all] == ',');
    }
    return NULL;
}

double msc_kpi_attainment(enum msc_better better, double value, double target)
{
    if (better == MSC_HIGHER)
        return target <= 0 || value >= target ? 1 : value / target;
    return value <= target ? 1 : target / value;
}

int msc_kpi_met(enum msc_better better, double value, double target)
{
    double v = round(value * 1e6) / 1e6;
    return better == MSC_HIGHER ? v >= target - 1e-12 : v <= target + 1e-12;
}
