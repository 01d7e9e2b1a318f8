/* report.c: cells to sorted rows. */
/* qsort_r: glibc declares it for _GNU_SOURCE. */
#define _GNU_SOURCE
#include "report/report.h"
#include "util/mem.h"

#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The role follows from the module and the weight in force. */
static enum msc_kpi_role role_of(const struct msc_kpi_module *mod, double weight)
{
    if (mod->is_score)
        return MSC_ROLE_SCORE;
    if (!(mod->levels & MSC_AT_TECH))
        return MSC_ROLE_TEAM;
    return weight > 0 ? MSC_ROLE_SCORED : MSC_ROLE_SHOWN;
}

enum msc_status msc_report_kpis(struct msc_report_kpi *out, const struct msc_kpis *kpis,
                                const struct msc_settings *s, struct msc_error *err)
{
    for (size_t k = 0; k < kpis->count; k++) {
        const struct msc_kpi_module *mod = kpis->mod[k];
        out[k] = (struct msc_report_kpi){.mod = mod, .target = mod->target, .weight = mod->weight,
                                         .selected = 1, .available = 1};
    }
    for (size_t i = 0; i < s->nkpi; i++) {
        const struct msc_kpi_setting *ks = &s->kpi[i];
        const char *section = ks->weight ? "weights" : "targets";
        int k = msc_kpis_find(kpis, ks->id);
        if (k < 0)
            return msc_error_set(err, MSC_ERR_USAGE, "%s:%d: unknown KPI '%s' in [%s] (see --list-kpis)",
                                 s->path, ks->line, ks->id, section);
        /* A percentage KPI's target is a fraction or "60%": a bare 60 would
         * be 6000% and fail every technician. */
        if (!ks->weight && kpis->mod[k]->unit == MSC_UNIT_RATIO && !ks->percent && ks->value > 2) {
            const char *v = ks->text;
            return msc_error_set(err, MSC_ERR_USAGE,
                                 "%s:%d: %s: '%s' would be %g%%; write %s%% (or %g) for a percentage",
                                 s->path, ks->line, ks->id, v, ks->value * 100, v, ks->value / 100);
        }
        if (ks->weight)
            out[k].weight = ks->value;
        else
            out[k].target = ks->value;
    }
    for (size_t k = 0; k < kpis->count; k++)
        out[k].role = role_of(out[k].mod, out[k].weight);
    /* A bonus goal is judged on the team value against its target: an id
     * that is no such KPI would withhold the pool for ever. */
    for (int i = 0; s->bonus.on && i < s->bonus.ngoals; i++) {
        const char *id = s->bonus.goal[i];
        int k = msc_kpis_find(kpis, id);
        if (k < 0 || !(kpis->mod[k]->levels & MSC_AT_TEAM) || isnan(out[k].target))
            return msc_error_set(err, MSC_ERR_USAGE, "%s:%d: goals: %s '%s' %s", s->path,
                                 s->bonus.goals_line, k < 0 ? "unknown KPI" : "KPI", id,
                                 k < 0 ? "(see --list-kpis)"
                                 : !(kpis->mod[k]->levels & MSC_AT_TEAM) ? "has no team value"
                                                                         : "has no target (set one in [targets])");
    }
    return MSC_OK;
}

enum msc_status msc_report_init(struct msc_report *r, const struct msc_model *m,
                                const struct msc_kpis *kpis, struct msc_error *err)
{
    memset(r, 0, sizeof *r);
    r->model = m;
    r->nkpis = kpis->count;
    r->score = -1;
    msc_gate_init(&r->gate);
    enum msc_status st = msc_report_kpis(r->kpi, kpis, m->settings, err);
    for (size_t k = 0; k < r->nkpis; k++) {
        if (r->kpi[k].mod && r->kpi[k].mod->is_score)
            r->score = (int)k;
        /* A KPI the settings switch off (the bonus without [bonus]) is left
         * out as if --kpi had not named it: no empty column, no note. */
        char why[sizeof r->kpi[k].why];
        if (r->kpi[k].mod && r->kpi[k].mod->off && r->kpi[k].mod->off(m, why, sizeof why))
            r->kpi[k].selected = 0;
    }
    return st;
}

