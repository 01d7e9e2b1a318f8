/*
 * xlsx_scorecard.c: the Scorecard sheet, the page an owner reads first:
 * one row per technician for the latest period, every KPI coloured against
 * its target, the tech score with its change since the previous period,
 * the team last.
 */
#include "write/xlsx_common.h"
#include "report/bonus.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/mem.h"

/* Rows under the title block, which the banner (when there is one)
 * pushes down. */
enum { ROW_BANNER = 2, ROW_LEGEND = 0, ROW_GROUP, ROW_HEAD, ROW_TARGET, ROW_FIRST };
enum { COL_NAME = 0, COL_SCORE = 1, COL_CHANGE = 2, COL_KPI = 3 };

/* Whether a technician has anything to show for the period. */
static int has_period_values(const struct msc_xw *x, int person, int64_t period)
{
    for (size_t k = 0; k < x->r->nkpis; k++)
        if (x->r->kpi[k].selected && !isnan(msc_xw_value(x, (int)k, MSC_LEVEL_TECH, person, period)))
            return 1;
    return 0;
}

static void write_person_row(struct msc_xw *x, lxw_worksheet *ws, int row, enum msc_level level,
                             int subject, const int *cols, int flags)
{
    int64_t last = x->m->last_period;
    msc_xw_number(x, ws, row, COL_SCORE, msc_xw_value(x, x->score, level, subject, last),
                  msc_xw_unit_format(x, MSC_UNIT_POINTS, flags));
    msc_xw_number(x, ws, row, COL_CHANGE, msc_report_change(x->r, x->score, level, subject, last),
                  flags & MSC_XW_TOTAL ? x->change_total : x->change);
    for (size_t k = 0; k < x->r->nkpis; k++)
        if (cols[k] >= 0)
            msc_xw_number(x, ws, row, cols[k], msc_xw_value(x, (int)k, level, subject, last),
                          msc_xw_kpi_format(x, (int)k, flags));
}

static void score_rules(struct msc_xw *x, lxw_worksheet *ws, int r1, int r2)
{
    lxw_conditional_format bar = {.type = LXW_CONDITIONAL_DATA_BAR,
                                  .min_rule_type = LXW_CONDITIONAL_RULE_TYPE_NUMBER,
                                  .min_value = 0,
                                  .max_rule_type = LXW_CONDITIONAL_RULE_TYPE_NUMBER,
                                  .max_value = 100,
                                  .bar_color = 0xBDD7EE,
                                  .bar_solid = 1};
    msc_xw_ok(x, worksheet_conditional_format_range(ws, (lxw_row_t)r1, COL_SCORE, (lxw_row_t)r2,
                                                    COL_SCORE, &bar));
    char cell[16], up[96], down[96];
    lxw_rowcol_to_cell(cell, (lxw_row_t)r1, COL_CHANGE);
    /* Half a point either way is noise, not a trend. */
    snprintf(up, sizeof up, "=AND(ISNUMBER(%s),%s>=0.5)", cell, cell);
    snprintf(down, sizeof down, "=AND(ISNUMBER(%s),%s<=-0.5)", cell, cell);
    lxw_conditional_format cu = {
        .type = LXW_CONDITIONAL_TYPE_FORMULA, .value_string = up, .format = x->up};
    lxw_conditional_format cd = {
        .type = LXW_CONDITIONAL_TYPE_FORMULA, .value_string = down, .format = x->down};
    msc_xw_ok(x, worksheet_conditional_format_range(ws, (lxw_row_t)r1, COL_CHANGE, (lxw_row_t)r2,
                                                    COL_CHANGE, &cu));
    msc_xw_ok(x, worksheet_conditional_format_range(ws, (lxw_row_t)r1, COL_CHANGE, (lxw_row_t)r2,
                                                    COL_CHANGE, &cd));
}

/* Names of technicians left off this period, "A, B and C". */
static char *absent_names(const struct msc_xw *x, const int *absent, int n)
{
    size_t len = 1;
    for (int i = 0; i < n; i++)
        len += strlen(msc_names_display(&x->m->people, absent[i])) + 6;
    char *s = msc_malloc(len);
    if (!s)
        return NULL;
    s[0] = '\0';
    for (int i = 0; i < n; i++) {
        if (i)
            strcat(s, i == n - 1 ? " and " : ", ");
        strcat(s, msc_names_display(&x->m->people, absent[i]));
    }
    return s;
}

