/*
 * xlsx_clients.c: the Clients sheet: effort against revenue per client, for
 * the latest period and for the whole range, ranked by effective hourly
 * rate with its tier, and a bar chart of the rates coloured by tier.
 */
#include "write/xlsx_common.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/clients.h"
#include "util/mem.h"

enum { ROW_GROUP = 3, ROW_HEAD = 4, ROW_FIRST = 5 };
/* The whole range leads: the ranking and the tiers are made from it. */
enum { NFIG = 11, COL_RANGE = 1, COL_LATEST = COL_RANGE + NFIG + 1 };
enum { TIERS = 5 }; /* A, B, C, D and none */
/* With more rated clients than twice this, the chart draws the best and
 * the worst this many: a bar per client stops being readable long before
 * 65,536 of them, where libxlsxwriter 1.1.4's 16-bit point count hung. */
enum { CHART_ENDS = 25 };

static int tier_index(char tier) { return tier ? tier - 'A' : TIERS - 1; }

/* Writes the eleven figures of one group from column col. */
static void write_fig(struct msc_xw *x, lxw_worksheet *ws, int row, int col,
                      const struct msc_client_figures *f, int flags, lxw_format *const *tier_fmt)
{
    char tier[2] = {f->tier, '\0'};
    msc_xw_number(x, ws, row, col + 0, f->endpoints, flags ? x->count_total : x->count);
    msc_xw_number(x, ws, row, col + 1, f->tickets, flags ? x->count_total : x->count);
    msc_xw_number(x, ws, row, col + 2, f->hours, msc_xw_unit_format(x, MSC_UNIT_HOURS, flags));
    msc_xw_number(x, ws, row, col + 3, f->reactive_per_endpoint,
                  msc_xw_unit_format(x, MSC_UNIT_PER_ENDPOINT, flags));
    msc_xw_number(x, ws, row, col + 4, f->revenue, msc_xw_unit_format(x, MSC_UNIT_MONEY, flags));
    msc_xw_number(x, ws, row, col + 5, f->labor, msc_xw_unit_format(x, MSC_UNIT_MONEY, flags));
    msc_xw_number(x, ws, row, col + 6, f->rate, msc_xw_unit_format(x, MSC_UNIT_MONEY_PER_HOUR, flags));
    msc_xw_number(x, ws, row, col + 7, f->margin, msc_xw_unit_format(x, MSC_UNIT_RATIO, flags));
    msc_xw_number(x, ws, row, col + 8, f->billed_vs_worked, msc_xw_unit_format(x, MSC_UNIT_RATIO, flags));
    msc_xw_number(x, ws, row, col + 9, f->agreement_usage, msc_xw_unit_format(x, MSC_UNIT_RATIO, flags));
    msc_xw_text(x, ws, row, col + 10, f->tier ? tier : NULL, tier_fmt[tier_index(f->tier)]);
}

static int tier_formats(struct msc_xw *x, lxw_format **plain, lxw_format **total,
                        lxw_chart_fill *fill)
{
    static const lxw_color_t colour[TIERS] = {0x63BE7B, 0xB5D99C, 0xFFD966, 0xF4B183, 0xFFFFFF};
    for (int t = 0; t < TIERS; t++) {
        for (int bold = 0; bold < 2; bold++) {
            lxw_format *f = workbook_add_format(x->wb);
            if (!f)
                return msc_xw_fail(x, MSC_ERR_NOMEM);
            format_set_align(f, LXW_ALIGN_CENTER);
            format_set_bold(f);
            if (t < TIERS - 1) {
                format_set_pattern(f, LXW_PATTERN_SOLID);
                format_set_bg_color(f, colour[t]);
            }
            if (bold) {
                format_set_top(f, LXW_BORDER_THIN);
                format_set_top_color(f, 0x8EA9DB);
            }
            (bold ? total : plain)[t] = f;
        }
        fill[t].color = colour[t];
    }
    return 0;
}

