/*
 * xlsx.h: the scorecard workbook (output.md), through libxlsxwriter.
 *
 * Sheets in order: Scorecard, Trend, Team, one per scorecard KPI, Clients,
 * Data Quality, Definitions. Text from the input is always written as text,
 * never as a formula. The document time is doc_time (the as-of time, or
 * SOURCE_DATE_EPOCH), so the same inputs give a byte-identical file.
 * path is a plain file the caller has made safe to write (write/output.h).
 */
#ifndef MSC_WRITE_XLSX_H
#define MSC_WRITE_XLSX_H

#include <stdint.h>

#include "report/coach.h"
#include "report/report.h"
#include "util/error.h"

struct msc_xlsx_opts {
    const char *version;        /* the program's version, for Definitions */
    int64_t doc_time;           /* zone-less seconds (util/time.h) */
    const char *name;           /* what messages call the file (path when NULL) */
    const char *tmpdir;         /* where libxlsxwriter keeps its parts (NULL: TMPDIR) */
    /* The coaching figures (report/coach.h): with them, a Coach sheet per
     * technician unless coach_sheets = none. */
    const struct msc_coach *coach;
    /* A technician's own workbook (--per-tech): their Coach sheet alone,
     * with team values only where 3 or more technicians have one. */
    const struct msc_coach_tech *own;
    const char *own_sheet;      /* with own: its sheet's name (msc_xlsx_coach_names) */
};

/* Errors: MSC_ERR_OUTPUT naming path, MSC_ERR_NOMEM. */
enum msc_status msc_write_xlsx(const char *path, const struct msc_report *r,
                               const struct msc_xlsx_opts *o, struct msc_error *err);

/* The names of c's technicians' Coach sheets in the full workbook, in
 * c->tech's order, which their own workbooks reuse (o->own_sheet) rather
 * than each naming every sheet again. *names is freed with free().
 * Errors: MSC_ERR_NOMEM. */
enum msc_status msc_xlsx_coach_names(const struct msc_report *r, const struct msc_coach *c,
                                     char (**names)[32], struct msc_error *err);

/* The client review workbook (output.md "Client review workbook (QBR)"):
 * one sheet of a client's figures by period with a trend chart each, made
 * to be shown to the client: no technician's name, cost, margin, rate or
 * tier. Errors as msc_write_xlsx. */
enum msc_status msc_write_review_xlsx(const char *path, const struct msc_report *r, int client,
                                      const struct msc_xlsx_opts *o, struct msc_error *err);

#endif