void msc_report_release(struct msc_report *r)
{
    free(r->rows);
    r->rows = NULL;
    r->count = r->cap = 0;
    msc_gate_release(&r->gate);
    for (int l = 0; l < MSC_LEVELS; l++) {
        free(r->subject_rank[l]);
        r->subject_rank[l] = NULL;
        r->nsubject_rank[l] = 0;
    }
}

int msc_report_kpi_index(const struct msc_report *r, const char *id)
{
    for (size_t k = 0; k < r->nkpis; k++)
        if (strcmp(r->kpi[k].mod->id, id) == 0)
            return (int)k;
    return -1;
}

enum msc_status msc_report_select(struct msc_report *r, const char *list, struct msc_error *err)
{
    if (!list)
        return MSC_OK;
    for (size_t k = 0; k < r->nkpis; k++)
        r->kpi[k].selected = 0;
    char id[64];
    while (*list) {
        size_t len = strcspn(list, ",");
        if (len >= sizeof id)
            len = sizeof id - 1;
        memcpy(id, list, len);
        id[len] = '\0';
        int k = msc_report_kpi_index(r, id);
        if (k < 0)
            return msc_error_set(err, MSC_ERR_USAGE, "unknown KPI '%s' (see --list-kpis)", id);
        r->kpi[k].selected = 1;
        list += strcspn(list, ",");
        if (*list)
            list++;
    }
    if (r->score >= 0 && !r->kpi[r->score].selected)
        r->score = -1;
    /* The bonus is judged on its goals and shared by available hours: left
     * out, they would withhold the pool without a word. */
    const struct msc_bonus_settings *b = &r->model->settings->bonus;
    int released = msc_report_kpi_index(r, "bonus_released"), share = msc_report_kpi_index(r, "bonus");
    int judged = (released >= 0 && r->kpi[released].selected) || (share >= 0 && r->kpi[share].selected);
    for (int g = 0; b->on && judged && g <= b->ngoals; g++) {
        const char *need = g < b->ngoals ? b->goal[g] : share >= 0 && r->kpi[share].selected ? "utilization" : NULL;
        int k = need ? msc_report_kpi_index(r, need) : -1;
        if (k >= 0 && !r->kpi[k].selected)
            return msc_error_set(err, MSC_ERR_USAGE, "--kpi: the bonus needs '%s' too (%s)", need,
                                 g < b->ngoals ? "one of its goals" : "its available hours");
    }
    return MSC_OK;
}

const char *msc_report_coverage_note(const struct msc_report *r, int64_t period, char *buf)
{
    const struct msc_model *m = r->model;
    unsigned cover = msc_model_coverage(m, period);
    char when[24];
    buf[0] = '\0';
    if (cover & MSC_COVER_NONE) {
        int after = msc_period_start(m->period_kind, period) > m->data_end;
        msc_format_datetime(after ? m->data_end : m->data_start, when);
        snprintf(buf, 80, "no data: the data %s %s", after ? "ends" : "starts", when);
    } else if ((cover & MSC_COVER_NO_START) && (cover & MSC_COVER_NO_END)) {
        char until[24];
        msc_format_datetime(m->data_start, when);
        msc_format_datetime(m->data_end, until);
        snprintf(buf, 80, "the data runs %s to %s", when, until);
    } else if (cover & MSC_COVER_NO_END) {
        msc_format_datetime(m->data_end, when);
        snprintf(buf, 80, "the data ends %s", when);
    } else if (cover & MSC_COVER_NO_START) {
        msc_format_datetime(m->data_start, when);
        snprintf(buf, 80, "the data starts %s", when);
    }
    return buf;
}

const char *msc_report_level_name(enum msc_level level)
{
    static const char *const names[MSC_LEVELS] = {"tech", "team", "client"};
    return names[level];
}

const char *msc_report_subject(const struct msc_report *r, const struct msc_row *row)
{
    if (row->level == MSC_LEVEL_TEAM)
        return "";
    return msc_names_display(row->level == MSC_LEVEL_TECH ? &r->model->people : &r->model->clients,
                             row->subject);
}

int msc_report_met(enum msc_better better, double value, double target)
{
    return msc_kpi_met(better, value, target);
}

_Static_assert(MSC_MAX_KPIS <= SHRT_MAX && MSC_LEVELS <= UCHAR_MAX, "struct msc_row's kpi or level too narrow");

static int cmp_int(int a, int b) { return (a > b) - (a < b); }

