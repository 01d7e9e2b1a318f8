/*
 * xlsx_quality.c: the Data Quality sheet: what each input file gave, how
 * many rows were rejected or warned and why, who was costed at the default
 * rate, then every rejected or warned row, filterable. It is where an owner
 * finds what to fix in the PSA.
 */
#include "write/xlsx_common.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/mem.h"

enum { COL_FILE, COL_REASON, COL_SEVERITY, COL_LINE, COL_COLUMN, COL_VALUE };
/* The rows listed one by one: far below a sheet's 1,048,576 rows, and more
 * than anyone reads; the counts by reason above cover them all, and
 * --rejects FILE writes every one. */
enum { LISTED_MAX = 10000 };

static const char *severity_word(enum msc_severity s)
{
    return s == MSC_REJECTED ? "rejected" : "warning";
}

static int by_reason(const void *pa, const void *pb)
{
    const struct msc_dq_item *a = *(const struct msc_dq_item *const *)pa;
    const struct msc_dq_item *b = *(const struct msc_dq_item *const *)pb;
    int c = strcmp(msc_file_names[a->file], msc_file_names[b->file]);
    if (!c && a->severity != b->severity)
        c = a->severity < b->severity ? -1 : 1;
    return c ? c : strcmp(a->reason, b->reason);
}

/* Rows per (file, severity, reason). */
static int reason_counts(struct msc_xw *x, lxw_worksheet *ws, int row)
{
    const struct msc_dq *dq = &x->m->dq;
    msc_xw_text(x, ws, row++, 0, "Rejected and warned rows by reason", x->section);
    if (!dq->count) {
        msc_xw_text(x, ws, row++, 0, "None: every row of every file read was used as it was.",
                    x->note);
        return row;
    }
    const struct msc_dq_item **ix = msc_malloc(dq->count * sizeof *ix);
    if (!ix)
        return msc_xw_fail(x, MSC_ERR_NOMEM);
    for (size_t i = 0; i < dq->count; i++)
        ix[i] = &dq->items[i];
    qsort(ix, dq->count, sizeof *ix, by_reason);
    msc_xw_text(x, ws, row, COL_FILE, "File", x->header_left);
    msc_xw_text(x, ws, row, COL_REASON, "Reason", x->header_left);
    msc_xw_text(x, ws, row, COL_SEVERITY, "Severity", x->header);
    msc_xw_text(x, ws, row++, COL_LINE, "Rows", x->header);
    for (size_t i = 0; i < dq->count;) {
        size_t j = i + 1;
        while (j < dq->count && by_reason(&ix[i], &ix[j]) == 0)
            j++;
        msc_xw_text(x, ws, row, COL_FILE, msc_file_names[ix[i]->file], x->text);
        msc_xw_text(x, ws, row, COL_REASON, ix[i]->reason, x->text);
        msc_xw_text(x, ws, row, COL_SEVERITY, severity_word(ix[i]->severity), x->text);
        msc_xw_number(x, ws, row++, COL_LINE, (double)(j - i), x->count);
        i = j;
    }
    free(ix);
    return row;
}

/* People whose hours were costed at default_hourly_cost (kpis.md). */
static int uncosted(struct msc_xw *x, lxw_worksheet *ws, int row)
{
    const struct msc_model *m = x->m;
    size_t n = msc_names_count(&m->people);
    int any = 0;
    for (size_t p = 0; p < n; p++) {
        if (!m->person[p].named_in_work || !isnan(m->person[p].hourly_cost))
            continue;
        if (!any++) {
            char head[160];
            snprintf(head, sizeof head,
                     "People without an hourly_cost (their hours cost the "
                     "default_hourly_cost, %g an hour)",
                     m->settings->default_hourly_cost);
            msc_xw_text(x, ws, row++, 0, head, x->section);
        }
        msc_xw_text(x, ws, row++, 0, msc_names_display(&m->people, (int)p), x->text);
    }
    return any ? row + 1 : row;
}

/* The gate's verdict, first: what an owner must fix before trusting the
 * report. */
static int gate(struct msc_xw *x, lxw_worksheet *ws, int row)
{
    const struct msc_gate *g = &x->r->gate;
    msc_xw_text(x, ws, row++, 0, "Data-quality gate", x->section);
    if (!g->nproblems) {
        msc_xw_text(x, ws, row++, 0, "Passed: no file has too many rejected rows, no present file was "
                                     "skipped, and the client names match.", x->note);
        return row + 1;
    }
    for (size_t i = 0; i < g->nproblems; i++)
        msc_xw_wrapped(x, ws, row++, COL_VALUE, 100, g->problems[i], x->banner_bad);
    return row + 1;
}

/* One list of names that do not line up, each with the closest name on
 * the other side. */
