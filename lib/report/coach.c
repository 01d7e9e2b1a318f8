/* coach.c: points lost, focus and keep KPIs, gaps, medians, rank, streaks. */
#include "report/coach.h"
#include "util/mem.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int coached(const struct msc_report_kpi *k)
{
    return k->selected && k->available &&
           (k->role == MSC_ROLE_SCORED || k->role == MSC_ROLE_SHOWN);
}

static int cmp_double(const void *pa, const void *pb)
{
    double a = *(const double *)pa, b = *(const double *)pb;
    return a < b ? -1 : a > b;
}

static int cmp_desc(const void *pa, const void *pb)
{
    return cmp_double(pb, pa);
}

/* The medians of every coached KPI and period, from one pass over the rows. */
static int medians(struct msc_coach *c)
{
    const struct msc_report *r = c->r;
    size_t cells = c->nkpis * (size_t)c->nperiods;
    int slot_of[MSC_MAX_KPIS];
    for (size_t k = 0; k < MSC_MAX_KPIS; k++)
        slot_of[k] = -1;
    for (size_t i = 0; i < c->nkpis; i++)
        slot_of[c->kpi[i]] = (int)i;
    size_t *start = msc_calloc(cells + 1, sizeof *start);
    double *values = NULL;
    c->median = msc_malloc((cells ? cells : 1) * sizeof *c->median);
    c->nteam = msc_calloc(cells ? cells : 1, sizeof *c->nteam);
    if (!start || !c->median || !c->nteam)
        goto nomem;
#define CELL(row) ((size_t)slot_of[(row)->kpi] * (size_t)c->nperiods + \
                   (size_t)((row)->period - r->model->first_period))
#define TECH_ROW(row) ((row)->level == MSC_LEVEL_TECH && slot_of[(row)->kpi] >= 0 && \
                       (row)->period >= r->model->first_period && (row)->period <= r->model->last_period)
    for (size_t i = 0; i < r->count; i++)
        if (TECH_ROW(&r->rows[i]))
            c->nteam[CELL(&r->rows[i])]++;
    for (size_t i = 0; i < cells; i++)
        start[i + 1] = start[i] + (size_t)c->nteam[i];
    values = msc_malloc((start[cells] ? start[cells] : 1) * sizeof *values);
    if (!values)
        goto nomem;
    size_t *fill = msc_calloc(cells ? cells : 1, sizeof *fill);
    if (!fill)
        goto nomem;
    for (size_t i = 0; i < r->count; i++)
        if (TECH_ROW(&r->rows[i])) {
            size_t cell = CELL(&r->rows[i]);
            values[start[cell] + fill[cell]++] = r->rows[i].value;
        }
#undef CELL
#undef TECH_ROW
    free(fill);
    for (size_t i = 0; i < cells; i++) {
        size_t n = (size_t)c->nteam[i];
        double *v = values + start[i];
        qsort(v, n, sizeof *v, cmp_double);
        c->median[i] = n == 0 ? NAN : n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }
    free(values);
    free(start);
    return 0;
nomem:
    free(values);
    free(start);
    return -1;
}

int msc_coach_streak(const struct msc_report *r, int kpi, int person, int64_t period)
{
    int n = 0;
    for (int64_t p = period; p >= r->model->first_period; p--) {
        const struct msc_row *row = msc_report_find(r, kpi, MSC_LEVEL_TECH, person, p);
        if (!row || row->met != 1)
            break;
        n++;
    }
    return n;
}

/* Points lost by each scored KPI, the focus and the keep KPI. */
static void points(const struct msc_coach *c, struct msc_coach_tech *t)
{
    const struct msc_report *r = c->r;
    double wsum = 0;
    for (size_t i = 0; i < c->nkpis; i++) {
        const struct msc_report_kpi *rk = &r->kpi[c->kpi[i]];
        if (rk->role == MSC_ROLE_SCORED && !isnan(rk->target) && !isnan(t->kpi[i].value))
            wsum += rk->weight;
    }
    int longest = 0;
    t->focus = t->keep = -1;
    for (size_t i = 0; i < c->nkpis; i++) {
        const struct msc_report_kpi *rk = &r->kpi[c->kpi[i]];
        struct msc_coach_kpi *k = &t->kpi[i];
        if (rk->role != MSC_ROLE_SCORED || isnan(k->value))
            continue;
        if (k->streak > longest) {
            longest = k->streak;
            t->keep = (int)i;
        }
        if (isnan(rk->target) || !(wsum > 0))
            continue;
        k->points = msc_report_met(rk->mod->better, k->value, rk->target)
                        ? 0
                        : 100 * rk->weight *
                              (1 - msc_kpi_attainment(rk->mod->better, k->value, rk->target)) / wsum;
        /* Ties go to the first in registry order: only a larger loss wins. */
        if (k->points >= 0.05 && (t->focus < 0 || k->points > t->kpi[t->focus].points))
            t->focus = (int)i;
    }
}

