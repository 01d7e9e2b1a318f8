/*
 * clients.h: the report's figures per client (the Clients sheet): effort
 * against revenue for the latest period and for the whole range, ranked by
 * the range's effective hourly rate, with its tier.
 *
 * Sums first, ratios from the sums, so that a range's rate is its revenue
 * over its hours, as the figures beside it show. Every figure is NAN when
 * the report has nothing for it, never 0.
 */
#ifndef MSC_REPORT_CLIENTS_H
#define MSC_REPORT_CLIENTS_H

#include <stddef.h>

#include "report/report.h"

struct msc_client_figures {
    double endpoints;           /* per month, averaged over the periods */
    double tickets;             /* reactive tickets */
    double hours;
    double reactive_per_endpoint; /* reactive hours per endpoint per month */
    double revenue, labor;
    double rate;                /* revenue / hours */
    double margin;              /* (revenue - labor) / revenue */
    double billed_vs_worked;    /* hours billed / hours worked (kpis.md "Agreements") */
    double agreement_usage;     /* hours / included hours of the agreement */
    char tier;                  /* 'A' .. 'D' by rate (settings tier_a ...), 0 without a rate */
};

struct msc_client_line {
    int client;                 /* client id; -1 for all clients */
    int idle;                   /* listed with endpoints, no activity (report/gate.h) */
    struct msc_client_figures range, latest;
};

struct msc_clients {
    struct msc_client_line *line; /* clients with a row, best range rate first, then by name */
    size_t count;
    size_t rated;               /* lines with a range rate (they come first) */
    struct msc_client_line all;
};

/* -1 on no memory. */
int msc_report_clients(const struct msc_report *r, struct msc_clients *out);
void msc_clients_release(struct msc_clients *c);
/* The index of the KPI whose missing input leaves clients without revenue. */
int msc_clients_revenue_kpi(const struct msc_report *r);

#endif
