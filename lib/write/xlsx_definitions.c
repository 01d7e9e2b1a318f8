/*
 * xlsx_definitions.c: the Definitions sheet: every KPI as this run computed
 * it (formula, unit, direction, target and weight in force), the input
 * files, and the run itself (period range, as-of time, version), so a
 * number in the workbook can always be traced to its rule.
 */
#include "write/xlsx_common.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "util/time.h"

static void levels_text(unsigned levels, char *buf, size_t cap)
{
    static const char *const word[3] = {"technician", "team", "client"};
    buf[0] = '\0';
    for (int l = 0; l < 3; l++)
        if (levels & (1u << l)) {
            size_t n = strlen(buf);
            snprintf(buf + n, cap - n, "%s%s", n ? ", " : "", word[l]);
        }
}

static int kpi_table(struct msc_xw *x, lxw_worksheet *ws, int row)
{
    static const char *const head[] = {"Id",     "Name",   "Sheet",  "Unit",   "Better",
                                       "Target", "Weight", "Levels", "Formula"};
    msc_xw_text(x, ws, row++, 0, "KPIs", x->section);
    for (int c = 0; c < 9; c++)
        msc_xw_text(x, ws, row, c, head[c], c < 3 || c > 6 ? x->header_left : x->header);
    row++;
    for (size_t k = 0; k < x->r->nkpis; k++, row++) {
        const struct msc_kpi_module *mod = x->r->kpi[k].mod;
        char levels[64];
        levels_text(mod->levels, levels, sizeof levels);
        const char *sheet = !x->r->kpi[k].selected   ? "(not computed in this run)"
                            : x->sheet[k][0]     ? x->sheet[k]
                            : (int)k == x->score ? "Trend"
                                                 : NULL;
        msc_xw_text(x, ws, row, 0, mod->id, x->text);
        msc_xw_text(x, ws, row, 1, mod->name, x->text);
        msc_xw_text(x, ws, row, 2, sheet, x->text);
        msc_xw_text(x, ws, row, 3, msc_kpi_unit_name(mod->unit), x->text);
        msc_xw_text(x, ws, row, 4, mod->better == MSC_LOWER ? "lower" : "higher", x->text);
        msc_xw_number(x, ws, row, 5, x->r->kpi[k].target, msc_xw_kpi_format(x, (int)k, MSC_XW_TARGET));
        enum msc_kpi_role role = x->r->kpi[k].role;
        int weighted = role == MSC_ROLE_SCORED || role == MSC_ROLE_SHOWN;
        msc_xw_number(x, ws, row, 6, weighted ? x->r->kpi[k].weight : NAN, x->text);
        msc_xw_text(x, ws, row, 7, levels, x->text_indent);
        msc_xw_text(x, ws, row, 8, mod->formula, x->text_wrap);
        msc_xw_row_for_text(x, ws, row, mod->formula, 80, 15);
    }
    return row;
}

static int run_table(struct msc_xw *x, lxw_worksheet *ws, int row)
{
    const struct msc_model *m = x->m;
    const struct msc_settings *s = m->settings;
    char range[120], data_start[24], data_end[24], doc[24], band[32], tiers[120], realtime[32],
        first[24], last[24], slack[80], gate[80];
    msc_period_label(m->period_kind, m->first_period, first);
    msc_period_label(m->period_kind, m->last_period, last);
    snprintf(range, sizeof range, "%s to %s (%d %ss)", first, last, x->nperiods,
             msc_period_kind_name(m->period_kind));
    msc_format_datetime(m->data_start, data_start);
    msc_format_datetime(m->data_end, data_end);
    snprintf(slack, sizeof slack, "%g hours%s", s->coverage_slack_hours,
             x->r->partial ? "; the last period is partial (--partial)" : "");
    snprintf(gate, sizeof gate, "%s (at most %g%% of a file's rows rejected, and 10 rows)",
             x->r->gate.nproblems ? "failed" : "passed", s->max_rejected_share * 100);
    msc_format_datetime(x->o && x->o->doc_time ? x->o->doc_time : 1, doc);
    snprintf(band, sizeof band, "%.4g%% of the target", s->amber_band * 100);
    snprintf(tiers, sizeof tiers,
             "A \u2265 %g, B \u2265 %g, C \u2265 %g, else D (effective rate per hour)", s->tier_a,
             s->tier_b, s->tier_c);
    snprintf(realtime, sizeof realtime, "%g minutes", s->realtime_minutes);
    const char *rows[][2] = {
        {"MSP", s->msp_name[0] ? s->msp_name : "MSP"},
        {"Period", range},
        {"As-of time", x->as_of},
        {"Data starts", data_start},
        {"Data ends", data_end},
        {"Coverage slack", slack},
        {"Data-quality gate", gate},
        {"Amber band", band},
        {"Client tiers", tiers},
        {"Real-time entry within", realtime},
        {"Program version", x->o && x->o->version ? x->o->version : ""},
        {"Document time", doc},
    };
    msc_xw_text(x, ws, row++, 0, "This run", x->section);
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++, row++) {
        msc_xw_text(x, ws, row, 0, rows[i][0], x->text_total);
        msc_xw_text(x, ws, row, 1, rows[i][1], x->text);
    }
    msc_xw_text(x, ws, row++, 0,
                "A milestone due after the as-of time is pending and left out of the "
                "SLA counts. A period is covered when the data reaches its end (less the "
                "slack); one the data covers only in part is marked '*', one outside the "
                "data has no values.",
                x->note);
    return row;
}

int msc_xw_sheet_definitions(struct msc_xw *x)
{
    lxw_worksheet *ws = msc_xw_sheet(x, "Definitions", 0);
    if (!ws)
        return -1;
    msc_xw_title(
        x, ws, "Definitions",
        "Every KPI as computed in this run, with the targets and weights in force; the input "
        "files; the run. Team values are sums over sums, never averages of technicians.");
    int row = kpi_table(x, ws, 3) + 1;
    msc_xw_text(x, ws, row++, 0, "Input files", x->section);
    row = msc_xw_files_table(x, ws, row, 80) + 1;
    row = run_table(x, ws, row) + 1;
    msc_xw_why_notes(x, ws, row);

    static const double width[] = {26, 45, 22, 20, 10, 11, 13, 24, 80};
    for (int c = 0; c < 9; c++)
        msc_xw_ok(x, worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, width[c], NULL));
    return x->status == MSC_OK ? 0 : -1;
}
