/*
 * kpi_harness.h: a KPI module on its own, for its unit test. Records are
 * made by hand and fed straight to the module's callbacks, then its cells
 * are read back; no file is read. Months are the period grid.
 *
 *     struct harness h;
 *     harness_init(&h, &msc_kpi_fcr, 2026 * 12 + 2);   // range: 2026-03
 *     struct msc_ticket t = harness_ticket(&h, "Alice", day(2026, 3, 5));
 *     harness_ticket_done(&h, &t);
 *     CHECK(harness_value(&h, MSC_LEVEL_TEAM, -1, 2026 * 12 + 2) == 1);
 *     harness_release(&h);
 */
#ifndef MSC_TESTS_KPI_HARNESS_H
#define MSC_TESTS_KPI_HARNESS_H

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "kpi/kpi.h"
#include "kpi/registry.h"
#include "util/mem.h"

struct harness {
    struct msc_settings settings;
    struct msc_model model;
    struct msc_cells cells, aux;
    struct msc_kpi_ctx ctx;
};

static inline int64_t day(int y, int m, int d) { return msc_days_from_civil(y, m, d) * 86400; }

/* The report's range is the one month ym (y * 12 + m - 1), as of its end. */
static inline void harness_init(struct harness *h, const struct msc_kpi_module *mod, int64_t ym)
{
    memset(h, 0, sizeof *h);
    msc_settings_init(&h->settings);
    msc_model_init(&h->model, &h->settings, MSC_PERIOD_MONTH);
    h->model.first_period = h->model.last_period = ym;
    h->model.as_of = msc_period_end(MSC_PERIOD_MONTH, ym);
    msc_cells_init(&h->cells);
    msc_cells_init(&h->aux);
    h->ctx = (struct msc_kpi_ctx){.model = &h->model, .module = mod, .cells = &h->cells,
                                  .aux = &h->aux};
}

static inline void harness_release(struct harness *h)
{
    msc_cells_release(&h->cells);
    msc_cells_release(&h->aux);
    msc_model_release(&h->model);
    msc_settings_release(&h->settings);
}

/* A technician's (or client's) id, interned on first use. */
static inline int person(struct harness *h, const char *name) { return msc_model_person(&h->model, name); }
static inline int client(struct harness *h, const char *name) { return msc_model_client(&h->model, name); }

/* A ticket of a technician, created and completed (and resolved) at t. */
static inline struct msc_ticket harness_ticket(struct harness *h, const char *who, int64_t t)
{
    struct msc_ticket k;
    msc_ticket_init(&k, t);
    k.person = who ? person(h, who) : -1;
    k.completed = t;
    return k;
}

/* A time entry of hours from start, neither client work nor an absence. */
static inline struct msc_entry harness_entry(int who, int64_t start, double hours)
{
    struct msc_entry e = {.person = who, .client = -1, .start = start,
                          .end = start + (int64_t)(hours * 3600), .entered = MSC_TIME_NONE,
                          .hours = hours, .hours_billed = NAN, .billable = -1};
    return e;
}

/* A listed technician (as in resources.csv) with weekly hours and hourly
 * cost (NAN: default_hourly_cost). */
static inline int harness_tech(struct harness *h, const char *name, double weekly, double cost)
{
    int id = person(h, name);
    h->model.person[id].listed = 1;
    h->model.person[id].weekly_hours = weekly;
    h->model.person[id].hourly_cost = cost;
    return id;
}

/* A clients.csv row: month ym (-1: every month), endpoints, revenue and
 * included hours (NAN when not given). */
static inline int harness_client_row(struct harness *h, const char *name, int ym,
                                     double endpoints, double revenue, double included)
{
    int id = client(h, name);
    struct msc_client *c = &h->model.client[id];
    if (msc_grow(&c->rows, &c->cap, c->nrows + 1, sizeof *c->rows) < 0)
        abort();
    c->listed = 1;
    c->rows[c->nrows++] = (struct msc_client_row){ym, endpoints, revenue, included};
    return id;
}

/* A due or done time of a ticket; abort on no memory. */
static inline void harness_due(struct harness *h, struct msc_ticket *t, int k, int64_t v)
{
    if (msc_ticket_set_due(&h->model, t, (enum msc_milestone)k, v) < 0)
        abort();
}
static inline void harness_done(struct harness *h, struct msc_ticket *t, int k, int64_t v)
{
    if (msc_ticket_set_done(&h->model, t, (enum msc_milestone)k, v) < 0)
        abort();
}

static inline void harness_feed_ticket(struct harness *h, const struct msc_ticket *t)
{
    h->ctx.module->on_ticket(&h->ctx, t);
}
static inline void harness_feed_entry(struct harness *h, const struct msc_entry *e)
{
    h->ctx.module->on_entry(&h->ctx, e);
}
static inline void harness_feed_survey(struct harness *h, const struct msc_survey *s)
{
    h->ctx.module->on_survey(&h->ctx, s);
}

static inline void harness_finish(struct harness *h) { h->ctx.module->finish(&h->ctx); }

/* The cell's value, NAN when there is none. */
static inline double harness_value(const struct harness *h, enum msc_level level, int subject,
                                   int64_t period)
{
    const struct msc_sum *c = msc_cells_get(&h->cells, level, subject, period);
    return c ? msc_kpi_cell_value(h->ctx.module, c) : NAN;
}

#endif
