/*
 * xlsx.c: the workbook's entry point: creates it, sets the document
 * properties that make it reproducible, adds the sheets in output.md's
 * order (each from its own xlsx_SHEET.c) and writes it.
 */
#include "write/xlsx.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <xlsxwriter.h>

#include "write/xlsx_common.h"

static int (*const sheets[])(struct msc_xw *) = {
    msc_xw_sheet_scorecard, msc_xw_sheet_trend,   msc_xw_sheet_team,        msc_xw_sheet_kpis,
    msc_xw_sheet_clients,   msc_xw_sheet_bonus,   msc_xw_sheet_quality, msc_xw_sheet_definitions,
};

enum msc_status msc_write_xlsx(const char *path, const struct msc_report *r,
                               const struct msc_xlsx_opts *o, struct msc_error *err)
{
    /* libxlsxwriter 1.1.4 does not check the writes to its temporary parts;
     * beside the report they fill the same disk as the zip, whose write it
     * does check, so a full disk is never a silent, broken workbook. */
    lxw_workbook_options wopt = {.tmpdir = o && o->tmpdir ? (char *)o->tmpdir : NULL};
    const char *name = o && o->name ? o->name : path;
    lxw_workbook *wb = workbook_new_opt(path, &wopt);
    if (!wb) /* it only allocates; the file is made by workbook_close() */
        return msc_error_set(err, MSC_ERR_NOMEM, "out of memory");

    struct msc_xw x;
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
        .company = s->msp_name[0] ? (char *)s->msp_name : NULL,
        .comments = o && o->version ? (char *)o->version : NULL,
        .created = (time_t)(o && o->doc_time ? o->doc_time : 1),
    };

    if (msc_xw_init(&x, wb, r, o) == 0) {
        if (props.company) /* the one property from outside: the settings */
            props.company = (char *)msc_xw_clean(&x, props.company, 0);
        msc_xw_ok(&x, workbook_set_properties(wb, &props));
        for (size_t i = 0; i < sizeof sheets / sizeof sheets[0] && x.status == MSC_OK; i++)
            sheets[i](&x);
    }
    enum msc_status st = x.status;
    msc_xw_release(&x);
    if (st != MSC_OK) {
        lxw_workbook_free(wb); /* nothing is written */
        return st == MSC_ERR_NOMEM ? msc_error_set(err, st, "out of memory")
                                   : msc_error_set(err, st, "%s: cannot build workbook: %s", name,
                                                   lxw_strerror(x.lxw_status));
    }
    errno = 0;
    lxw_error e = workbook_close(wb);
    if (e == LXW_ERROR_MEMORY_MALLOC_FAILED)
        return msc_error_set(err, MSC_ERR_NOMEM, "out of memory");
    if (e != LXW_NO_ERROR) /* the system's reason when there is one (a full disk ...) */
        return msc_error_set(err, MSC_ERR_OUTPUT, "%s: cannot write: %s", name,
                             errno ? strerror(errno) : "the xlsx library failed");
    return MSC_OK;
}