static void fill_tech(const struct msc_coach *c, struct msc_coach_tech *t, const double *ranked,
                      size_t nranked)
{
    const struct msc_report *r = c->r;
    const struct msc_model *m = r->model;
    int64_t last = m->last_period;
    int p = t->person;
    for (size_t i = 0; i < c->nkpis; i++) {
        int k = c->kpi[i];
        const struct msc_report_kpi *rk = &r->kpi[k];
        const struct msc_row *row = msc_report_find(r, k, MSC_LEVEL_TECH, p, last);
        struct msc_coach_kpi *ck = &t->kpi[i];
        *ck = (struct msc_coach_kpi){.kpi = k, .value = NAN, .gap = NAN, .sample = NAN, .points = NAN};
        if (!row)
            continue;
        ck->value = row->value;
        ck->gap = row->value - rk->target;
        if (rk->mod->sample && !isnan(row->den)) {
            ck->sample = row->den;
            ck->low_sample = !rk->mod->sample_hours && row->den < m->settings->min_sample;
        }
        ck->streak = msc_coach_streak(r, k, p, last);
    }
    t->score = t->change = NAN;
    if (r->score >= 0) {
        t->score = msc_report_value(r, r->score, MSC_LEVEL_TECH, p, last);
        t->change = msc_report_change(r, r->score, MSC_LEVEL_TECH, p, last);
        double earlier = msc_report_delta(msc_report_value(r, r->score, MSC_LEVEL_TECH, p, last - 3),
                                          t->score);
        t->trend = earlier <= -5 ? -1 : earlier >= 5 ? 1 : 0;
    }
    if (!isnan(t->score)) {
        /* Competition ranking on the score to the tenth: 1 + those above. */
        double mine = round(t->score * 10) / 10;
        size_t above = 0;
        while (above < nranked && ranked[above] > mine)
            above++;
        t->rank = (int)above + 1;
    }
    points(c, t);
}

int msc_coach_build(struct msc_coach *c, const struct msc_report *r)
{
    const struct msc_model *m = r->model;
    memset(c, 0, sizeof *c);
    c->r = r;
    c->nperiods = (int)(m->last_period - m->first_period + 1);
    for (size_t k = 0; k < r->nkpis; k++)
        if (coached(&r->kpi[k]))
            c->kpi[c->nkpis++] = (int)k;
    if (medians(c) < 0)
        goto nomem;
    c->team_score = msc_malloc((size_t)c->nperiods * sizeof *c->team_score);
    c->nscore_team = msc_calloc((size_t)c->nperiods, sizeof *c->nscore_team);
    if (!c->team_score || !c->nscore_team)
        goto nomem;
    for (int i = 0; i < c->nperiods; i++)
        c->team_score[i] = msc_report_value(r, r->score, MSC_LEVEL_TEAM, -1, m->first_period + i);

    /* Who is coached: anyone with a tech row of a coached KPI or the score. */
    size_t npeople = msc_names_count(&m->people);
    unsigned char *seen = msc_calloc(npeople + 1, 1);
    double *ranked = msc_malloc((npeople + 1) * sizeof *ranked);
    if (!seen || !ranked) {
        free(seen);
        free(ranked);
        goto nomem;
    }
    size_t nranked = 0;
    for (size_t i = 0; i < r->count; i++) {
        const struct msc_row *row = &r->rows[i];
        if (row->level != MSC_LEVEL_TECH || row->subject < 0 || (size_t)row->subject >= npeople ||
            (row->kpi != r->score && !coached(&r->kpi[row->kpi])))
            continue;
        if (!seen[row->subject]++)
            c->ntech++;
        if (row->kpi == r->score && row->period >= m->first_period && row->period <= m->last_period)
            c->nscore_team[row->period - m->first_period]++;
        if (row->kpi == r->score && row->period == m->last_period)
            ranked[nranked++] = round(row->value * 10) / 10;
    }
    qsort(ranked, nranked, sizeof *ranked, cmp_desc);
    c->nscored = (int)nranked;
    c->tech = msc_calloc(c->ntech ? c->ntech : 1, sizeof *c->tech);
    if (!c->tech) {
        free(seen);
        free(ranked);
        goto nomem;
    }
    /* Rows of one KPI and level are in name order: the first KPI that
     * names a person places them; later ones only add the rest. */
    size_t n = 0;
    for (size_t i = 0; i < r->count && n < c->ntech; i++) {
        const struct msc_row *row = &r->rows[i];
        if (row->level == MSC_LEVEL_TECH && row->subject >= 0 && (size_t)row->subject < npeople &&
            seen[row->subject] && (row->kpi == r->score || coached(&r->kpi[row->kpi]))) {
            seen[row->subject] = 0;
            c->tech[n++].person = row->subject;
        }
    }
    free(seen);
    for (size_t i = 0; i < c->ntech; i++) {
        for (size_t j = i; j > 0; j--) { /* by name: merge the KPIs' orders */
            const char *a = msc_names_display(&m->people, c->tech[j - 1].person);
            const char *b = msc_names_display(&m->people, c->tech[j].person);
            if (strcmp(a, b) <= 0)
                break;
            struct msc_coach_tech tmp = c->tech[j - 1];
            c->tech[j - 1] = c->tech[j];
            c->tech[j] = tmp;
        }
    }
    for (size_t i = 0; i < c->ntech; i++)
        fill_tech(c, &c->tech[i], ranked, nranked);
    free(ranked);
    return 0;
nomem:
    msc_coach_release(c);
    return -1;
}

