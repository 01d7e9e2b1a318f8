/* summary.c: the report in a few lines of text (the mail's body). */
/* qsort_r: glibc declares it for _GNU_SOURCE. */
#define _GNU_SOURCE
#include "report/summary.h"
#include "report/bonus.h"
#include "util/mem.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct text {
    char *p;
    size_t len, cap;
    int nomem;
};

static void add(struct text *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void add(struct text *t, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0 || t->nomem)
        return;
    if (msc_grow(&t->p, &t->cap, t->len + (size_t)n + 1, 1) < 0) {
        t->nomem = 1;
        return;
    }
    va_start(ap, fmt);
    vsnprintf(t->p + t->len, t->cap - t->len, fmt, ap);
    va_end(ap);
    t->len += (size_t)n;
}

static enum msc_status finish(struct text *t, char **out, struct msc_error *err)
{
    if (t->nomem || !t->p) {
        free(t->p);
        *out = NULL;
        return msc_error_set(err, MSC_ERR_NOMEM, "out of memory");
    }
    *out = t->p;
    return MSC_OK;
}

static void add_change(struct text *t, double d)
{
    if (d > 0)
        add(t, "up %.1f", d);
    else if (d < 0)
        add(t, "down %.1f", -d);
    else
        add(t, "unchanged");
}

static int by_score(const void *pa, const void *pb, void *r)
{
    const struct msc_row *a = *(const struct msc_row *const *)pa;
    const struct msc_row *b = *(const struct msc_row *const *)pb;
    if (a->value != b->value)
        return a->value > b->value ? -1 : 1;
    return strcmp(msc_report_subject(r, a), msc_report_subject(r, b));
}

enum msc_status msc_report_summary(const struct msc_report *r, char **out, struct msc_error *err)
{
    const struct msc_model *md = r->model;
    const char *msp = md->settings && md->settings->msp_name[0] ? md->settings->msp_name : NULL;
    int64_t last = md->last_period, prev = last - 1;
    int has_prev = md->first_period < last;
    int score = r->score;
    char first_label[24], last_label[24], prev_label[24], v[48], t[48];
    struct text text = {0};
    msc_period_label(md->period_kind, md->first_period, first_label);
    msc_period_label(md->period_kind, last, last_label);
    msc_period_label(md->period_kind, prev, prev_label);

    add(&text, "Technician scorecard%s%s: %s%s\n", msp ? " for " : "", msp ? msp : "", last_label,
        r->partial ? " (partial)" : "");
    if (r->gate.nproblems) {
        add(&text, "\nDATA PROBLEM: the inputs look broken, so the numbers below may be wrong:\n");
        for (size_t i = 0; i < r->gate.nproblems; i++)
            add(&text, "  - %s\n", r->gate.problems[i]);
        add(&text, "\n");
    }
    if (r->partial) {
        char note[80];
        add(&text, "%s is partial (%s): its numbers are not final.\n", last_label,
            msc_report_coverage_note(r, last, note));
    }
    if (has_prev)
        add(&text, "The report covers %s to %s, by %s.\n", first_label, last_label,
            msc_period_kind_name(md->period_kind));

    const struct msc_row *team = msc_report_find(r, score, MSC_LEVEL_TEAM, -1, last);
    const struct msc_row *team_prev = has_prev ? msc_report_find(r, score, MSC_LEVEL_TEAM, -1, prev)
                                               : NULL;
    if (team) {
        add(&text, "\nTeam score: %.1f", team->value);
        if (team_prev) {
            add(&text, " (%s: %.1f, ", prev_label, team_prev->value);
            add_change(&text, msc_report_change(r, score, MSC_LEVEL_TEAM, -1, last));
            add(&text, ")");
        }
        int of = 0, met = msc_report_on_target(r, last, &of);
        if (of)
            add(&text, "; KPIs on target: %d of %d", met, of);
        add(&text, "\n");
    } else {
        add(&text, "\nTeam score: no data for %s\n", last_label);
    }

    char bonus[600];
    msc_report_bonus_sentence(r, bonus, sizeof bonus);
    if (bonus[0])
        add(&text, "\n%s\n", bonus);