static int notes(struct msc_xw *x, lxw_worksheet *ws, int row, const int *absent, int nabsent)
{
    const struct msc_model *m = x->m;
    char buf[600], prev[24], last[24];
    msc_period_label(m->period_kind, m->last_period, last);
    msc_period_label(m->period_kind, m->last_period - 1, prev);
    msc_xw_text(x, ws, row++, 0, "Notes", x->section);
    snprintf(buf, sizeof buf,
             "Tech score: 0-100, the weighted mean over the scored KPIs that have a value of each "
             "one's attainment (value against target, at most 100%%). Change: points since %s%s.",
             prev, m->last_period > m->first_period ? "" : " (not in this report, so left blank)");
    msc_xw_text(x, ws, row++, 0, buf, x->note);
    msc_xw_text(
        x, ws, row++, 0,
        "Team: each KPI over all records (a sum over sum, not an average of the technicians). "
        "Each scored KPI has its own sheet with its trend by technician.",
        x->note);
    if (nabsent) {
        char *names = absent_names(x, absent, nabsent);
        if (!names)
            return msc_xw_fail(x, MSC_ERR_NOMEM);
        char *line = msc_malloc(strlen(names) + 64);
        if (line) /* a string cell: names from the input stay text */
            sprintf(line, "No data in %s, so not listed: %s.", last, names);
        free(names);
        if (!line)
            return msc_xw_fail(x, MSC_ERR_NOMEM);
        msc_xw_text(x, ws, row++, 0, line, x->note);
        free(line);
    }
    for (size_t k = 0; k < x->r->nkpis; k++) {
        char why[200];
        if (!(msc_xw_scored(x, (int)k) || msc_xw_shown(x, (int)k)) ||
            !msc_xw_why_blank(x, (int)k, why, sizeof why))
            continue;
        snprintf(buf, sizeof buf, "%s: %s.", x->r->kpi[k].mod->name, why);
        msc_xw_text(x, ws, row++, 0, buf, x->note);
    }
    return row;
}

