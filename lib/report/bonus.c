/* bonus.c: the pooled bonus from the report's rows (bonus.h). */
/* qsort_r: glibc declares it for _GNU_SOURCE. */
#define _GNU_SOURCE
#include "report/bonus.h"
#include "kpi/pool.h"
#include "util/mem.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int msc_report_has_bonus(const struct msc_report *r)
{
    int k = msc_report_kpi_index(r, "bonus_pool");
    return r->model->settings->bonus.on && k >= 0 && r->kpi[k].selected && r->kpi[k].available;
}

static int by_name(const void *pa, const void *pb, void *ctx)
{
    const struct msc_model *m = ctx;
    return strcmp(msc_names_display(&m->people, *(const int *)pa),
                  msc_names_display(&m->people, *(const int *)pb));
}

static void fill_period(const struct msc_report *r, struct msc_bonus_period *bp, int pool, int released)
{
    const struct msc_bonus_settings *s = &r->model->settings->bonus;
    bp->revenue = msc_pool_revenue(r->model, bp->period);
    bp->pool = msc_report_value(r, pool, MSC_LEVEL_TEAM, -1, bp->period);
    bp->released = msc_report_value(r, released, MSC_LEVEL_TEAM, -1, bp->period);
    bp->met = 0;
    for (int g = 0; g < s->ngoals; g++) {
        struct msc_bonus_goal *goal = &bp->goal[g];
        goal->kpi = msc_report_kpi_index(r, s->goal[g]);
        goal->target = goal->kpi >= 0 ? r->kpi[goal->kpi].target : NAN;
        goal->value = msc_report_value(r, goal->kpi, MSC_LEVEL_TEAM, -1, bp->period);
        goal->met = !isnan(goal->value) && !isnan(goal->target) &&
                    msc_report_met(r->kpi[goal->kpi].mod->better, goal->value, goal->target);
        bp->met += goal->met;
    }
}

int msc_report_bonus(const struct msc_report *r, struct msc_bonus *out)
{
    const struct msc_model *m = r->model;
    memset(out, 0, sizeof *out);
    out->share = -1;
    if (!msc_report_has_bonus(r))
        return 0;
    int pool = msc_report_kpi_index(r, "bonus_pool"), released = msc_report_kpi_index(r, "bonus_released");
    out->share = msc_report_kpi_index(r, "bonus");
    out->ngoals = m->settings->bonus.ngoals;
    size_t n = (size_t)(m->last_period - m->first_period + 1), people = msc_names_count(&m->people);
    out->period = msc_calloc(n, sizeof *out->period);
    char *seen = msc_calloc(people + 1, 1);
    out->member = msc_calloc(people + 1, sizeof *out->member);
    if (!out->period || !seen || !out->member) {
        free(seen);
        msc_bonus_release(out);
        return -1;
    }
    out->nperiods = n;
    for (size_t i = 0; i < n; i++) {
        out->period[i].period = m->first_period + (int64_t)i;
        fill_period(r, &out->period[i], pool, released);
    }
    for (size_t i = 0; i < r->count; i++) {
        const struct msc_row *row = &r->rows[i];
        if (row->kpi == out->share && row->level == MSC_LEVEL_TECH && row->subject >= 0 &&
            (size_t)row->subject < people && !seen[row->subject]++)
            out->member[out->nmembers++] = row->subject;
    }
    free(seen);
    qsort_r(out->member, out->nmembers, sizeof *out->member, by_name, (void *)m);
    return 0;
}

void msc_bonus_release(struct msc_bonus *b)
{
    free(b->period);
    free(b->member);
    memset(b, 0, sizeof *b);
}

double msc_bonus_share_of_pay(const struct msc_report *r, const struct msc_bonus *b, int person,
                              int64_t period)
{
    const struct msc_model *m = r->model;
    double share = msc_report_value(r, b->share, MSC_LEVEL_TECH, person, period);
    double pay = m->person[person].monthly_pay;
    int ym[3];
    double w[3], months = 0;
    int n = msc_period_months(m->period_kind, period, ym, w);
    for (int i = 0; i < n; i++)
        months += w[i];
    return isnan(share) || isnan(pay) || !(pay * months > 0) ? NAN : share / (pay * months);
}