static void headers(struct msc_xw *x, lxw_worksheet *ws, int col, const char *group, int range)
{
    const char *head[NFIG] = {range ? "Endpoints (avg)" : "Endpoints",
                              "Reactive tickets",
                              "Hours",
                              "Reactive h / endpoint / month",
                              "Revenue",
                              "Labor cost",
                              "Effective rate / h",
                              "Margin",
                              "Billed / worked hours",
                              "Included hours used",
                              "Tier"};
    msc_xw_ok(x, worksheet_merge_range(ws, ROW_GROUP, (lxw_col_t)col, ROW_GROUP,
                                       (lxw_col_t)(col + NFIG - 1), group, x->group));
    for (int i = 0; i < NFIG; i++)
        msc_xw_text(x, ws, ROW_HEAD, col + i, head[i], x->header);
}

/* The bar chart of range rates, one colour per tier, over the npts rows
 * from row0 (names in column 0, rates in the range's rate column); who[i]
 * is the client of row row0 + i, NULL for a gap. */
static void rate_chart(struct msc_xw *x, lxw_worksheet *ws, const struct msc_client_line *const *who,
                       int npts, int row0, int at, const lxw_chart_fill *fill, int width_px)
{
    lxw_chart *chart = workbook_add_chart(x->wb, LXW_CHART_BAR);
    if (!chart) {
        msc_xw_fail(x, MSC_ERR_NOMEM);
        return;
    }
    char title[120], first[24], last[24];
    msc_period_label(x->m->period_kind, x->m->first_period, first);
    msc_period_label(x->m->period_kind, x->m->last_period, last);
    snprintf(title, sizeof title, "Effective hourly rate by client, %s to %s", first, last);
    lxw_chart_font title_font = {.size = 12, .bold = 1, .color = 0x1F3864};
    lxw_chart_font small = {.size = 9, .color = 0x595959};
    chart_title_set_name(chart, msc_xw_clean(x, title, 0));
    chart_title_set_name_font(chart, &title_font);
    chart_legend_set_position(chart, LXW_CHART_LEGEND_NONE);
    /* In a bar chart y is the (vertical) category axis, drawn bottom up;
     * reversed, the ranking reads top down as in the table. */
    chart_axis_set_reverse(chart->y_axis);
    chart_axis_set_num_font(chart->x_axis, &small);
    chart_axis_set_num_font(chart->y_axis, &small);
    chart_axis_set_num_format(chart->x_axis, "#,##0");
    chart_axis_set_min(chart->x_axis, 0);
    chart_set_series_gap(chart, 40);

    lxw_chart_series *s = chart_add_series(chart, NULL, NULL);
    lxw_chart_point *pts = msc_calloc((size_t)npts, sizeof *pts);
    lxw_chart_point **ptr = msc_calloc((size_t)npts + 1, sizeof *ptr);
    if (!s || !pts || !ptr) {
        free(pts);
        free(ptr);
        msc_xw_fail(x, MSC_ERR_NOMEM);
        return;
    }
    chart_series_set_categories(s, "Clients", (lxw_row_t)row0, 0, (lxw_row_t)(row0 + npts - 1), 0);
    chart_series_set_values(s, "Clients", (lxw_row_t)row0, COL_RANGE + 6,
                            (lxw_row_t)(row0 + npts - 1), COL_RANGE + 6);
    chart_series_set_name_range(s, "Clients", ROW_HEAD, COL_RANGE + 6);
    for (int i = 0; i < npts; i++) {
        pts[i].fill = (lxw_chart_fill *)&fill[tier_index(who[i] ? who[i]->range.tier : 0)];
        ptr[i] = &pts[i];
    }
    msc_xw_ok(x, chart_series_set_points(s, ptr));
    chart_series_set_labels(s);
    chart_series_set_labels_num_format(s, "#,##0");
    chart_series_set_labels_font(s, &small);
    free(pts);
    free(ptr);
    int h = 90 + 22 * npts;
    if (h < 260)
        h = 260;
    msc_xw_place_chart(x, ws, at, 0, 0, 0, chart, 760, h);
    int above_px = MSC_XW_ROW_PX(24) + 3 * MSC_XW_DEFAULT_ROW_PX + MSC_XW_ROW_PX(45) +
                   (at - ROW_FIRST) * MSC_XW_DEFAULT_ROW_PX;
    msc_xw_print_table_chart(x, ws, width_px > 760 ? width_px : 760, at, above_px, h);
}

