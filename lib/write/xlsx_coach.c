/*
 * xlsx_coach.c: a technician's Coach sheet, the page a coach prints for a
 * one-on-one (output.md "Coaching"): the score, rank and change; the focus
 * and keep sentences; every technician KPI over the periods against its
 * target with gap, team median, sample, streak and points lost; a chart of
 * the score against the team and the target; room for agreed actions.
 * The figures are the report's (report/coach.h); this file only lays them
 * out. In a technician's own workbook (o->own) a team value or median shows
 * only where 3 or more technicians have one, so none gives a colleague's
 * number away.
 */
#include "write/xlsx_common.h"
#include "util/mem.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

enum { CHART_W = 760, CHART_H = 300, PRIVATE_MIN = 3, NAME_W = 36 };

/* Columns after the periods. */
enum { C_TARGET = 0, C_GAP, C_MEDIAN, C_SAMPLE, C_STREAK, C_POINTS, NCOLS };

static const char *const col_head[NCOLS] = {"Target", "Gap", "Team median", "Sample (latest)",
                                            "Streak", "Points lost"};
static const double col_width[NCOLS] = {10, 15, 13, 27, 8, 8};

/* Whether a team figure resting on n technicians may be shown here. */
static int may_show(const struct msc_xw *x, int n)
{
    return !x->o->own || n >= PRIVATE_MIN;
}

int msc_xw_name_coach_sheets(struct msc_xw *x)
{
    const struct msc_coach *c = x->coach;
    x->coach_sheet = msc_calloc(c->ntech ? c->ntech : 1, sizeof *x->coach_sheet);
    if (!x->coach_sheet)
        return msc_xw_fail(x, MSC_ERR_NOMEM);
    for (size_t i = 0; i < c->ntech; i++) {
        char base[32];
        msc_coach_safe_name(msc_names_display(&x->m->people, c->tech[i].person), base, sizeof base);
        const char *clean = msc_xw_clean(x, base, 0);
        if (!clean)
            return -1;
        if (clean != base)
            snprintf(base, sizeof base, "%s", clean);
        snprintf(x->coach_sheet[i], 32, "%s", base);
        for (int n = 2; msc_xw_name_taken(x, x->coach_sheet[i]); n++) {
            char suffix[16];
            int sl = snprintf(suffix, sizeof suffix, " (%d)", n);
            size_t keep = strlen(base) > (size_t)(31 - sl) ? (size_t)(31 - sl) : strlen(base);
            while (keep && ((unsigned char)base[keep] & 0xC0) == 0x80) /* whole characters */
                keep--;
            snprintf(x->coach_sheet[i], 32, "%.*s%s", (int)keep, base, suffix);
        }
        if (msc_strset_add(&x->coach_names, x->coach_sheet[i]) < 0)
            return msc_xw_fail(x, MSC_ERR_NOMEM);
    }
    return 0;
}