/* 4350 as "4,350": whole currency units with thousands separated. */
static void money(double v, char *buf, size_t cap)
{
    char digits[32];
    snprintf(digits, sizeof digits, "%.0f", fabs(v));
    size_t len = strlen(digits), o = 0;
    if (v <= -0.5 && o + 1 < cap)
        buf[o++] = '-';
    for (size_t i = 0; i < len && o + 2 < cap; i++) {
        if (i > 0 && (len - i) % 3 == 0)
            buf[o++] = ',';
        buf[o++] = digits[i];
    }
    buf[o] = '\0';
}

/* A goal's value or target as the sentence shows it: one decimal, none
 * when it is a whole number ("6.2 h", "5 h", "97.5%", "99%"). */
static void figure(enum msc_unit unit, double v, char *buf, size_t cap)
{
    double shown = unit == MSC_UNIT_RATIO ? v * 100 : v;
    snprintf(buf, cap, "%.1f", shown);
    size_t len = strlen(buf);
    if (len > 2 && strcmp(buf + len - 2, ".0") == 0)
        buf[len - 2] = '\0';
    const char *suffix = unit == MSC_UNIT_RATIO ? "%" : unit == MSC_UNIT_HOURS ? " h" : "";
    snprintf(buf + strlen(buf), cap - strlen(buf), "%s", suffix);
}

/* A goal's name in the sentence: a short id is its acronym ("MTTR",
 * "FCR"), the way owners say it; else the KPI's name. */
static void goal_name(const struct msc_kpi_module *mod, char *buf, size_t cap)
{
    if (strlen(mod->id) <= 4 && strlen(mod->id) < cap) {
        size_t i = 0;
        for (; mod->id[i]; i++)
            buf[i] = (char)toupper((unsigned char)mod->id[i]);
        buf[i] = '\0';
        return;
    }
    snprintf(buf, cap, "%s", mod->name);
}

void msc_report_bonus_sentence(const struct msc_report *r, char *buf, size_t cap)
{
    buf[0] = '\0';
    if (!msc_report_has_bonus(r))
        return;
    const struct msc_model *m = r->model;
    struct msc_bonus_period bp = {.period = m->last_period};
    fill_period(r, &bp, msc_report_kpi_index(r, "bonus_pool"), msc_report_kpi_index(r, "bonus_released"));
    char label[24], released[40], pool[40];
    msc_period_label(m->period_kind, bp.period, label);
    if (isnan(bp.pool)) {
        snprintf(buf, cap, "Bonus %s: no pool (no managed-services revenue for %s)", label, label);
        return;
    }
    money(isnan(bp.released) ? 0 : bp.released, released, sizeof released);
    money(bp.pool, pool, sizeof pool);
    int ngoals = m->settings->bonus.ngoals;
    size_t n = (size_t)snprintf(buf, cap, "Bonus %s: %s of %s released (%d of %d goals met", label,
                                released, pool, bp.met, ngoals);
    const char *sep = ": ";
    for (int g = 0; g < ngoals && n < cap; g++) {
        const struct msc_bonus_goal *goal = &bp.goal[g];
        if (goal->met || goal->kpi < 0)
            continue;
        const struct msc_kpi_module *mod = r->kpi[goal->kpi].mod;
        char name[80], v[32], t[32];
        goal_name(mod, name, sizeof name);
        figure(mod->unit, goal->target, t, sizeof t);
        if (isnan(goal->value))
            n += (size_t)snprintf(buf + n, cap - n, "%s%s missed, no data against %s", sep, name, t);
        else {
            figure(mod->unit, goal->value, v, sizeof v);
            n += (size_t)snprintf(buf + n, cap - n, "%s%s missed, %s against %s", sep, name, v, t);
        }
        sep = "; ";
    }
    if (n < cap)
        snprintf(buf + n, cap - n, ")");
}
