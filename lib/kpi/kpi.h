/*
 * kpi.h: the KPI module interface.
 *
 * A KPI is one `const struct msc_kpi_module` in its own file under lib/kpi/
 * (see template.c.txt), listed once in registry.c. The run hands every kept
 * record to every selected module exactly once:
 *
 *   on_entry   each time entry, as the file streams (not stored anywhere)
 *   on_survey  each survey, as the file streams
 *   on_ticket  each kept ticket, after all entries were folded into it and
 *              once the report's range and as-of time are known
 *   finish     once, at the end: per-period work such as capacity
 *   derive     once after every module finished: KPIs made from other KPIs
 *
 * A module adds to cells (kpi/cells.h) through msc_kpi_add(); it never reads
 * files and never formats output. Records without a technician go to the
 * team (and client) cells only; the report drops tech cells of people who
 * are not technicians, so modules need not check.
 */
#ifndef MSC_KPI_KPI_H
#define MSC_KPI_KPI_H

#include <stdint.h>

#include "kpi/cells.h"
#include "model/model.h"

enum msc_better { MSC_HIGHER = 0, MSC_LOWER };

enum msc_unit {
    MSC_UNIT_RATIO = 0,         /* a fraction shown as a percentage */
    MSC_UNIT_HOURS,
    MSC_UNIT_PER_ENDPOINT,      /* per endpoint per month */
    MSC_UNIT_MONEY,
    MSC_UNIT_MONEY_PER_HOUR,
    MSC_UNIT_POINTS             /* 0-100 */
};

/* The unit in words: "percent", "hours", ... "points (0-100)". */
const char *msc_kpi_unit_name(enum msc_unit unit);

#define MSC_AT_TECH (1u << MSC_LEVEL_TECH)
#define MSC_AT_TEAM (1u << MSC_LEVEL_TEAM)
#define MSC_AT_CLIENT (1u << MSC_LEVEL_CLIENT)

struct msc_kpis; /* kpi/registry.h */

struct msc_kpi_ctx {
    const struct msc_model *model;
    const struct msc_kpi_module *module; /* the module called */
    struct msc_cells *cells;    /* the module's output */
    struct msc_cells *aux;      /* the module's scratch sums */
    int index;                  /* this module's index in kpis */
    /* For derive: every module of the run, their cells by index, and the
     * targets and weights in force. */
    const struct msc_kpis *kpis;
    struct msc_cells *const *all;
    const double *targets, *weights;
};

struct msc_kpi_module {
    const char *id;
    const char *name;
    const char *formula;        /* in words, for --list-kpis and Definitions */
    /* Inputs without which the KPI has no value: "file" or "file:field",
     * ',' for and, '|' for or ("tickets:resolved_due|tickets:resolved_met"). */
    const char *needs;
    enum msc_unit unit;
    enum msc_better better;
    /* What the denominator counts, for a coach's "3 surveys" (output.md
     * "Coaching", Sample); NULL: no sample is shown. sample_hours: it is
     * hours, not records, so no value of it is marked "low sample". */
    const char *sample;
    int sample_hours;
    double target;              /* default; NAN when the KPI has none */
    double weight;              /* default weight in the tech score (0: not counted) */
    unsigned levels;            /* MSC_AT_* */
    int value_only;             /* cells hold a value, not num/den */
    /* The overall score, made by derive from the others' attainment: the
     * workbook shows it first and it is never counted in itself. */
    int is_score;
    /* Whether the settings switch the KPI off (the bonus without [bonus]):
     * non-zero with the reason in why, as for a missing input. NULL: never. */
    int (*off)(const struct msc_model *m, char *why, size_t cap);
    /* A plugin's own definition, for the adapter callbacks (kpi/plugin.c). */
    const void *plugin;
    void (*on_entry)(struct msc_kpi_ctx *ctx, const struct msc_entry *e);
    void (*on_survey)(struct msc_kpi_ctx *ctx, const struct msc_survey *s);
    void (*on_ticket)(struct msc_kpi_ctx *ctx, const struct msc_ticket *t);
    void (*finish)(struct msc_kpi_ctx *ctx);
    void (*derive)(struct msc_kpi_ctx *ctx);
};

/* Adds num/den to a cell; out of memory is recorded in the model. */
void msc_kpi_add(struct msc_kpi_ctx *ctx, enum msc_level level, int subject, int64_t period,
                 double num, double den);
/* Adds to the person's tech cell (when person >= 0) and to the team cell. */
void msc_kpi_add_tech_team(struct msc_kpi_ctx *ctx, int person, int64_t period, double num, double den);
/* The period of a time in the run's period grid. */
int64_t msc_kpi_period(const struct msc_kpi_ctx *ctx, int64_t t);
/* Whether a period is inside the report's range. */
int msc_kpi_in_range(const struct msc_kpi_ctx *ctx, int64_t period);


/* Shared pieces of several modules (kpi.c). */

/* Counts one SLA milestone of a ticket (kpis.md, "SLA milestone"). */
void msc_kpi_count_milestone(struct msc_kpi_ctx *ctx, const struct msc_ticket *t,
                             enum msc_milestone which);
/* Rate of completed tickets whose count (escalations, reopens) is > 0. */
void msc_kpi_count_completed_rate(struct msc_kpi_ctx *ctx, const struct msc_ticket *t, int count);
/* Adds each listed client's endpoint-months in every period of the range
 * as the denominator of its client cell and of the team cell. */
void msc_kpi_add_endpoint_months(struct msc_kpi_ctx *ctx);
/* Why a KPI can have no value in this run ("surveys.csv was not read",
 * "tickets.csv has no estimated_hours column"), written into buf; NULL
 * when its inputs are there. */
const char *msc_kpi_missing_input(const struct msc_model *m, const struct msc_kpi_module *mod,
                                  char *buf, size_t cap);
/* A value's attainment of its target, 0..1 (kpis.md "Tech score"):
 * higher-is-better min(1, value / target), lower-is-better
 * min(1, target / value), 1 for a value of 0. */
double msc_kpi_attainment(enum msc_better better, double value, double target);
/* Whether value meets target (on the value rounded to 6 decimals; a tie meets). */
int msc_kpi_met(enum msc_better better, double value, double target);
/* Value of a cell: num for value-only KPIs, else num / den (NAN when den is 0). */
double msc_kpi_cell_value(const struct msc_kpi_module *mod, const struct msc_sum *c);
/* Adds to the client's cell (when client >= 0) and the team's, in into
 * (ctx->cells or ctx->aux). */
void msc_kpi_add_client_team(struct msc_cells *into, int client, int64_t period, double num,
                             double den);

/* For the profitability KPIs: per period of the range, every client with a
 * revenue figure and the team (when any client has one) get a cell built
 * from revenue r and the module's aux sum a of that client (or team):
 * value r, ratio r / a, or margin (r - a) / r. */
enum msc_revenue_form { MSC_REVENUE_VALUE, MSC_REVENUE_OVER_AUX, MSC_REVENUE_LESS_AUX };
void msc_kpi_add_revenue(struct msc_kpi_ctx *ctx, enum msc_revenue_form form);

#endif