void msc_coach_release(struct msc_coach *c)
{
    free(c->median);
    free(c->nteam);
    free(c->team_score);
    free(c->nscore_team);
    free(c->tech);
    c->median = c->team_score = NULL;
    c->nteam = c->nscore_team = NULL;
    c->tech = NULL;
    c->ntech = 0;
}

const struct msc_coach_tech *msc_coach_find(const struct msc_coach *c, int person)
{
    for (size_t i = 0; i < c->ntech; i++)
        if (c->tech[i].person == person)
            return &c->tech[i];
    return NULL;
}

const struct msc_coach_tech *msc_coach_find_name(const struct msc_coach *c, const char *name)
{
    char want[256], have[256];
    msc_name_fold(name, want, sizeof want);
    for (size_t i = 0; i < c->ntech; i++) {
        msc_name_fold(msc_names_display(&c->r->model->people, c->tech[i].person), have, sizeof have);
        if (strcmp(want, have) == 0)
            return &c->tech[i];
    }
    return NULL;
}

double msc_coach_median(const struct msc_coach *c, size_t i, int64_t period, int *n)
{
    int64_t p = period - c->r->model->first_period;
    if (i >= c->nkpis || p < 0 || p >= c->nperiods) {
        if (n)
            *n = 0;
        return NAN;
    }
    size_t cell = i * (size_t)c->nperiods + (size_t)p;
    if (n)
        *n = c->nteam[cell];
    return c->median[cell];
}

/* "6.7% against 70%" for coached KPI i. */
static void against(const struct msc_coach *c, const struct msc_coach_tech *t, int i, char *buf,
                    size_t cap)
{
    const struct msc_report_kpi *rk = &c->r->kpi[c->kpi[i]];
    char v[48], target[48];
    msc_report_format_value(rk->mod->unit, t->kpi[i].value, v, sizeof v);
    msc_report_format_target(rk->mod->unit, rk->target, target, sizeof target);
    snprintf(buf, cap, "%s, %s against %s", rk->mod->name, v, target);
}

void msc_coach_focus_text(const struct msc_coach *c, const struct msc_coach_tech *t, char *buf,
                          size_t cap)
{
    char what[200];
    if (t->focus < 0) {
        snprintf(buf, cap, "Focus: none; no scorecard KPI costs points in %s",
                 isnan(t->score) ? "this period (no score)" : "this period");
        return;
    }
    against(c, t, t->focus, what, sizeof what);
    snprintf(buf, cap, "Focus: %s (costs %.1f points)", what, t->kpi[t->focus].points);
}