static int subject_rank(const struct msc_report *r, const struct msc_row *row)
{
    if (row->level == MSC_LEVEL_TEAM)
        return -1; /* the team's empty name sorts first */
    const int *rank = r->subject_rank[row->level];
    return rank && row->subject >= 0 && (size_t)row->subject < r->nsubject_rank[row->level]
               ? rank[row->subject]
               : INT_MAX;
}

static int cmp_row(const void *pa, const void *pb, void *ctx)
{
    const struct msc_row *a = pa, *b = pb;
    const struct msc_report *r = ctx;
    int c = cmp_int(r->kpi_rank[a->kpi], r->kpi_rank[b->kpi]);
    if (!c)
        c = cmp_int(r->level_rank[a->level], r->level_rank[b->level]);
    if (!c)
        c = cmp_int(subject_rank(r, a), subject_rank(r, b));
    if (!c && a->period != b->period)
        c = a->period < b->period ? -1 : 1;
    return c;
}

/* Byte order of display names, ties by id (names fold, so two people may
 * show alike). */
static int cmp_name(const void *pa, const void *pb, void *ctx)
{
    const struct msc_names *names = ctx;
    int a = *(const int *)pa, b = *(const int *)pb;
    int c = strcmp(msc_names_display(names, a), msc_names_display(names, b));
    return c ? c : cmp_int(a, b);
}

static int cmp_kpi(const void *pa, const void *pb, void *ctx)
{
    const struct msc_report *r = ctx;
    return strcmp(r->kpi[*(const int *)pa].mod->id, r->kpi[*(const int *)pb].mod->id);
}

static int cmp_level(const void *pa, const void *pb)
{
    return strcmp(msc_report_level_name(*(const enum msc_level *)pa),
                  msc_report_level_name(*(const enum msc_level *)pb));
}

/* Fills rank[i] with i's place in the order cmp gives; -1 on no memory. */
static int rank_of(size_t n, int *rank, int (*cmp)(const void *, const void *, void *), void *ctx)
{
    int *order = msc_malloc((n + 1) * sizeof *order);
    if (!order)
        return -1;
    for (size_t i = 0; i < n; i++)
        order[i] = (int)i;
    qsort_r(order, n, sizeof *order, cmp, ctx);
    for (size_t i = 0; i < n; i++)
        rank[order[i]] = (int)i;
    free(order);
    return 0;
}

static int make_ranks(struct msc_report *r)
{
    enum msc_level levels[MSC_LEVELS] = {MSC_LEVEL_TECH, MSC_LEVEL_TEAM, MSC_LEVEL_CLIENT};
    qsort(levels, MSC_LEVELS, sizeof *levels, cmp_level);
    for (int i = 0; i < MSC_LEVELS; i++)
        r->level_rank[levels[i]] = i;
    if (rank_of(r->nkpis, r->kpi_rank, cmp_kpi, r) < 0)
        return -1;
    const struct msc_names *names[MSC_LEVELS] = {[MSC_LEVEL_TECH] = &r->model->people,
                                                 [MSC_LEVEL_CLIENT] = &r->model->clients};
    for (int l = 0; l < MSC_LEVELS; l++) {
        if (!names[l])
            continue;
        size_t n = msc_names_count(names[l]);
        int *rank = msc_realloc(r->subject_rank[l], (n + 1) * sizeof *rank);
        if (!rank)
            return -1;
        r->subject_rank[l] = rank;
        r->nsubject_rank[l] = n;
        if (rank_of(n, rank, cmp_name, (void *)names[l]) < 0)
            return -1;
    }
    return 0;
}

