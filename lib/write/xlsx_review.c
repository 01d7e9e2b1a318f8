/*
 * xlsx_review.c: the client review workbook's sheet: the client's name,
 * its figures by period beside their targets, and a trend chart for each,
 * two to a row. Only what report/review.h holds reaches it, so no
 * technician, cost, margin, rate or tier can.
 */
#include "write/xlsx_common.h"

#include <math.h>
#include <stdio.h>

#include "report/review.h"

enum { ROW_BANNER = 2, ROW_HEAD = 3, ROW_FIRST = 4 };
enum { COL_NAME = 0, COL_TARGET = 1, COL_FIRST = 2 };
enum { CHARTS_PER_ROW = 2, CHART_W = 500, CHART_H = 250, CHART_GAP = 16 };

static lxw_format *look(struct msc_xw *x, const struct msc_review_row *row, int flags)
{
    return row->count ? x->count : msc_xw_unit_format(x, row->unit, flags);
}

static void write_sheet(struct msc_xw *x, lxw_worksheet *ws, const struct msc_review *v)
{
    const struct msc_model *m = x->m;
    const char *client = msc_names_display(&m->clients, v->client);
    int lastcol = COL_FIRST + (int)v->nperiods - 1;
    char title[300], sub[400], first[24], last[24];
    msc_period_label(m->period_kind, m->first_period, first);
    msc_period_label(m->period_kind, m->last_period, last);
    snprintf(title, sizeof title, "%s: service review %s", client, last);
    snprintf(sub, sizeof sub, "%s%sBy %s, %s to %s, as of %s.",
             m->settings->msp_name[0] ? m->settings->msp_name : "",
             m->settings->msp_name[0] ? " \u00B7 " : "", msc_period_kind_name(m->period_kind), first,
             last, x->as_of);
    msc_xw_title(x, ws, title, sub);
    /* The gate's own words could name other clients, so a review says
     * only that its inputs looked broken: the run's messages say why. */
    if (x->r->gate.nproblems)
        msc_xw_wrapped(x, ws, ROW_BANNER, lastcol, 40 + 10.0 * (double)v->nperiods,
                       "DATA PROBLEM: the exports looked broken when this review was made (the "
                       "run's messages say why). Check the figures before showing them.",
                       x->banner_bad);

    msc_xw_period_header(x, ws, ROW_HEAD, "");
    int row = ROW_FIRST;
    for (int i = 0; i < v->nrows; i++, row++) {
        const struct msc_review_row *fig = &v->row[i];
        msc_xw_text(x, ws, row, COL_NAME, fig->name, x->text);
        msc_xw_number(x, ws, row, COL_TARGET, fig->target, msc_xw_unit_format(x, fig->unit, MSC_XW_TARGET));
        for (size_t p = 0; p < v->nperiods; p++)
            msc_xw_number(x, ws, row, COL_FIRST + (int)p, fig->value[p], look(x, fig, 0));
    }
    row++;
    msc_xw_text(x, ws, row++, COL_NAME,
                "Reactive tickets: incidents, service requests, problems and alerts. SLA: the share "
                "of tickets that met each response time agreed. Blank: no data for that period.",
                x->note);

    /* The targets once per period, for the charts' dashed lines. */
    int trow[MSC_REVIEW_ROWS];
    row++;
    msc_xw_text(x, ws, row++, COL_NAME, "Targets by period (the dashed lines in the charts)", x->section);
    for (int i = 0; i < v->nrows; i++) {
        trow[i] = -1;
        if (isnan(v->row[i].target))
            continue;
        trow[i] = row;
        msc_xw_text(x, ws, row, COL_NAME, v->row[i].name, x->text_target);
        for (size_t p = 0; p < v->nperiods; p++)
            msc_xw_number(x, ws, row, COL_FIRST + (int)p, v->row[i].target,
                          msc_xw_unit_format(x, v->row[i].unit, MSC_XW_TARGET));
        row++;
    }

    msc_xw_ok(x, worksheet_set_column(ws, COL_NAME, COL_NAME, 42, NULL));
    msc_xw_ok(x, worksheet_set_column(ws, COL_TARGET, COL_TARGET, 10, NULL));
    msc_xw_ok(x, worksheet_set_column(ws, COL_FIRST, (lxw_col_t)lastcol, 11, NULL));

    /* Charts two to a row, printed at a fixed scale with a page break
     * before a row of charts that would not fit, so none is cut in two. */
    row++;
    int chart_rows = (CHART_H + CHART_GAP + 19) / 20;
    int page_rows = msc_xw_page_rows(msc_xw_print_scale(ws, CHARTS_PER_ROW * (CHART_W + CHART_GAP), 0));
    lxw_row_t breaks[MSC_REVIEW_ROWS + 1];
    int nbreaks = 0, page_start = 0;
    for (int i = 0; i < v->nrows && x->status == MSC_OK; i++) {
        const struct msc_review_row *fig = &v->row[i];
        int at = row + (i / CHARTS_PER_ROW) * chart_rows;
        if (i % CHARTS_PER_ROW == 0 && at + chart_rows - page_start > page_rows - 2) {
            /* A row early: a chart's frame starts a little above its cell. */
            breaks[nbreaks++] = (lxw_row_t)(at - 1);
            page_start = at - 1;
        }
        /* Counts draw on a whole-number axis from 0. */
        lxw_chart *chart = msc_xw_line_chart(x, fig->name, fig->count ? MSC_UNIT_MONEY : fig->unit);
        if (!chart)
            return;
        chart_legend_set_position(chart, LXW_CHART_LEGEND_NONE);
        if (fig->unit == MSC_UNIT_RATIO) {
            double lo = fig->target, hi = lo;
            for (size_t p = 0; p < v->nperiods; p++)
                msc_xw_span(&lo, &hi, fig->value[p]);
            msc_xw_ratio_axis(chart, lo, hi);
        }
        msc_xw_line_series(x, chart, "Review", ROW_FIRST + i, COL_NAME, COL_FIRST, lastcol, ROW_HEAD,
                           MSC_XW_SERIES_TEAM);
        if (trow[i] >= 0)
            msc_xw_line_series(x, chart, "Review", trow[i], COL_NAME, COL_FIRST, lastcol, ROW_HEAD,
                               MSC_XW_SERIES_TARGET);
        msc_xw_place_chart(x, ws, at, 0, (i % CHARTS_PER_ROW) * (CHART_W + CHART_GAP), 0, chart,
                           CHART_W, CHART_H);
    }
    breaks[nbreaks] = 0;
    msc_xw_ok(x, worksheet_set_h_pagebreaks(ws, breaks));
}

int msc_xw_sheet_review(struct msc_xw *x)
{
    struct msc_review v;
    if (msc_report_review(x->r, x->review_client, &v) < 0)
        return msc_xw_fail(x, MSC_ERR_NOMEM);
    lxw_worksheet *ws = msc_xw_sheet(x, "Review", 0);
    if (ws) {
        write_sheet(x, ws, &v);
        worksheet_activate(ws);
    }
    msc_review_release(&v);
    return x->status == MSC_OK ? 0 : -1;
}