void msc_coach_keep_text(const struct msc_coach *c, const struct msc_coach_tech *t, char *buf,
                         size_t cap)
{
    char what[200];
    if (t->keep < 0) {
        snprintf(buf, cap, "Keep: none; no scorecard KPI is on target in this period");
        return;
    }
    int n = t->kpi[t->keep].streak;
    against(c, t, t->keep, what, sizeof what);
    snprintf(buf, cap, "Keep: %s (on target %d period%s in a row)", what, n, n == 1 ? "" : "s");
}

void msc_coach_sample_text(const struct msc_coach *c, const struct msc_coach_kpi *k, char *buf,
                           size_t cap)
{
    const struct msc_kpi_module *mod = c->r->kpi[k->kpi].mod;
    if (isnan(k->sample) || !mod->sample) {
        buf[0] = '\0';
        return;
    }
    if (mod->sample_hours)
        snprintf(buf, cap, "%.0f %s", k->sample, mod->sample);
    else
        snprintf(buf, cap, "%.0f %s%s", k->sample, mod->sample, k->low_sample ? " (low sample)" : "");
}

void msc_coach_safe_name(const char *name, char *out, size_t cap)
{
    size_t n = 0;
    const char *p = name;
    while (*p == '\'')
        p++;
    for (; *p && n + 1 < cap && n < 31; p++)
        out[n++] = strchr("[]:*?/\\", *p) || (unsigned char)*p < 0x20 ? '_' : *p;
    if (((unsigned char)*p & 0xC0) == 0x80) { /* the cut split a UTF-8 sequence */
        while (n && ((unsigned char)out[n - 1] & 0xC0) == 0x80)
            n--;
        if (n)
            n--;
    }
    while (n && (out[n - 1] == '\'' || out[n - 1] == ' '))
        n--;
    out[n] = '\0';
    if (!n)
        snprintf(out, cap, "Technician");
}

void msc_coach_header_text(const struct msc_coach *c, const struct msc_coach_tech *t, char *buf,
                           size_t cap)
{
    const struct msc_model *m = c->r->model;
    char prev[24], earlier[24], last[24];
    msc_period_label(m->period_kind, m->last_period, last);
    msc_period_label(m->period_kind, m->last_period - 1, prev);
    msc_period_label(m->period_kind, m->last_period - 3, earlier);
    if (isnan(t->score)) {
        snprintf(buf, cap, "No tech score in %s.", last);
        return;
    }
    int n = snprintf(buf, cap, "Tech score %.1f (target %.4g), rank %d of %d", t->score,
                     m->settings->tech_score_target, t->rank, c->nscored);
    if (n < 0 || (size_t)n >= cap)
        return;
    if (!isnan(t->change))
        n += snprintf(buf + n, cap - (size_t)n, ", %s %.1f on %s",
                      t->change > 0 ? "up" : t->change < 0 ? "down" : "unchanged",
                      fabs(t->change), prev);
    if (n < 0 || (size_t)n >= cap)
        return;
    if (t->trend)
        snprintf(buf + n, cap - (size_t)n, ". %s: 5 or more points %s %s.",
                 t->trend < 0 ? "\u25BC Declining" : "\u25B2 Improving",
                 t->trend < 0 ? "below" : "above", earlier);
    else
        snprintf(buf + n, cap - (size_t)n, ".");
}

enum msc_status msc_coach_mail_body(const struct msc_coach *c, const struct msc_coach_tech *t,
                                    char **out, struct msc_error *err)
{
    const struct msc_model *m = c->r->model;
    const char *name = msc_names_display(&m->people, t->person);
    char label[24], head[400], focus[400], keep[400];
    msc_period_label(m->period_kind, m->last_period, label);
    msc_coach_header_text(c, t, head, sizeof head);
    msc_coach_focus_text(c, t, focus, sizeof focus);
    msc_coach_keep_text(c, t, keep, sizeof keep);
    size_t cap = strlen(name) + strlen(head) + strlen(focus) + strlen(keep) + 200;
    if (!(*out = msc_malloc(cap)))
        return msc_error_set(err, MSC_ERR_NOMEM, "out of memory");
    snprintf(*out, cap,
             "Hello %s,\n\nyour scorecard for %s%s:\n\n%s\n%s\n%s\n\n"
             "Your workbook is attached: your numbers beside the team's.\n",
             name, label, c->r->partial ? " (partial: not final)" : "", head, focus, keep);
    return MSC_OK;
}