static void one_sheet(struct msc_xw *x, const struct msc_coach_tech *t, const char *sheet)
{
    const struct msc_coach *c = x->coach;
    const struct msc_model *m = x->m;
    const char *name = msc_names_display(&m->people, t->person);
    lxw_worksheet *ws = msc_xw_sheet(x, sheet, 0);
    if (!ws)
        return;
    int P = x->nperiods, c0 = 1 + P, last = c0 + NCOLS - 1;
    double width = NAME_W;
    for (int i = 0; i < P; i++)
        width += 9;
    for (int i = 0; i < NCOLS; i++)
        width += col_width[i];

    char title[300], line[700];
    snprintf(title, sizeof title, "%s: coaching card %s", name, x->label[P - 1]);
    msc_xw_title(x, ws, title, NULL);
    msc_coach_header_text(c, t, line, sizeof line);
    msc_xw_subtitle_wrapped(x, ws, 1, last, width, line);
    int row = 2;
    if (msc_xw_banner_rows(x)) {
        msc_xw_banner(x, ws, row, last, width);
        row += msc_xw_banner_rows(x);
    }
    msc_coach_focus_text(c, t, line, sizeof line);
    msc_xw_wrapped(x, ws, row++, last, width, line, t->focus >= 0 ? x->focus : x->subtitle_wrap);
    msc_coach_keep_text(c, t, line, sizeof line);
    msc_xw_wrapped(x, ws, row++, last, width, line, t->keep >= 0 ? x->keep : x->subtitle_wrap);
    snprintf(line, sizeof line,
             "Colours against each target: green met, amber within %.3g%%, red missed. Gap: the "
             "latest value against the target. Team median: the middle of the technicians' "
             "values%s. Sample: the records behind the latest value (\"low sample\" under %.4g). "
             "Streak: periods on target in a row. Points lost: what the KPI costs in the latest "
             "score; they add up to 100 - score.",
             m->settings->amber_band * 100,
             x->o->own ? " (shown where 3 or more technicians have one)" : "",
             m->settings->min_sample);
    msc_xw_wrapped(x, ws, row++, last, width, line, x->note_wrap);
    row++;

    int head = row++;
    msc_xw_ok(x, worksheet_set_row(ws, head, 30, NULL));
    msc_xw_text(x, ws, head, 0, "KPI", x->header_left);
    for (int i = 0; i < P; i++)
        msc_xw_text(x, ws, head, 1 + i, x->label[i], x->header);
    for (int i = 0; i < NCOLS; i++)
        msc_xw_text(x, ws, head, c0 + i, col_head[i], x->header);

    /* The score, the team's and the target: the chart's three lines. */
    double target = m->settings->tech_score_target;
    lxw_format *pts = msc_xw_unit_format(x, MSC_UNIT_POINTS, 0);
    int score_row = row++, team_row = row++, target_row = row++;
    msc_xw_text(x, ws, score_row, 0, "Tech score", x->text_total);
    msc_xw_text(x, ws, team_row, 0, "Team score", x->text);
    msc_xw_text(x, ws, target_row, 0, "Score target", x->text_target);
    double *score = x->values, *v = x->values + P;
    if (x->score >= 0)
        msc_xw_values(x, x->score, MSC_LEVEL_TECH, t->person, score);
    else
        for (int i = 0; i < P; i++)
            score[i] = NAN;
    for (int i = 0; i < P; i++) {
        msc_xw_number(x, ws, score_row, 1 + i, score[i],
                      msc_xw_unit_format(x, MSC_UNIT_POINTS, MSC_XW_TOTAL));
        msc_xw_number(x, ws, team_row, 1 + i, may_show(x, c->nscore_team[i]) ? c->team_score[i] : NAN,
                      pts);
        msc_xw_number(x, ws, target_row, 1 + i, target,
                      msc_xw_unit_format(x, MSC_UNIT_POINTS, MSC_XW_TARGET));
    }
    /* The rows coloured against the target beside them, by direction:
     * two sets of rules a sheet rather than three a row (each set is a
     * kilobyte or two of the library's memory until the file is written). */
    int lit[2][MSC_MAX_KPIS + 1], nlit[2] = {0, 0};
    if (!isnan(target))
        lit[0][nlit[0]++] = score_row;
    msc_xw_number(x, ws, score_row, c0 + C_TARGET, target,
                  msc_xw_unit_format(x, MSC_UNIT_POINTS, MSC_XW_TARGET));
    if (x->score >= 0) {
        msc_xw_number(x, ws, score_row, c0 + C_GAP, t->score - target, msc_xw_gap_format(x, x->score));
        msc_xw_number(x, ws, score_row, c0 + C_POINTS, isnan(t->score) ? NAN : 100 - t->score,
                      x->points);
    }

    for (size_t i = 0; i < c->nkpis; i++, row++) {
        const struct msc_coach_kpi *k = &t->kpi[i];
        int kpi = c->kpi[i];
        const struct msc_report_kpi *rk = &x->r->kpi[kpi];
        msc_xw_text(x, ws, row, 0, rk->mod->name, rk->role == MSC_ROLE_SCORED ? x->text : x->text_indent);
        msc_xw_values(x, kpi, MSC_LEVEL_TECH, t->person, v);
        for (int j = 0; j < P; j++)
            msc_xw_number(x, ws, row, 1 + j, v[j], msc_xw_kpi_format(x, kpi, 0));
        if (isfinite(rk->target)) {
            int lower = rk->mod->better == MSC_LOWER;
            lit[lower][nlit[lower]++] = row;
        }
        msc_xw_number(x, ws, row, c0 + C_TARGET, rk->target, msc_xw_kpi_format(x, kpi, MSC_XW_TARGET));
        msc_xw_number(x, ws, row, c0 + C_GAP, k->gap, msc_xw_gap_format(x, kpi));
        int n = 0;
        double med = msc_coach_median(c, i, m->last_period, &n);
        msc_xw_number(x, ws, row, c0 + C_MEDIAN, may_show(x, n) ? med : NAN,
                      msc_xw_kpi_format(x, kpi, 0));
        char sample[96];
        msc_coach_sample_text(c, k, sample, sizeof sample);
        msc_xw_text(x, ws, row, c0 + C_SAMPLE, sample, k->low_sample ? x->alert : x->text_indent);
        msc_xw_number(x, ws, row, c0 + C_STREAK, isnan(rk->target) || isnan(k->value) ? NAN : k->streak,
                      x->count_center);
        msc_xw_number(x, ws, row, c0 + C_POINTS, k->points, x->points);
    }
    msc_xw_lights_rows(x, ws, lit[0], nlit[0], 1, P, c0 + C_TARGET, MSC_HIGHER);
    msc_xw_lights_rows(x, ws, lit[1], nlit[1], 1, P, c0 + C_TARGET, MSC_LOWER);
    msc_xw_ok(x, worksheet_set_column(ws, 0, 0, NAME_W, NULL));
    msc_xw_ok(x, worksheet_set_column(ws, 1, (lxw_col_t)P, 9, NULL));
    for (int i = 0; i < NCOLS; i++)
        msc_xw_ok(x, worksheet_set_column(ws, (lxw_col_t)(c0 + i), (lxw_col_t)(c0 + i), col_width[i], NULL));

    /* The chart beside nothing, under the table. */
    row++;
    char ctitle[200];
    snprintf(ctitle, sizeof ctitle, "Tech score by %s: against the team and the target",
             msc_period_kind_name(m->period_kind));
    lxw_chart *chart = msc_xw_line_chart(x, ctitle, MSC_UNIT_POINTS);
    if (!chart)
        return;
    /* The score's axis follows the percentage charts' rule: from 0, a
     * slide from 96 to 71 would look flat. */
    double lo = target, hi = target;
    for (int i = 0; i < P; i++) {
        double drawn[2] = {score[i], may_show(x, c->nscore_team[i]) ? c->team_score[i] : NAN};
        for (int j = 0; j < 2; j++) {
            lo = drawn[j] < lo ? drawn[j] : lo;
            hi = drawn[j] > hi ? drawn[j] : hi;
        }
    }
    msc_xw_ratio_axis(chart, lo, hi);
    msc_xw_line_series(x, chart, sheet, score_row, 0, 1, P, head, MSC_XW_SERIES_TECH);
    msc_xw_line_series(x, chart, sheet, team_row, 0, 1, P, head, MSC_XW_SERIES_TEAM);
    msc_xw_line_series(x, chart, sheet, target_row, 0, 1, P, head, MSC_XW_SERIES_TARGET);
    msc_xw_place_chart(x, ws, row, 0, 0, 0, chart, CHART_W, CHART_H);
    row += CHART_H / MSC_XW_DEFAULT_ROW_PX + 1;

    /* Where the coach writes during the conversation. */
    static const char *const areas[] = {"Agreed actions", "Check back on"};
    for (size_t a = 0; a < 2; a++) {
        msc_xw_text(x, ws, row++, 0, areas[a], x->section);
        for (int l = 0; l < 3; l++, row++) {
            msc_xw_ok(x, worksheet_merge_range(ws, (lxw_row_t)row, 0, (lxw_row_t)row, (lxw_col_t)last,
                                               "", x->box));
            msc_xw_ok(x, worksheet_set_row(ws, (lxw_row_t)row, 22, NULL));
        }
        row++;
    }
    int table_px = msc_xw_col_px(NAME_W) + P * msc_xw_col_px(9);
    for (int i = 0; i < NCOLS; i++)
        table_px += msc_xw_col_px(col_width[i]);
    msc_xw_print_scale(ws, table_px > CHART_W ? table_px : CHART_W, 0);
}

int msc_xw_sheet_coach(struct msc_xw *x)
{
    if (!x->o || !x->o->coach || (!x->o->own && x->m->settings->coach_none))
        return 0;
    x->coach = x->o->coach;
    if (x->o->own) { /* named as in the full workbook, without naming every other */
        one_sheet(x, x->o->own, x->o->own_sheet ? x->o->own_sheet : "Coach");
        return x->status == MSC_OK ? 0 : -1;
    }
    if (msc_xw_name_coach_sheets(x) < 0)
        return -1;
    for (size_t i = 0; i < x->coach->ntech && x->status == MSC_OK; i++)
        one_sheet(x, &x->coach->tech[i], x->coach_sheet[i]);
    return x->status == MSC_OK ? 0 : -1;
}
