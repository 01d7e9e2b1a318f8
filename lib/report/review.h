/*
 * review.h: one client's figures for a quarterly business review (output.md
 * "Client review workbook"), made to be shown to the client: per period of
 * the range, tickets created, reactive tickets per endpoint, mttr, the three
 * SLA KPIs, positive CSAT and hours delivered, with their targets. Nothing
 * here names a technician or holds a cost, margin, rate or tier.
 */
#ifndef MSC_REPORT_REVIEW_H
#define MSC_REPORT_REVIEW_H

#include <stddef.h>

#include "report/report.h"

#define MSC_REVIEW_ROWS 8

struct msc_review_row {
    const char *name;           /* what the client reads */
    enum msc_unit unit;
    enum msc_better better;
    double target;              /* NAN: none shown */
    int count;                  /* a whole number (tickets), not a KPI's unit */
    double *value;              /* per period of the range; NAN: no value */
};

struct msc_review {
    int client;
    size_t nperiods;            /* first_period .. last_period */
    int nrows;
    struct msc_review_row row[MSC_REVIEW_ROWS];
};

/* -1 on no memory. */
int msc_report_review(const struct msc_report *r, int client, struct msc_review *out);
void msc_review_release(struct msc_review *v);

/* The client named (matched as all names are), or -1; then *closest is
 * the nearest known client's id (-1 when there is none). */
int msc_report_find_client(const struct msc_report *r, const char *name, int *closest);
/* Marks active[c] (one byte per client id) for every client with a client
 * row of the report: those with anything for a review in the range. */
void msc_report_review_clients(const struct msc_report *r, unsigned char *active);

#endif