int msc_report_build(struct msc_report *r, struct msc_cells *const *cells)
{
    const struct msc_model *m = r->model;
    /* Periods of the range without any data, judged once, not per cell. */
    size_t nperiods = (size_t)(m->last_period - m->first_period + 1);
    unsigned char *empty = msc_malloc(nperiods ? nperiods : 1);
    if (!empty)
        return -1;
    for (size_t p = 0; p < nperiods; p++)
        empty[p] = (msc_model_coverage(m, m->first_period + (int64_t)p) & MSC_COVER_NONE) != 0;
    for (size_t k = 0; k < r->nkpis; k++) {
        const struct msc_kpi_module *mod = r->kpi[k].mod;
        if (!r->kpi[k].selected || !r->kpi[k].available)
            continue;
        struct msc_cells_iter it = {0};
        struct msc_cell cell;
        while (msc_cells_next(cells[k], &it, &cell)) {
            const struct msc_cell *c = &cell;
            if (c->period < m->first_period || c->period > m->last_period ||
                empty[c->period - m->first_period] ||
                !(mod->levels & (1u << c->level)) ||
                (c->level == MSC_LEVEL_TECH && !msc_model_is_tech(m, c->subject)))
                continue;
            double value = msc_kpi_cell_value(mod, &c->sum);
            if (isnan(value))
                continue;
            if (msc_grow(&r->rows, &r->cap, r->count + 1, sizeof *r->rows) < 0) {
                free(empty);
                return -1;
            }
            struct msc_row *row = &r->rows[r->count++];
            row->kpi = (short)k;
            row->level = (unsigned char)c->level;
            row->subject = c->level == MSC_LEVEL_TEAM ? -1 : c->subject;
            row->period = c->period;
            row->num = mod->value_only ? NAN : c->sum.num;
            row->den = mod->value_only ? NAN : c->sum.den;
            row->value = value;
            row->target = r->kpi[k].target;
            row->met = isnan(row->target) ? -1 : msc_report_met(mod->better, value, row->target);
        }
    }
    free(empty);
    return msc_report_sort(r);
}

int msc_report_sort(struct msc_report *r)
{
    if (make_ranks(r) < 0)
        return -1;
    if (r->count)
        qsort_r(r->rows, r->count, sizeof *r->rows, cmp_row, r);
    return 0;
}

const struct msc_row *msc_report_find(const struct msc_report *r, int kpi, enum msc_level level,
                                      int subject, int64_t period)
{
    if (kpi < 0)
        return NULL;
    struct msc_row key = {.kpi = (short)kpi, .level = (unsigned char)level, .subject = level == MSC_LEVEL_TEAM ? -1 : subject,
                          .period = period};
    size_t lo = 0, hi = r->count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = cmp_row(&key, &r->rows[mid], (void *)r);
        if (c == 0)
            return &r->rows[mid];
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return NULL;
}

double msc_report_value(const struct msc_report *r, int kpi, enum msc_level level, int subject,
                        int64_t period)
{
    const struct msc_row *row = msc_report_find(r, kpi, level, subject, period);
    return row ? row->value : NAN;
}

double msc_report_change(const struct msc_report *r, int kpi, enum msc_level level, int subject,
                         int64_t period)
{
    return msc_report_delta(msc_report_value(r, kpi, level, subject, period - 1),
                            msc_report_value(r, kpi, level, subject, period));
}

double msc_report_delta(double from, double to)
{
    double d = round((to - from) * 10) / 10;
    return d == 0 ? 0 : d;
}

void msc_report_format_value(enum msc_unit unit, double v, char *buf, size_t cap)
{
    switch (unit) {
    case MSC_UNIT_RATIO: snprintf(buf, cap, "%.1f%%", v * 100); return;
    case MSC_UNIT_HOURS: snprintf(buf, cap, "%.2f h", v); return;
    case MSC_UNIT_PER_ENDPOINT: snprintf(buf, cap, "%.3f", v); return;
    case MSC_UNIT_MONEY: snprintf(buf, cap, "%.2f", v); return;
    case MSC_UNIT_MONEY_PER_HOUR: snprintf(buf, cap, "%.2f per hour", v); return;
    case MSC_UNIT_POINTS: break;
    }
    snprintf(buf, cap, "%.1f", v);
}

void msc_report_format_target(enum msc_unit unit, double v, char *buf, size_t cap)
{
    switch (unit) {
    case MSC_UNIT_RATIO: snprintf(buf, cap, "%.4g%%", v * 100); return;
    case MSC_UNIT_HOURS: snprintf(buf, cap, "%.4g h", v); return;
    default: snprintf(buf, cap, "%.6g", v); return;
    }
}

int msc_report_on_target(const struct msc_report *r, int64_t period, int *of)
{
    int met = 0;
    *of = 0;
    for (size_t k = 0; k < r->nkpis; k++) {
        const struct msc_row *row = r->kpi[k].role == MSC_ROLE_SCORED
                                        ? msc_report_find(r, (int)k, MSC_LEVEL_TEAM, -1, period)
                                        : NULL;
        if (!row || row->met < 0)
            continue;
        ++*of;
        met += row->met;
    }
    return met;
}
