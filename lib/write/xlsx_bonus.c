/*
 * xlsx_bonus.c: the Bonus sheet (output.md "Bonus sheet"): per period the
 * managed-services revenue, the full pool, each goal's team value against
 * its target, the released pool and each member's share (and its share of
 * pay), a line chart of the pool and the released pool, and the sentence
 * for the last period at the top. Only when the report has a bonus.
 */
#include "write/xlsx_common.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "report/bonus.h"

enum { ROW_SENTENCE = 2, ROW_HEAD = 4, ROW_FIRST = 5 };
enum { COL_NAME = 0, COL_SIDE = 1, COL_FIRST = 2 };
enum { CHART_W = 760, CHART_H = 300 };

/* One row of money by period from the bonus figures. */
static void money_row(struct msc_xw *x, lxw_worksheet *ws, int row, const char *name,
                      const struct msc_bonus *b, size_t field, int flags)
{
    msc_xw_text(x, ws, row, COL_NAME, name, flags ? x->text_total : x->text);
    msc_xw_text(x, ws, row, COL_SIDE, "", flags ? x->text_total : x->text);
    for (size_t i = 0; i < b->nperiods; i++) {
        const double *v = (const double *)(const void *)((const char *)&b->period[i] + field);
        msc_xw_number(x, ws, row, COL_FIRST + (int)i, *v, msc_xw_unit_format(x, MSC_UNIT_MONEY, flags));
    }
}

