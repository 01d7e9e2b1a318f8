/*
 * xlsx.c: the workbook's entry point: creates it, sets the document
 * properties that make it reproducible, adds the sheets in output.md's
 * order (each from its own xlsx_SHEET.c) and writes it.
 */
#include "write/xlsx.h"

#include <stdio.h>
#include <time.h>

#include <xlsxwriter.h>

#include "write/xlsx_common.h"

static int (*const sheets[])(struct xw *) = {
    xw_sheet_scorecard, xw_sheet_trend, xw_sheet_team, xw_sheet_kpis,
    xw_sheet_clients,   xw_sheet_quality, xw_sheet_definitions,
};

enum msc_status msc_write_xlsx(const char *path, const struct msc_report *r,
                               const struct msc_xlsx_opts *o, struct msc_error *err)
{
    lxw_workbook *wb = workbook_new(path);
    if (!wb)
        return msc_error_set(err, MSC_ERR_OUTPUT, "%s: cannot create workbook", path);

    struct xw x;
    char title[200], period[24];
    const struct msc_settings *s = r->model->settings;
    msc_period_label(r->model->period_kind, r->model->last_period, period);
    snprintf(title, sizeof title, "Tech scorecard %s", period);
    /* The zone-less seconds are wall-clock time; libxlsxwriter renders
     * `created` with gmtime, which gives back exactly those fields. 0 would
     * mean "now" to it, so the epoch itself moves by a second. */
    lxw_doc_properties props = {
        .title = title,
        .subject = "Technician balanced scorecard",
        .author = "msp-scorecard",
        .company = (char *)(s->msp_name[0] ? s->msp_name : ""),
        .comments = (char *)(o && o->version ? o->version : ""),
        .created = (time_t)(o && o->doc_time ? o->doc_time : 1),
    };

    if (xw_init(&x, wb, r, o) == 0) {
        xw_ok(&x, workbook_set_properties(wb, &props));
        for (size_t i = 0; i < sizeof sheets / sizeof sheets[0] && x.status == MSC_OK; i++)
            sheets[i](&x);
    }
    enum msc_status st = x.status;
    xw_release(&x);
    if (st != MSC_OK) {
        lxw_workbook_free(wb); /* nothing is written */
        return st == MSC_ERR_NOMEM ? msc_error_set(err, st, "out of memory")
                                   : msc_error_set(err, st, "%s: cannot build workbook", path);
    }
    lxw_error e = workbook_close(wb);
    if (e != LXW_NO_ERROR)
        return msc_error_set(err, e == LXW_ERROR_MEMORY_MALLOC_FAILED ? MSC_ERR_NOMEM : MSC_ERR_OUTPUT,
                             "%s: cannot write workbook: %s", path, lxw_strerror(e));
    return MSC_OK;
}