    size_t with_target = 0, missed = 0;
    for (size_t k = 0; k < r->nkpis; k++) {
        const struct msc_row *row = msc_report_find(r, (int)k, MSC_LEVEL_TEAM, -1, last);
        if (!row || row->met < 0)
            continue;
        with_target++;
        if (row->met)
            continue;
        if (!missed++)
            add(&text, "\nTeam KPIs that missed their target in %s:\n", last_label);
        const struct msc_kpi_module *mod = r->kpi[k].mod;
        msc_report_format_value(mod->unit, row->value, v, sizeof v);
        msc_report_format_value(mod->unit, row->target, t, sizeof t);
        add(&text, "  - %s: %s (target %s)\n", mod->name, v, t);
    }
    if (!with_target)
        add(&text, "\nNo team KPI with a target has data for %s.\n", last_label);
    else if (!missed)
        add(&text, "\nEvery team KPI with a target met it in %s.\n", last_label);

    /* Tech scores of the last period, best first, and the largest rise. */
    size_t ntech = 0;
    const struct msc_row **techs = NULL;
    if (score >= 0 && r->count) {
        techs = msc_malloc(r->count * sizeof *techs);
        if (!techs)
            text.nomem = 1;
        for (size_t i = 0; techs && i < r->count; i++) {
            const struct msc_row *row = &r->rows[i];
            if (row->kpi == score && row->level == MSC_LEVEL_TECH && row->period == last)
                techs[ntech++] = row;
        }
    }
    if (ntech) {
        qsort_r(techs, ntech, sizeof *techs, by_score, (void *)r);
        add(&text, "\nTech scores in %s:\n", last_label);
        for (size_t i = 0; i < ntech; i++)
            add(&text, "  %5.1f  %s\n", techs[i]->value, msc_report_subject(r, techs[i]));
    }
    /* The previous period's scores by technician, found in one pass: a
     * search per technician made 50,000 of them take minutes. */
    size_t npeople = msc_names_count(&md->people);
    const struct msc_row **before_of = NULL;
    if (has_prev && ntech && !(before_of = msc_calloc(npeople + 1, sizeof *before_of)))
        text.nomem = 1;
    for (size_t i = 0; before_of && i < r->count; i++) {
        const struct msc_row *row = &r->rows[i];
        if (row->kpi == score && row->level == MSC_LEVEL_TECH && row->period == prev &&
            row->subject >= 0 && (size_t)row->subject < npeople && !before_of[row->subject])
            before_of[row->subject] = row;
    }
    /* The largest rise and the largest fall: a coach calls both. */
    for (int fall = 0; before_of && fall < 2; fall++) {
        const struct msc_row *best = NULL, *best_prev = NULL;
        for (size_t i = 0; i < ntech; i++) {
            int who = techs[i]->subject;
            const struct msc_row *before = who >= 0 && (size_t)who < npeople ? before_of[who] : NULL;
            double d = before ? (techs[i]->value - before->value) * (fall ? -1 : 1) : 0;
            /* Sorted by score then name: the first of equal moves wins. */
            if (d > 0 && (!best || d > (best->value - best_prev->value) * (fall ? -1 : 1)))
                best = techs[i], best_prev = before;
        }
        const char *what = fall ? "Declined most" : "Most improved";
        if (best) {
            add(&text, "%s%s: %s, tech score %.1f in %s to %.1f in %s (", fall ? "" : "\n", what,
                msc_report_subject(r, best), best_prev->value, prev_label, best->value, last_label);
            add_change(&text, msc_report_delta(best_prev->value, best->value));
            add(&text, ")\n");
        } else {
            add(&text, "%s%s: no technician's tech score %s from %s to %s\n", fall ? "" : "\n",
                what, fall ? "fell" : "rose", prev_label, last_label);
        }
    }
    free(before_of);
    free(techs);
    return finish(&text, out, err);
}

enum msc_status msc_report_mail_subject(const struct msc_report *r, const char *prefix, char **out,
                                 struct msc_error *err)
{
    const struct msc_model *md = r->model;
    const char *msp = md->settings && md->settings->msp_name[0] ? md->settings->msp_name : NULL;
    char last[24];
    struct text text = {0};
    msc_period_label(md->period_kind, md->last_period, last);
    add(&text, "%s%s%sTechnician scorecard %s%s%s%s", r->gate.nproblems ? "[data problem] " : "",
        prefix && *prefix ? prefix : "", prefix && *prefix ? " " : "", last,
        r->partial ? " (partial)" : "", msp ? " - " : "", msp ? msp : "");
    return finish(&text, out, err);
}
