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
    msc_xw_sheet_coach,
};
/* A technician's own workbook: their Coach sheet, nothing of anyone else. */
static int (*const own_sheets[])(struct msc_xw *) = {msc_xw_sheet_coach};

/* A workbook of the sheets given, with its title and subject. */
static enum msc_status write_book(const char *path, const struct msc_report *r,
                                  const struct msc_xlsx_opts *o, int review_client,
                                  int (*const *book)(struct msc_xw *), size_t nbook,
                                  const char *title_words, const char *subject,
                                  struct msc_error *err)
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
    int own = o && o->own && o->coach;
    if (own) { /* a technician's own workbook: their Coach sheet alone */
        snprintf(title, sizeof title, "%s %s: %s", title_words, period,
                 msc_names_display(&r->model->people, o->own->person));
        book = own_sheets;
        nbook = sizeof own_sheets / sizeof own_sheets[0];
    } else {
        snprintf(title, sizeof title, "%s %s", title_words, period);
    }
    /* The zone-less seconds are wall-clock time; libxlsxwriter renders
     * `created` with gmtime, which gives back exactly those fields. 0 would
     * mean "now" to it, so the epoch itself moves by a second. */
    lxw_doc_properties props = {
        .title = title,
        .subject = (char *)subject,
        .author = "msp-scorecard",
        .company = s->msp_name[0] ? (char *)s->msp_name : NULL,
        .comments = o && o->version ? (char *)o->version : NULL,
        .created = (time_t)(o && o->doc_time ? o->doc_time : 1),
    };

    int ready = msc_xw_init(&x, wb, r, o, review_client) == 0;
    if (ready) {
        if (props.company) /* the one property from outside: the settings */
            props.company = (char *)msc_xw_clean(&x, props.company, 0);
        /* An own workbook's title names its technician: cleaned too, into
         * a copy, as the cleaner's buffer is the company's. */
        const char *t = own && props.company ? msc_xw_clean(&x, title, 0) : NULL;
        char clean_title[sizeof title * 3];
        if (own && props.company) {
            snprintf(clean_title, sizeof clean_title, "%s", t ? t : "");
            props.company = (char *)msc_xw_clean(&x, s->msp_name, 0);
            props.title = clean_title;
        } else if (own) {
            props.title = (char *)msc_xw_clean(&x, title, 0);
        }
        msc_xw_ok(&x, workbook_set_properties(wb, &props));
        for (size_t i = 0; i < nbook && x.status == MSC_OK; i++)
            book[i](&x);
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

enum msc_status msc_write_xlsx(const char *path, const struct msc_report *r,
                               const struct msc_xlsx_opts *o, struct msc_error *err)
{
    return write_book(path, r, o, -1, sheets, sizeof sheets / sizeof sheets[0], "Tech scorecard",
                      "Technician balanced scorecard", err);
}

enum msc_status msc_xlsx_coach_names(const struct msc_report *r, const struct msc_coach *c,
                                     char (**names)[32], struct msc_error *err)
{
    /* The names hang on the workbook's other sheet names only, so a
     * workbook that is never written will do. */
    lxw_workbook *wb = workbook_new("names.xlsx");
    if (!wb)
        return msc_error_set(err, MSC_ERR_NOMEM, "out of memory");
    struct msc_xlsx_opts o = {.coach = c};
    struct msc_xw x;
    int named = msc_xw_init(&x, wb, r, &o, -1) == 0 && (x.coach = c, msc_xw_name_coach_sheets(&x) == 0);
    *names = named ? x.coach_sheet : NULL;
    if (named)
        x.coach_sheet = NULL;
    msc_xw_release(&x);
    lxw_workbook_free(wb);
    return named ? MSC_OK : msc_error_set(err, MSC_ERR_NOMEM, "out of memory");
}

enum msc_status msc_write_review_xlsx(const char *path, const struct msc_report *r, int client,
                                      const struct msc_xlsx_opts *o, struct msc_error *err)
{
    static int (*const review[])(struct msc_xw *) = {msc_xw_sheet_review};
    return write_book(path, r, o, client, review, 1, "Service review", "Client service review", err);
}