static void write_sheet(struct msc_xw *x, lxw_worksheet *ws, const struct msc_bonus *b)
{
    const struct msc_model *m = x->m;
    const struct msc_bonus_settings *s = &m->settings->bonus;
    int lastcol = COL_FIRST + (int)b->nperiods - 1;
    char sub[1400], sentence[600];
    snprintf(sub, sizeof sub,
             "%s: %.3g%% of the managed-services revenue (%s) forms the pool; %s; shared among "
             "%s%s, %s.",
             m->settings->msp_name[0] ? m->settings->msp_name : "MSP", s->pool_share * 100,
             s->managed_agreements[0] ? s->managed_agreements : "every client",
             s->payout == MSC_PAYOUT_ALL_OR_NOTHING ? "all of it is paid only when every goal is met"
                                                    : "each goal met releases its share of it",
             s->team[0] ? "the technicians of " : "every technician", s->team,
             s->split == MSC_SPLIT_EQUAL ? "equally" : "in proportion to available hours");
    msc_xw_title(x, ws, "Bonus pool", sub);
    msc_report_bonus_sentence(x->r, sentence, sizeof sentence);
    msc_xw_text(x, ws, ROW_SENTENCE, COL_NAME, sentence, x->section);

    msc_xw_period_header(x, ws, ROW_HEAD, "");

    int row = ROW_FIRST;
    money_row(x, ws, row++, "Managed-services revenue", b, offsetof(struct msc_bonus_period, revenue), 0);
    int pool_row = row;
    money_row(x, ws, row++, "Full pool", b, offsetof(struct msc_bonus_period, pool), 0);
    for (int g = 0; g < b->ngoals; g++, row++) {
        int k = b->period[0].goal[g].kpi;
        char name[160];
        snprintf(name, sizeof name, "Goal: %s (team)", x->r->kpi[k].mod->name);
        msc_xw_text(x, ws, row, COL_NAME, name, x->text_indent);
        msc_xw_number(x, ws, row, COL_SIDE, b->period[0].goal[g].target,
                      msc_xw_kpi_format(x, k, MSC_XW_TARGET));
        for (size_t i = 0; i < b->nperiods; i++)
            msc_xw_number(x, ws, row, COL_FIRST + (int)i, b->period[i].goal[g].value,
                          msc_xw_kpi_format(x, k, 0));
        msc_xw_traffic_lights(x, ws, row, COL_FIRST, row, lastcol, k);
    }
    char met[64];
    snprintf(met, sizeof met, "Goals met (of %d)", b->ngoals);
    msc_xw_text(x, ws, row, COL_NAME, met, x->text);
    for (size_t i = 0; i < b->nperiods; i++)
        msc_xw_number(x, ws, row, COL_FIRST + (int)i, isnan(b->period[i].pool) ? NAN : b->period[i].met,
                      x->count);
    row++;
    int released_row = row;
    money_row(x, ws, row++, "Released pool", b, offsetof(struct msc_bonus_period, released), MSC_XW_TOTAL);

    int any_pay = 0;
    for (size_t j = 0; j < b->nmembers; j++)
        any_pay |= !isnan(m->person[b->member[j]].monthly_pay);
    row++;
    msc_xw_text(x, ws, row, COL_NAME, "Each member's share", x->section);
    msc_xw_text(x, ws, row++, COL_SIDE, any_pay ? "Monthly pay" : NULL, any_pay ? x->header : NULL);
    for (size_t j = 0; j < b->nmembers; j++, row++) {
        int p = b->member[j];
        msc_xw_text(x, ws, row, COL_NAME, msc_names_display(&m->people, p), x->text);
        msc_xw_number(x, ws, row, COL_SIDE, m->person[p].monthly_pay, msc_xw_unit_format(x, MSC_UNIT_MONEY, 0));
        for (size_t i = 0; i < b->nperiods; i++)
            msc_xw_number(x, ws, row, COL_FIRST + (int)i,
                          msc_xw_value(x, b->share, MSC_LEVEL_TECH, p, b->period[i].period),
                          msc_xw_unit_format(x, MSC_UNIT_MONEY, 0));
    }
    if (any_pay) {
        row++;
        msc_xw_text(x, ws, row++, COL_NAME, "Share as a percentage of pay", x->section);
        for (size_t j = 0; j < b->nmembers; j++, row++) {
            int p = b->member[j];
            msc_xw_text(x, ws, row, COL_NAME, msc_names_display(&m->people, p), x->text);
            for (size_t i = 0; i < b->nperiods; i++)
                msc_xw_number(x, ws, row, COL_FIRST + (int)i,
                              msc_bonus_share_of_pay(x->r, b, p, b->period[i].period),
                              msc_xw_unit_format(x, MSC_UNIT_RATIO, 0));
        }
    }
    row++;
    msc_xw_text(x, ws, row++, COL_NAME, "Goals are judged on the whole team's value; a goal without "
                "a value in a period (no surveys, say) is not met. Blank: no value.", x->note);

    msc_xw_ok(x, worksheet_set_column(ws, COL_NAME, COL_NAME, 40, NULL));
    msc_xw_ok(x, worksheet_set_column(ws, COL_SIDE, COL_SIDE, 12, NULL));
    msc_xw_ok(x, worksheet_set_column(ws, COL_FIRST, (lxw_col_t)lastcol, 10, NULL));
    worksheet_freeze_panes(ws, ROW_FIRST, COL_FIRST);

    lxw_chart *chart = msc_xw_line_chart(x, "Bonus pool and released pool", MSC_UNIT_MONEY);
    if (!chart)
        return;
    msc_xw_line_series(x, chart, "Bonus", pool_row, COL_NAME, COL_FIRST, lastcol, ROW_HEAD,
                       MSC_XW_SERIES_TARGET);
    msc_xw_line_series(x, chart, "Bonus", released_row, COL_NAME, COL_FIRST, lastcol, ROW_HEAD,
                       MSC_XW_SERIES_TEAM);
    row++;
    int width_px = msc_xw_col_px(40) + msc_xw_col_px(12) + x->nperiods * msc_xw_col_px(10);
    msc_xw_place_chart(x, ws, row, 0, 0, 0, chart, CHART_W, CHART_H);
    msc_xw_print_table_chart(x, ws, width_px > CHART_W ? width_px : CHART_W, row,
                             row * MSC_XW_DEFAULT_ROW_PX, CHART_H);
}

int msc_xw_sheet_bonus(struct msc_xw *x)
{
    if (!msc_report_has_bonus(x->r))
        return 0;
    struct msc_bonus b;
    if (msc_report_bonus(x->r, &b) < 0)
        return msc_xw_fail(x, MSC_ERR_NOMEM);
    lxw_worksheet *ws = msc_xw_sheet(x, "Bonus", 0);
    if (ws)
        write_sheet(x, ws, &b);
    msc_bonus_release(&b);
    return x->status == MSC_OK ? 0 : -1;
}
