/*
 * xlsx_grid.c: the technicians-by-periods sheets: Trend (the tech score)
 * and one sheet per scorecard KPI. Both are the same picture of one KPI:
 * a row per technician, a column per period, the team and (when the KPI has
 * one) the target, and a line chart of those rows.
 */
#include "write/xlsx_common.h"

#include <math.h>
#include <stdio.h>
#include <string.h>


enum { ROW_LEGEND = 2, ROW_NOTE = 3, ROW_HEAD = 4, ROW_FIRST = 5 };
enum { CHART_W = 900, CHART_H = 400 };

/* The latest of a row's values in the range, NAN when none. */
static double latest_value(const struct msc_xw *x, const double *v)
{
    for (int i = x->nperiods - 1; i >= 0; i--)
        if (!isnan(v[i]))
            return v[i];
    return NAN;
}

/* The target a grid colours and charts against: the score's is the
 * tech_score_target setting. */
static double grid_target(const struct msc_xw *x, int k)
{
    return k == x->score ? x->m->settings->tech_score_target : x->r->kpi[k].target;
}

/* How far a latest value is behind the target (ahead: negative); without
 * a target, how far from the team's latest value either way. */
static double shortfall(const struct msc_xw *x, int k, double v)
{
    double t = grid_target(x, k);
    if (isnan(t))
        return fabs(v - msc_xw_value(x, k, MSC_LEVEL_TEAM, -1, x->m->last_period));
    return x->r->kpi[k].mod->better == MSC_LOWER ? v - t : t - v;
}

/* Colours the period block: against the target when the KPI has one
 * (the score's is the tech_score_target setting), else from the lowest
 * (red) to the highest (green) value in the block. */
static void colour_block(struct msc_xw *x, lxw_worksheet *ws, int k, int r2)
{
    int c2 = x->nperiods;
    if (k == x->score) {
        msc_xw_lights(x, ws, ROW_FIRST, 1, r2, c2, MSC_HIGHER, x->m->settings->tech_score_target);
        return;
    }
    if (!isnan(x->r->kpi[k].target)) {
        msc_xw_traffic_lights(x, ws, ROW_FIRST, 1, r2, c2, k);
        return;
    }
    lxw_conditional_format scale = {.type = LXW_CONDITIONAL_3_COLOR_SCALE};
    if (x->r->kpi[k].mod->better == MSC_LOWER) {
        scale.min_color = 0x63BE7B;
        scale.max_color = 0xF8696B;
    } else {
        scale.min_color = 0xF8696B;
        scale.max_color = 0x63BE7B;
    }
    scale.mid_color = 0xFFEB84;
    msc_xw_ok(x, worksheet_conditional_format_range(ws, ROW_FIRST, 1, (lxw_row_t)r2, (lxw_col_t)c2,
                                                    &scale));
}