int msc_xw_sheet_scorecard(struct msc_xw *x)
{
    const struct msc_model *m = x->m;
    const int top = ROW_BANNER + msc_xw_banner_rows(x);
    const int r_legend = top + ROW_LEGEND, r_group = top + ROW_GROUP, r_head = top + ROW_HEAD,
              r_target = top + ROW_TARGET, r_first = top + ROW_FIRST;
    lxw_worksheet *ws = msc_xw_sheet(x, "Scorecard", r_first);
    if (!ws)
        return -1;

    /* Columns: score and change, the scored KPIs, a narrow gap, then the
     * KPIs shown for information. */
    int cols[MSC_MAX_KPIS], ncols = COL_KPI, nscored = 0, ninfo = 0;
    for (size_t k = 0; k < x->r->nkpis; k++)
        cols[k] = -1;
    for (size_t k = 0; k < x->r->nkpis; k++)
        if (msc_xw_scored(x, (int)k))
            cols[k] = ncols++, nscored++;
    int gap = ncols;
    for (size_t k = 0; k < x->r->nkpis; k++)
        if (msc_xw_shown(x, (int)k)) {
            if (!ninfo)
                ncols++;
            cols[k] = ncols++, ninfo++;
        }

    /* Technicians with something to show this period. */
    int *listed = msc_calloc((size_t)x->ntech + 1, sizeof *listed);
    int *absent = msc_calloc((size_t)x->ntech + 1, sizeof *absent);
    int nlisted = 0, nabsent = 0;
    if (!listed || !absent) {
        free(listed);
        free(absent);
        return msc_xw_fail(x, MSC_ERR_NOMEM);
    }
    size_t namew = 14;
    for (int i = 0; i < x->ntech; i++) {
        int p = x->tech[i];
        if (has_period_values(x, p, m->last_period)) {
            listed[nlisted++] = p;
            size_t len = strlen(msc_names_display(&m->people, p));
            if (len + 2 > namew)
                namew = len + 2;
        } else
            absent[nabsent++] = p;
    }
    if (namew > 30)
        namew = 30;

    /* Title block. */
    char title[300], sub[300], last[24];
    const char *msp = m->settings->msp_name[0] ? m->settings->msp_name : "MSP";
    msc_period_label(m->period_kind, m->last_period, last);
    snprintf(title, sizeof title, "%s \u2013 tech scorecard %s", msp, last);
    snprintf(sub, sizeof sub,
             "%s %s, as of %s \u00B7 %d technician%s \u00B7 each KPI against its target",
             msc_period_kind_name(m->period_kind), last, x->as_of, nlisted,
             nlisted == 1 ? "" : "s");
    sub[0] = (char)(sub[0] >= 'a' && sub[0] <= 'z' ? sub[0] - 32 : sub[0]);
    msc_xw_title(x, ws, title, sub);
    msc_xw_banner(x, ws, ROW_BANNER, ncols - 1, (double)namew + 18 + 11.5 * (ncols - COL_KPI));

    char legend[64];
    snprintf(legend, sizeof legend, "Within %.3g%%", m->settings->amber_band * 100);
    msc_xw_text(x, ws, r_legend, COL_KPI, "Met target", x->legend_good);
    msc_xw_text(x, ws, r_legend, COL_KPI + 1, legend, x->legend_amber);
    msc_xw_text(x, ws, r_legend, COL_KPI + 2, "Missed", x->legend_bad);
    msc_xw_text(x, ws, r_legend, COL_KPI + 3, "Blank: no data for that KPI", x->note);

    /* Group row, KPI names, targets. */
    msc_xw_ok(x, worksheet_merge_range(ws, r_group, COL_SCORE, r_group, COL_CHANGE, "Score",
                                       x->group));
    if (nscored > 1)
        msc_xw_ok(x, worksheet_merge_range(ws, r_group, COL_KPI, r_group, COL_KPI + nscored - 1,
                                           "Scorecard KPIs (counted in the score)", x->group));
    else if (nscored == 1)
        msc_xw_text(x, ws, r_group, COL_KPI, "Scored", x->group);
    if (ninfo > 1)
        msc_xw_ok(x, worksheet_merge_range(ws, r_group, gap + 1, r_group, gap + ninfo,
                                           "Not scored", x->group));
    else if (ninfo == 1)
        msc_xw_text(x, ws, r_group, gap + 1, "Not scored", x->group);

    msc_xw_ok(x, worksheet_set_row(ws, r_head, 45, NULL));
    msc_xw_text(x, ws, r_head, COL_NAME, "Technician", x->header_left);
    msc_xw_text(x, ws, r_head, COL_SCORE, "Tech score", x->header);
    msc_xw_text(x, ws, r_head, COL_CHANGE, "Change", x->header);
    msc_xw_text(x, ws, r_target, COL_NAME, "Target", x->text_target);
    msc_xw_text(x, ws, r_target, COL_SCORE, "", x->text_target);
    msc_xw_text(x, ws, r_target, COL_CHANGE, "", x->text_target);
    for (size_t k = 0; k < x->r->nkpis; k++) {
        if (cols[k] < 0)
            continue;
        /* Scored KPIs go by their sheet's short name, which the owner
         * finds again on the tab. */
        msc_xw_text(x, ws, r_head, cols[k],
                    x->sheet[k][0] ? x->sheet[k] : x->r->kpi[k].mod->name, x->header);
        msc_xw_number(x, ws, r_target, cols[k], x->r->kpi[k].target,
                      msc_xw_kpi_format(x, (int)k, MSC_XW_TARGET));
    }

    /* Technicians, then the team. */
    /* Beside each row: a slide or a rise of 5 points on three periods
     * before (output.md "Coaching"); beside the team's, its KPIs on target. */
    char flag[120], earlier[24];
    msc_period_label(m->period_kind, m->last_period - 3, earlier);
    int row = r_first;
    for (int i = 0; i < nlisted; i++, row++) {
        msc_xw_text(x, ws, row, COL_NAME, msc_names_display(&m->people, listed[i]), x->text);
        write_person_row(x, ws, row, MSC_LEVEL_TECH, listed[i], cols, 0);
        const struct msc_coach_tech *t =
            x->o && x->o->coach ? msc_coach_find(x->o->coach, listed[i]) : NULL;
        if (t && t->trend) {
            snprintf(flag, sizeof flag, "   %s 5 or more points %s %s",
                     t->trend < 0 ? "\u25BC declining:" : "\u25B2 improving:",
                     t->trend < 0 ? "below" : "above", earlier);
            msc_xw_text(x, ws, row, ncols, flag, t->trend < 0 ? x->down : x->up);
        }
    }
    int team = row;
    msc_xw_text(x, ws, team, COL_NAME, "Team", x->text_total);
    write_person_row(x, ws, team, MSC_LEVEL_TEAM, -1, cols, MSC_XW_TOTAL);
    int of = 0, met = msc_report_on_target(x->r, m->last_period, &of);
    if (of) {
        snprintf(flag, sizeof flag, "   KPIs on target: %d of %d", met, of);
        msc_xw_text(x, ws, team, ncols, flag, x->text_total);
    }
    if (ninfo)
        msc_xw_text(x, ws, team, gap, "", x->text_total);

    for (size_t k = 0; k < x->r->nkpis; k++)
        if (cols[k] >= 0)
            msc_xw_traffic_lights(x, ws, r_first, cols[k], team, cols[k], (int)k);
    score_rules(x, ws, r_first, team);

    msc_xw_ok(x, worksheet_set_column(ws, COL_NAME, COL_NAME, (double)namew, NULL));
    msc_xw_ok(x, worksheet_set_column(ws, COL_SCORE, COL_CHANGE, 9, NULL));
    /* Column ranges must not overlap: viewers disagree on which one wins. */
    if (nscored)
        msc_xw_ok(x, worksheet_set_column(ws, COL_KPI, (lxw_col_t)(gap - 1), 11.5, NULL));
    if (ninfo) {
        msc_xw_ok(x, worksheet_set_column(ws, (lxw_col_t)gap, (lxw_col_t)gap, 1.5, NULL));
        msc_xw_ok(
            x, worksheet_set_column(ws, (lxw_col_t)(gap + 1), (lxw_col_t)(ncols - 1), 11.5, NULL));
    }
    worksheet_freeze_panes(ws, r_first, COL_SCORE);
    worksheet_activate(ws);

    char bonus[600];
    msc_report_bonus_sentence(x->r, bonus, sizeof bonus);
    if (bonus[0])
        msc_xw_text(x, ws, team + 2, 0, bonus, x->section);
    notes(x, ws, team + (bonus[0] ? 4 : 2), absent, nabsent);
    free(listed);
    free(absent);
    return x->status == MSC_OK ? 0 : -1;
}