static int name_list(struct msc_xw *x, lxw_worksheet *ws, int row, const struct msc_name_list *l,
                     const char *title, const char *other)
{
    if (!l->total)
        return row;
    const struct msc_names *clients = &x->m->clients;
    msc_xw_text(x, ws, row++, 0, title, x->section);
    msc_xw_text(x, ws, row, COL_FILE, "Client", x->header_left);
    msc_xw_text(x, ws, row++, COL_REASON, other, x->header_left);
    for (size_t i = 0; i < l->count; i++, row++) {
        msc_xw_text(x, ws, row, COL_FILE, msc_names_display(clients, l->item[i].client), x->text);
        msc_xw_text(x, ws, row, COL_REASON,
                    l->item[i].closest >= 0 ? msc_names_display(clients, l->item[i].closest) : "",
                    x->text);
    }
    if (l->total > l->count) {
        char more[80];
        snprintf(more, sizeof more, "... and %zu more.", l->total - l->count);
        msc_xw_text(x, ws, row++, 0, more, x->note);
    }
    return row + 1;
}

static int item_list(struct msc_xw *x, lxw_worksheet *ws, int row)
{
    static const char *const head[] = {"File", "Reason", "Severity", "Line", "Column", "Value"};
    const struct msc_dq *dq = &x->m->dq;
    size_t listed = dq->count > LISTED_MAX ? LISTED_MAX : dq->count;
    msc_xw_text(x, ws, row++, 0,
                listed < dq->count ? "The first rejected or warned rows" : "Every rejected or warned row",
                x->section);
    if (!dq->count) {
        msc_xw_text(x, ws, row++, 0, "None.", x->note);
        return row;
    }
    msc_xw_text(x, ws, row++, 0,
                "Line: the physical line in the file (the header is line 1). "
                "Column: the field's position in the row (blank for the row as a whole). "
                "Use the filter buttons to narrow the list.",
                x->note);
    int top = row;
    for (int c = 0; c < 6; c++)
        msc_xw_text(x, ws, row, c, head[c],
                    c == COL_LINE || c == COL_COLUMN ? x->header : x->header_left);
    row++;
    for (size_t i = 0; i < listed && x->status == MSC_OK; i++, row++) {
        const struct msc_dq_item *it = &dq->items[i];
        msc_xw_text(x, ws, row, COL_FILE, msc_file_names[it->file], x->text);
        msc_xw_text(x, ws, row, COL_REASON, it->reason, x->text);
        msc_xw_text(x, ws, row, COL_SEVERITY, severity_word(it->severity), x->text);
        msc_xw_number(x, ws, row, COL_LINE, (double)it->line, x->count);
        msc_xw_number(x, ws, row, COL_COLUMN, it->column > 0 ? (double)it->column : NAN,
                      x->count_center);
        msc_xw_text(x, ws, row, COL_VALUE, it->value,
                    x->text_indent); /* input: text, never a formula */
    }
    msc_xw_ok(x, worksheet_autofilter(ws, (lxw_row_t)top, 0, (lxw_row_t)(row - 1), COL_VALUE));
    if (listed < dq->count) {
        char more[200];
        snprintf(more, sizeof more,
                 "... and %zu more rejected or warned rows, counted by reason above "
                 "(msp-scorecard --rejects FILE lists every one).",
                 dq->count - listed);
        msc_xw_text(x, ws, row++, 0, more, x->note);
    }
    return row;
}

int msc_xw_sheet_quality(struct msc_xw *x)
{
    lxw_worksheet *ws = msc_xw_sheet(x, "Data Quality", 0);
    if (!ws)
        return -1;
    long read = 0, used = 0, rejected = 0, warned = 0;
    for (int f = 0; f < MSC_FILE_COUNT; f++)
        if (x->m->file[f].state == MSC_FILE_READ) {
            read += x->m->file[f].rows_read;
            used += x->m->file[f].rows_used;
            rejected += x->m->file[f].rows_rejected;
            warned += x->m->file[f].rows_warned;
        }
    char sub[300];
    snprintf(sub, sizeof sub,
             "%ld rows read: %ld used, %ld rejected; %ld of the used rows carry a "
             "warning (kept, with a doubtful value).",
             read, used, rejected, warned);
    msc_xw_title(x, ws, "Data quality", sub);

    int row = gate(x, ws, 3);
    msc_xw_text(x, ws, row++, 0, "Input files", x->section);
    row = msc_xw_files_table(x, ws, row, 40) + 1;
    int after = msc_xw_why_notes(x, ws, row);
    row = reason_counts(x, ws, after > row ? after + 1 : row);
    if (row < 0)
        return -1;
    row = uncosted(x, ws, row + 1);
    row = name_list(x, ws, row, &x->r->gate.unlisted, "Ticket clients not in clients.csv",
                    "Closest name in clients.csv");
    row = name_list(x, ws, row, &x->r->gate.idle,
                    "Clients in clients.csv with endpoints but no ticket or hour in the report "
                    "(no activity)",
                    "Closest name in tickets or time entries");
    item_list(x, ws, row);

    static const double width[] = {18, 55, 11, 10, 10, 10, 13, 12, 40};
    for (int c = 0; c < 9; c++)
        msc_xw_ok(x, worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, width[c], NULL));
    return x->status == MSC_OK ? 0 : -1;
}