static int grid_sheet(struct msc_xw *x, const char *name, int k, const char *title,
                      const char *subtitle, const char *legend)
{
    const struct msc_model *m = x->m;
    lxw_worksheet *ws = msc_xw_sheet(x, name, ROW_FIRST);
    if (!ws)
        return -1;
    int has_target = !isnan(grid_target(x, k));
    int lastcol = x->nperiods, tcol = x->nperiods + 1;

    size_t namew = 14;
    for (int t = 0; t < x->ntech; t++) {
        size_t len = strlen(msc_names_display(&m->people, x->tech[t]));
        if (len + 2 > namew)
            namew = len + 2;
    }
    if (namew > 30)
        namew = 30;
    /* The lines above the table span the table or the chart under it,
     * whichever is wider (columns past the table keep Excel's 64 px). */
    int lastcell = has_target ? tcol : lastcol;
    int table_px = msc_xw_col_px((double)namew) + x->nperiods * msc_xw_col_px(9) +
                   (has_target ? msc_xw_col_px(10) : 0);
    if (table_px < CHART_W)
        lastcell += (CHART_W - table_px + 63) / 64;
    double width = (table_px > CHART_W ? table_px : CHART_W) / 7.0;
    msc_xw_title(x, ws, title, NULL);
    int above_px =
        MSC_XW_ROW_PX(24) + MSC_XW_ROW_PX(20) + MSC_XW_DEFAULT_ROW_PX; /* title, header, gap */
    above_px += msc_xw_subtitle_wrapped(x, ws, 1, lastcell, width, subtitle);
    above_px += msc_xw_wrapped(x, ws, ROW_LEGEND, lastcell, width, legend, x->note_wrap);

    msc_xw_ok(x, worksheet_set_row(ws, ROW_HEAD, 20, NULL));
    msc_xw_text(x, ws, ROW_HEAD, 0, "Technician", x->header_left);
    for (int i = 0; i < x->nperiods; i++)
        msc_xw_text(x, ws, ROW_HEAD, 1 + i, x->label[i], x->header);
    if (has_target)
        msc_xw_text(x, ws, ROW_HEAD, tcol, "Target", x->header);

    int row = ROW_FIRST, charted = 0, with_values = 0;
    int chart_rows[MSC_XW_CHART_TECHS], chart_person[MSC_XW_CHART_TECHS];
    double chart_short[MSC_XW_CHART_TECHS];
    double *v = x->values;
    for (int t = 0; t < x->ntech; t++, row++) {
        int p = x->tech[t];
        msc_xw_text(x, ws, row, 0, msc_names_display(&m->people, p), x->text);
        msc_xw_values(x, k, MSC_LEVEL_TECH, p, v);
        for (int i = 0; i < x->nperiods; i++)
            msc_xw_number(x, ws, row, 1 + i, v[i], msc_xw_kpi_format(x, k, 0));
        if (has_target)
            msc_xw_number(x, ws, row, tcol, grid_target(x, k),
                          msc_xw_kpi_format(x, k, MSC_XW_TARGET));
        /* A technician with nothing to draw would only clutter the legend;
         * past MSC_XW_CHART_TECHS, those furthest from the target are
         * drawn (kept in table order). */
        double latest = latest_value(x, v);
        if (!isnan(latest)) {
            with_values++;
            double behind = shortfall(x, k, latest);
            int at = charted;
            if (charted == MSC_XW_CHART_TECHS) {
                at = 0;
                for (int i = 1; i < charted; i++)
                    at = chart_short[i] < chart_short[at] ? i : at;
                if (!(behind > chart_short[at]))
                    continue;
                for (int i = at; i + 1 < charted; i++) {
                    chart_person[i] = chart_person[i + 1];
                    chart_rows[i] = chart_rows[i + 1];
                    chart_short[i] = chart_short[i + 1];
                }
                at = --charted;
            }
            chart_person[at] = p;
            chart_rows[at] = row;
            chart_short[at] = behind;
            charted++;
        }
    }
    int team = row++;
    msc_xw_text(x, ws, team, 0, "Team", x->text_total);
    msc_xw_values(x, k, MSC_LEVEL_TEAM, -1, v);
    for (int i = 0; i < x->nperiods; i++)
        msc_xw_number(x, ws, team, 1 + i, v[i], msc_xw_kpi_format(x, k, MSC_XW_TOTAL));
    if (has_target)
        msc_xw_number(x, ws, team, tcol, grid_target(x, k),
                      msc_xw_kpi_format(x, k, MSC_XW_TOTAL | MSC_XW_TARGET));
    int target = -1;
    if (has_target) {
        target = row++;
        msc_xw_text(x, ws, target, 0, "Target", x->text_target);
        for (int i = 0; i < x->nperiods; i++)
            msc_xw_number(x, ws, target, 1 + i, grid_target(x, k),
                          msc_xw_kpi_format(x, k, MSC_XW_TARGET));
    }
    colour_block(x, ws, k, team);

    msc_xw_ok(x, worksheet_set_column(ws, 0, 0, (double)namew, NULL));
    msc_xw_ok(x, worksheet_set_column(ws, 1, (lxw_col_t)lastcol, 9, NULL));
    if (has_target)
        msc_xw_ok(x, worksheet_set_column(ws, (lxw_col_t)tcol, (lxw_col_t)tcol, 10, NULL));
    worksheet_freeze_panes(ws, ROW_FIRST, 1);

    /* The chart, under the table. */
    char note[300], why[200];
    int team_values = msc_xw_has_team_rows(x, k);
    if (!team_values && !with_values) {
        const char *reason = msc_xw_why_blank(x, k, why, sizeof why);
        snprintf(note, sizeof note, "No chart: %s.", reason ? reason : "no value in this range");
        msc_xw_wrapped(x, ws, ROW_NOTE, lastcell, width, note, x->note_wrap);
        msc_xw_print_scale(ws, table_px, 0);
        return x->status == MSC_OK ? 0 : -1;
    }
    if (with_values > charted) {
        snprintf(note, sizeof note,
                 "The chart shows the team%s and the %d of %d technicians furthest %s in %s; "
                 "every technician is in the table.",
                 isnan(grid_target(x, k)) ? "" : ", the target", charted, with_values,
                 isnan(grid_target(x, k)) ? "from the team" : "behind the target",
                 x->label[x->nperiods - 1]);
        above_px += msc_xw_wrapped(x, ws, ROW_NOTE, lastcell, width, note, x->note_wrap) -
                    MSC_XW_DEFAULT_ROW_PX;
    }
    char ctitle[200];
    snprintf(ctitle, sizeof ctitle, "%s by %s", x->r->kpi[k].mod->name,
             msc_period_kind_name(m->period_kind));
    lxw_chart *chart = msc_xw_line_chart(x, ctitle, x->r->kpi[k].mod->unit);
    if (!chart)
        return -1;
    double lo = INFINITY, hi = -INFINITY;
    for (int i = 0; i <= charted; i++) {
        int p = i < charted ? chart_person[i] : -1;
        msc_xw_values(x, k, p < 0 ? MSC_LEVEL_TEAM : MSC_LEVEL_TECH, p, v);
        for (int j = 0; j < x->nperiods; j++) {
            lo = v[j] < lo ? v[j] : lo;
            hi = v[j] > hi ? v[j] : hi;
        }
    }
    if (has_target) {
        lo = grid_target(x, k) < lo ? grid_target(x, k) : lo;
        hi = grid_target(x, k) > hi ? grid_target(x, k) : hi;
    }
    if (x->r->kpi[k].mod->unit == MSC_UNIT_RATIO || x->r->kpi[k].mod->unit == MSC_UNIT_POINTS)
        msc_xw_ratio_axis(chart, lo, hi);
    for (int i = 0; i < charted; i++)
        msc_xw_line_series(x, chart, name, chart_rows[i], 0, 1, lastcol, ROW_HEAD,
                           MSC_XW_SERIES_TECH);
    msc_xw_line_series(x, chart, name, team, 0, 1, lastcol, ROW_HEAD, MSC_XW_SERIES_TEAM);
    if (target >= 0)
        msc_xw_line_series(x, chart, name, target, 0, 1, lastcol, ROW_HEAD, MSC_XW_SERIES_TARGET);
    msc_xw_place_chart(x, ws, row + 1, 0, 0, 0, chart, CHART_W, CHART_H);
    above_px += (row + 1 - ROW_FIRST + 1) * MSC_XW_DEFAULT_ROW_PX; /* table rows, the note row */
    msc_xw_print_table_chart(x, ws, table_px > CHART_W ? table_px : CHART_W, row + 1, above_px,
                             CHART_H);
    return x->status == MSC_OK ? 0 : -1;
}

