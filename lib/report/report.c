/* report.c: cells to sorted rows. */
#include "report/report.h"
#include "util/mem.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void msc_report_init(struct msc_report *r, const struct msc_model *m)
{
    memset(r, 0, sizeof *r);
    r->model = m;
    for (size_t k = 0; k < msc_kpi_count; k++) {
        const struct msc_kpi_module *mod = msc_kpi_registry[k];
        double t = m->settings->target[k], w = m->settings->weight[k];
        r->target[k] = isnan(t) ? mod->target : t;
        r->weight[k] = isnan(w) ? mod->weight : w;
        r->selected[k] = 1;
        r->available[k] = 1;
    }
    msc_gate_init(&r->gate);
}

void msc_report_release(struct msc_report *r)
{
    free(r->rows);
    r->rows = NULL;
    r->count = r->cap = 0;
    msc_gate_release(&r->gate);
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
    double v = round(value * 1e6) / 1e6;
    return better == MSC_HIGHER ? v >= target - 1e-12 : v <= target + 1e-12;
}

static const struct msc_report *sort_report;

static int cmp_row(const void *pa, const void *pb)
{
    const struct msc_row *a = pa, *b = pb;
    const struct msc_report *r = sort_report;
    int c = strcmp(msc_kpi_registry[a->kpi]->id, msc_kpi_registry[b->kpi]->id);
    if (!c)
        c = strcmp(msc_report_level_name(a->level), msc_report_level_name(b->level));
    if (!c)
        c = strcmp(msc_report_subject(r, a), msc_report_subject(r, b));
    if (!c && a->subject != b->subject)
        c = a->subject < b->subject ? -1 : 1;
    if (!c && a->period != b->period)
        c = a->period < b->period ? -1 : 1;
    return c;
}

int msc_report_build(struct msc_report *r, struct msc_cells *const *cells)
{
    const struct msc_model *m = r->model;
    for (size_t k = 0; k < msc_kpi_count; k++) {
        const struct msc_kpi_module *mod = msc_kpi_registry[k];
        if (!r->selected[k] || !r->available[k])
            continue;
        for (size_t i = 0; i < cells[k]->nslots; i++) {
            const struct msc_cell *c = &cells[k]->slots[i];
            if (!c->used || c->period < m->first_period || c->period > m->last_period ||
                (msc_model_coverage(m, c->period) & MSC_COVER_NONE) ||
                !(mod->levels & (1u << c->level)) ||
                (c->level == MSC_LEVEL_TECH && !msc_model_is_tech(m, c->subject)))
                continue;
            double value = msc_kpi_cell_value(mod, c);
            if (isnan(value))
                continue;
            if (msc_grow(&r->rows, &r->cap, r->count + 1, sizeof *r->rows) < 0)
                return -1;
            struct msc_row *row = &r->rows[r->count++];
            row->kpi = (int)k;
            row->level = (enum msc_level)c->level;
            row->subject = c->level == MSC_LEVEL_TEAM ? -1 : c->subject;
            row->period = c->period;
            row->num = mod->value_only ? NAN : c->num;
            row->den = mod->value_only ? NAN : c->den;
            row->value = value;
            row->target = r->target[k];
            row->met = isnan(row->target) ? -1 : msc_report_met(mod->better, value, row->target);
        }
    }
    sort_report = r;
    if (r->count)
        qsort(r->rows, r->count, sizeof *r->rows, cmp_row);
    return 0;
}

const struct msc_row *msc_report_find(const struct msc_report *r, int kpi, enum msc_level level,
                                      int subject, int64_t period)
{
    struct msc_row key = {.kpi = kpi, .level = level, .subject = level == MSC_LEVEL_TEAM ? -1 : subject,
                          .period = period};
    sort_report = r;
    return r->count ? bsearch(&key, r->rows, r->count, sizeof *r->rows, cmp_row) : NULL;
}
