/*
 * xlsx_team.c: the Team sheet: every team-level KPI by period beside its
 * target, and a small chart per KPI (the team's line, the target dashed)
 * laid out in a grid under the table.
 */
#include "write/xlsx_common.h"

#include <math.h>
#include <stdio.h>


enum { ROW_LEGEND = 2, ROW_HEAD = 4, ROW_FIRST = 5 };
enum { COL_NAME = 0, COL_TARGET = 1, COL_FIRST = 2 };
enum { CHARTS_PER_ROW = 3, CHART_W = 440, CHART_H = 260, CHART_GAP = 16 };

int msc_xw_sheet_team(struct msc_xw *x)
{
    const struct msc_model *m = x->m;
    lxw_worksheet *ws = msc_xw_sheet(x, "Team", 0);
    if (!ws)
        return -1;
    int lastcol = COL_FIRST + x->nperiods - 1, notecol = lastcol + 1;

    /* The tech score leads: it sums up the rest. */
    int order[MSC_MAX_KPIS], n = 0;
    if (x->score >= 0)
        order[n++] = x->score;
    for (size_t k = 0; k < x->r->nkpis; k++)
        if ((int)k != x->score && x->r->kpi[k].selected && (x->r->kpi[k].mod->levels & MSC_AT_TEAM))
            order[n++] = (int)k;

    char sub[300], legend[200];
    snprintf(sub, sizeof sub,
             "%s: each KPI over all of the team's records (sums over sums, not "
             "averages of technicians), one column per %s.",
             m->settings->msp_name[0] ? m->settings->msp_name : "MSP",
             msc_period_kind_name(m->period_kind));
    msc_xw_title(x, ws, "Team: every KPI by period", sub);
    snprintf(legend, sizeof legend,
             "Colours: green met the target, amber within %.3g%%, red "
             "missed. Blank: no value. Charts: solid line the team, dashed line the target.",
             m->settings->amber_band * 100);
    msc_xw_text(x, ws, ROW_LEGEND, 0, legend, x->note);

    msc_xw_period_header(x, ws, ROW_HEAD, "KPI");
    msc_xw_text(x, ws, ROW_HEAD, notecol, "Note", x->header_left);

    int row = ROW_FIRST;
    for (int i = 0; i < n; i++, row++) {
        int k = order[i];
        char why[200];
        msc_xw_text(x, ws, row, COL_NAME, x->r->kpi[k].mod->name,
                    k == x->score ? x->text_total : x->text);
        msc_xw_number(x, ws, row, COL_TARGET, x->r->kpi[k].target,
                      msc_xw_kpi_format(x, k, MSC_XW_TARGET));
        for (int p = 0; p < x->nperiods; p++)
            msc_xw_number(x, ws, row, COL_FIRST + p,
                          msc_xw_value(x, k, MSC_LEVEL_TEAM, -1, m->first_period + p),
                          msc_xw_kpi_format(x, k, 0));
        msc_xw_text(x, ws, row, notecol, msc_xw_why_blank(x, k, why, sizeof why), x->note);
        msc_xw_traffic_lights(x, ws, row, COL_FIRST, row, lastcol, k);
    }

    /* The targets once per period: the charts' dashed lines are drawn
     * from these rows (a chart line needs a value per period). */
    int trow[MSC_MAX_KPIS];
    row++;
    msc_xw_text(x, ws, row++, COL_NAME, "Targets by period (the dashed lines in the charts)",
                x->section);
    for (int i = 0; i < n; i++) {
        int k = order[i];
        trow[i] = -1;
        if (isnan(x->r->kpi[k].target))
            continue;
        trow[i] = row;
        msc_xw_text(x, ws, row, COL_NAME, x->r->kpi[k].mod->name, x->text_target);
        for (int p = 0; p < x->nperiods; p++)
            msc_xw_number(x, ws, row, COL_FIRST + p, x->r->kpi[k].target,
                          msc_xw_kpi_format(x, k, MSC_XW_TARGET));
        row++;
    }

    msc_xw_ok(x, worksheet_set_column(ws, COL_NAME, COL_NAME, 38, NULL));
    msc_xw_ok(x, worksheet_set_column(ws, COL_TARGET, COL_TARGET, 10, NULL));
    msc_xw_ok(x, worksheet_set_column(ws, COL_FIRST, (lxw_col_t)lastcol, 9.5, NULL));
    msc_xw_ok(x, worksheet_set_column(ws, (lxw_col_t)notecol, (lxw_col_t)notecol, 40, NULL));
    worksheet_freeze_panes(ws, ROW_FIRST, COL_FIRST);

    /* Charts in a grid. Each grid row starts at a cell row of its own and
     * charts sit side by side by pixel offsets (so column widths cannot
     * make them overlap); printed at a fixed scale with a page break
     * between grid rows, no chart is cut in two. */
    int table_px = msc_xw_col_px(38) + msc_xw_col_px(10) + x->nperiods * msc_xw_col_px(9.5) +
                   msc_xw_col_px(40);
    int grid_px = CHARTS_PER_ROW * (CHART_W + CHART_GAP);
    int page_rows =
        msc_xw_page_rows(msc_xw_print_scale(ws, table_px > grid_px ? table_px : grid_px, 0));
    int chart_rows = (CHART_H + CHART_GAP + 19) / 20;
    int per_page = (page_rows - 2) / chart_rows;
    if (per_page < 1)
        per_page = 1;
    lxw_row_t breaks[MSC_MAX_KPIS + 2];
    int nbreaks = 0;
    row++;
    breaks[nbreaks++] = (lxw_row_t)row;
    msc_xw_text(x, ws, row++, COL_NAME, "Charts", x->section);
    int placed = 0;
    for (int i = 0; i < n && x->status == MSC_OK; i++) {
        int k = order[i];
        if (!msc_xw_has_team_rows(x, k))
            continue; /* an empty chart says less than the note beside the row */
        lxw_chart *chart =
            msc_xw_line_chart(x, x->r->kpi[k].mod->name, x->r->kpi[k].mod->unit);
        if (!chart)
            return -1;
        chart_legend_set_position(chart, LXW_CHART_LEGEND_NONE);
        if (x->r->kpi[k].mod->unit == MSC_UNIT_RATIO || x->r->kpi[k].mod->unit == MSC_UNIT_POINTS) {
            double lo = x->r->kpi[k].target, hi = lo;
            for (int p = 0; p < x->nperiods; p++)
                msc_xw_span(&lo, &hi, msc_xw_value(x, k, MSC_LEVEL_TEAM, -1, m->first_period + p));
            msc_xw_ratio_axis(chart, lo, hi);
        }
        msc_xw_line_series(x, chart, "Team", ROW_FIRST + i, COL_NAME, COL_FIRST, lastcol, ROW_HEAD,
                           MSC_XW_SERIES_TEAM);
        if (trow[i] >= 0)
            msc_xw_line_series(x, chart, "Team", trow[i], COL_NAME, COL_FIRST, lastcol, ROW_HEAD,
                               MSC_XW_SERIES_TARGET);
        int gx = placed % CHARTS_PER_ROW, gy = placed / CHARTS_PER_ROW;
        int at = row + gy * chart_rows;
        if (gx == 0 && gy > 0 && gy % per_page == 0)
            breaks[nbreaks++] = (lxw_row_t)at;
        msc_xw_place_chart(x, ws, at, 0, gx * (CHART_W + CHART_GAP), 0, chart, CHART_W, CHART_H);
        placed++;
    }
    breaks[nbreaks] = 0;
    msc_xw_ok(x, worksheet_set_h_pagebreaks(ws, breaks));
    return x->status == MSC_OK ? 0 : -1;
}