int msc_xw_sheet_trend(struct msc_xw *x)
{
    if (x->score < 0) { /* --kpi left the score out: keep the sheet, say so */
        lxw_worksheet *ws = msc_xw_sheet(x, "Trend", 0);
        if (ws)
            msc_xw_title(x, ws, "Trend: tech score by period",
                         "The tech score was not computed in this run (see --kpi).");
        return x->status == MSC_OK ? 0 : -1;
    }
    char legend[200];
    snprintf(legend, sizeof legend,
             "Colours: green at or above the tech score target of %.4g (tech_score_target), amber "
             "within %.3g%%, red below. Blank: no score for that period.",
             x->m->settings->tech_score_target, x->m->settings->amber_band * 100);
    return grid_sheet(x, "Trend", x->score, "Trend: tech score by period",
                      "Tech score 0-100 per technician and period (weighted attainment of the "
                      "scorecard KPIs against their targets); the team's is computed from the "
                      "team's values.",
                      legend);
}

int msc_xw_sheet_kpis(struct msc_xw *x)
{
    for (size_t k = 0; k < x->r->nkpis && x->status == MSC_OK; k++) {
        if (!x->sheet[k][0])
            continue;
        const struct msc_kpi_module *mod = x->r->kpi[k].mod;
        char sub[400], target[120], legend[300];
        snprintf(sub, sizeof sub, "Formula: %s.", mod->formula);
        msc_xw_target_words(x, (int)k, target, sizeof target);
        target[0] = (char)(target[0] >= 'a' && target[0] <= 'z' ? target[0] - 32 : target[0]);
        if (isnan(x->r->kpi[k].target))
            snprintf(legend, sizeof legend,
                     "%s. Colours: within this table, the worst values red, "
                     "the best green. Blank: no value.",
                     target);
        else
            snprintf(legend, sizeof legend,
                     "%s. Colours: green met, amber within %.3g%%, red missed. Blank: no value.",
                     target, x->m->settings->amber_band * 100);
        grid_sheet(x, x->sheet[k], (int)k, mod->name, sub, legend);
    }
    return x->status == MSC_OK ? 0 : -1;
}
