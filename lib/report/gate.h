/*
 * gate.h: the data-quality gate (kpis.md "Data-quality gate").
 *
 * After a run has read its inputs, the gate judges whether they look
 * broken: too many rejected rows in a file, a present optional file that
 * had to be skipped, or a clients.csv that no ticket's client matches. Each
 * finding is one sentence for the banner, the mail and stderr; any finding
 * fails the gate. It also lists the client names that do not line up, each
 * with the closest name on the other side, for the Data Quality sheet.
 */
#ifndef MSC_REPORT_GATE_H
#define MSC_REPORT_GATE_H

#include <stddef.h>

#include "model/model.h"

/* Names listed with their closest spelling; the rest are only counted, so
 * that a clients.csv matching nothing stays cheap. */
#define MSC_GATE_NAMES 100

struct msc_name_match {
    int client;                 /* client id */
    int closest;                /* client id on the other side, -1 none */
};

struct msc_name_list {
    struct msc_name_match item[MSC_GATE_NAMES];
    size_t count;               /* listed in item */
    size_t total;               /* all such names */
};

struct msc_gate {
    char **problems;            /* owned; none when the gate passed */
    size_t nproblems;
    /* Ticket clients missing from clients.csv (closest: a listed client). */
    struct msc_name_list unlisted;
    /* Listed clients with endpoints but no ticket or hour in the range
     * (closest: a client named in tickets or time entries, not listed). */
    struct msc_name_list idle;
};

void msc_gate_init(struct msc_gate *g);
void msc_gate_release(struct msc_gate *g);
/* Judges the model's inputs over its report range; -1 on no memory. */
int msc_gate_check(struct msc_gate *g, const struct msc_model *m);
/* Whether a client is listed with endpoints but had no ticket or time
 * entry in the range: "no activity" (a name that matches nothing, most
 * often). */
int msc_gate_idle(const struct msc_model *m, int client);
/* The listed or ticketed client whose name is nearest (edit distance,
 * case folded) to name; -1 when there is none. */
int msc_gate_closest_client(const struct msc_model *m, const char *name);

#endif