int msc_xw_sheet_clients(struct msc_xw *x)
{
    const struct msc_model *m = x->m;
    lxw_worksheet *ws = msc_xw_sheet(x, "Clients", ROW_FIRST);
    if (!ws)
        return -1;
    struct msc_clients cs;
    if (msc_report_clients(x->r, &cs) < 0)
        return msc_xw_fail(x, MSC_ERR_NOMEM);
    const struct msc_client_line *cl = cs.line, *all = &cs.all;
    int n = (int)cs.count, nrated = (int)cs.rated;

    lxw_format *tier_plain[TIERS], *tier_total[TIERS];
    lxw_chart_fill fill[TIERS];
    memset(fill, 0, sizeof fill);
    if (tier_formats(x, tier_plain, tier_total, fill) < 0) {
        msc_clients_release(&cs);
        return -1;
    }

    char sub[700], first[24], last[24], group[80];
    const struct msc_settings *s = m->settings;
    msc_period_label(m->period_kind, m->first_period, first);
    msc_period_label(m->period_kind, m->last_period, last);
    snprintf(sub, sizeof sub,
             "Ranked by effective hourly rate (revenue / hours) over %s to %s. "
             "Tier by that rate: A \u2265 %g, B \u2265 %g, C \u2265 %g, else D. "
             "Margin = (revenue \u2212 labor cost) / revenue. Billed / worked below 100%%: work "
             "given away. Included hours used above 100%%: more hours than the agreement was "
             "priced for.",
             first, last, s->tier_a, s->tier_b, s->tier_c);
    msc_xw_title(x, ws, "Clients: effort against revenue", sub);
    snprintf(sub, sizeof sub,
             "Reactive: tickets of the types %.200s (reactive_types) or of no type. "
             "Endpoints as listed in clients.csv; the range shows the average per month.",
             s->reactive_types);
    msc_xw_text(x, ws, 2, 0, sub, x->note);
    snprintf(group, sizeof group, "%s to %s (whole range)", first, last);
    headers(x, ws, COL_RANGE, group, 1);
    snprintf(group, sizeof group, "%s (latest %s)", last, msc_period_kind_name(m->period_kind));
    headers(x, ws, COL_LATEST, group, 0);
    msc_xw_ok(x, worksheet_set_row(ws, ROW_HEAD, 45, NULL));
    msc_xw_text(x, ws, ROW_HEAD, 0, "Client", x->header_left);

    size_t namew = 16;
    int row = ROW_FIRST, nidle = 0;
    for (int i = 0; i < n; i++, row++) {
        const char *name = msc_names_display(&m->clients, cl[i].client);
        if (strlen(name) + 2 > namew)
            namew = strlen(name) + 2;
        nidle += cl[i].idle;
        msc_xw_text(x, ws, row, 0, name, cl[i].idle ? x->amber : x->text);
        write_fig(x, ws, row, COL_LATEST, &cl[i].latest, 0, tier_plain);
        write_fig(x, ws, row, COL_RANGE, &cl[i].range, 0, tier_plain);
    }
    int total = row;
    msc_xw_text(x, ws, total, 0, "All clients", x->text_total);
    write_fig(x, ws, total, COL_LATEST, &all->latest, MSC_XW_TOTAL, tier_total);
    write_fig(x, ws, total, COL_RANGE, &all->range, MSC_XW_TOTAL, tier_total);
    msc_xw_text(x, ws, total, COL_LATEST - 1, "", x->text_total);

    /* A margin below zero, and an agreement using more hours than it
     * includes, are the numbers here that need no reading. */
    for (int g = 0; g < 4; g++) {
        int col = (g & 1 ? COL_RANGE : COL_LATEST) + (g < 2 ? 7 : 9);
        char cell[16], rule[80];
        lxw_rowcol_to_cell(cell, ROW_FIRST, (lxw_col_t)col);
        snprintf(rule, sizeof rule, "=AND(ISNUMBER(%s),%s%s)", cell, cell, g < 2 ? "<0" : ">1");
        lxw_conditional_format cf = {
            .type = LXW_CONDITIONAL_TYPE_FORMULA, .value_string = rule, .format = x->bad};
        msc_xw_ok(x, worksheet_conditional_format_range(ws, ROW_FIRST, (lxw_col_t)col,
                                                        (lxw_row_t)total, (lxw_col_t)col, &cf));
    }

    if (namew > 34)
        namew = 34;
    msc_xw_ok(x, worksheet_set_column(ws, 0, 0, (double)namew, NULL));
    /* Disjoint ranges: figures, tier, gap, figures, tier. */
    msc_xw_ok(x, worksheet_set_column(ws, COL_RANGE, COL_RANGE + NFIG - 2, 10.5, NULL));
    msc_xw_ok(x, worksheet_set_column(ws, COL_RANGE + NFIG - 1, COL_RANGE + NFIG - 1, 6, NULL));
    msc_xw_ok(x, worksheet_set_column(ws, COL_LATEST - 1, COL_LATEST - 1, 1.5, NULL));
    msc_xw_ok(x, worksheet_set_column(ws, COL_LATEST, COL_LATEST + NFIG - 2, 10.5, NULL));
    msc_xw_ok(x, worksheet_set_column(ws, COL_LATEST + NFIG - 1, COL_LATEST + NFIG - 1, 6, NULL));
    worksheet_freeze_panes(ws, ROW_FIRST, 1);

    int below = total + 2;
    if (nidle) {
        char note[300];
        snprintf(note, sizeof note,
                 "Amber name: no activity. Listed in clients.csv with endpoints, but no ticket or "
                 "hour in %s to %s: a name that does not match the PSA's? (Data Quality lists the "
                 "closest names.)",
                 first, last);
        msc_xw_text(x, ws, below++, 0, note, x->note);
        below++;
    }
    char why[200];
    const char *reason = msc_xw_why_blank(x, msc_clients_revenue_kpi(x->r), why, sizeof why);
    int width_px = msc_xw_col_px((double)namew) + 2 * (NFIG - 1) * msc_xw_col_px(10.5) +
                   2 * msc_xw_col_px(6) + msc_xw_col_px(1.5);
    const struct msc_client_line **who = nrated ? msc_calloc(2 * CHART_ENDS + 1, sizeof *who) : NULL;
    if (nrated && !who)
        msc_xw_fail(x, MSC_ERR_NOMEM);
    else if (nrated > 2 * CHART_ENDS) {
        /* The chart's own rows: the best, a gap, the worst. */
        char note[300];
        snprintf(note, sizeof note,
                 "Chart: the %d highest and the %d lowest effective rates of the %d rated "
                 "clients (the table above ranks them all).",
                 CHART_ENDS, CHART_ENDS, nrated);
        msc_xw_text(x, ws, below, 0, note, x->note);
        int row0 = below + 1;
        for (int i = 0; i < 2 * CHART_ENDS + 1; i++) {
            who[i] = i < CHART_ENDS    ? &cl[i]
                     : i > CHART_ENDS ? &cl[nrated - (2 * CHART_ENDS + 1 - i)]
                                      : NULL;
            msc_xw_text(x, ws, row0 + i, 0,
                        who[i] ? msc_names_display(&m->clients, who[i]->client) : "\u2026", x->text);
            msc_xw_number(x, ws, row0 + i, COL_RANGE + 6, who[i] ? who[i]->range.rate : NAN,
                          msc_xw_unit_format(x, MSC_UNIT_MONEY_PER_HOUR, 0));
        }
        rate_chart(x, ws, who, 2 * CHART_ENDS + 1, row0, row0 + 2 * CHART_ENDS + 2, fill,
                   width_px);
    } else if (nrated) {
        for (int i = 0; i < nrated; i++)
            who[i] = &cl[i];
        rate_chart(x, ws, who, nrated, ROW_FIRST, below, fill, width_px);
    } else {
        char note[300];
        snprintf(note, sizeof note,
                 "No chart: no client has both revenue and hours in this range%s%s.",
                 reason ? "; " : "", reason ? reason : "");
        msc_xw_text(x, ws, below, 0, note, x->note);
    }
    free(who);
    msc_clients_release(&cs);
    return x->status == MSC_OK ? 0 : -1;
}
