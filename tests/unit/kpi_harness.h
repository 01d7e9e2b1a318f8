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
#include <string.h>

#include "kpi/kpi.h"
#include "kpi/registry.h"

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
    struct msc_ticket k = {.client = -1, .person = who ? person(h, who) : -1, .created = t,
                           .completed = t, .resolved = t, .estimated_hours = NAN};
    for (int i = 0; i < MSC_MILESTONES; i++)
        k.due[i] = k.done[i] = MSC_TIME_NONE;
    return k;
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

/* The cell's value, NAN when there is none. */
static inline double harness_value(const struct harness *h, enum msc_level level, int subject,
                                   int64_t period)
{
    const struct msc_cell *c = msc_cells_get(&h->cells, level, subject, period);
    return c ? msc_kpi_cell_value(h->ctx.module, c) : NAN;
}

#endif
