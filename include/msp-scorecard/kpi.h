/*
 * msp-scorecard/kpi.h: third-party KPI plugins for msp-scorecard.
 *
 * A plugin is a shared object loaded with --plugin FILE.so or from the
 * settings' plugin_dir. It exports one function, msp_kpi_plugin_init, which
 * is handed the API table (the only way back into the program: a plugin
 * links against nothing of it) and returns its KPI definitions, with the
 * ABI version it was built against. A plugin built for another version is
 * refused, as is a KPI whose id is taken; both end the run with exit 2.
 *
 *     static const struct msp_kpi_api *api;
 *     static void on_ticket(struct msp_kpi_ctx *ctx, const struct msp_kpi_ticket *t)
 *     {
 *         if (t->completed != MSP_KPI_TIME_NONE)
 *             api->add_tech_team(ctx, t->person, api->period_of(ctx, t->completed), t->reopens > 0, 1);
 *     }
 *     static const struct msp_kpi_def defs[] = {{.id = "my_kpi", ..., .on_ticket = on_ticket}};
 *     static const struct msp_kpi_plugin plugin = {MSP_KPI_ABI_VERSION, 1, defs};
 *     const struct msp_kpi_plugin *msp_kpi_plugin_init(const struct msp_kpi_api *a)
 *     {
 *         if (a->abi_version != MSP_KPI_ABI_VERSION)
 *             return NULL;
 *         api = a;
 *         return &plugin;
 *     }
 *
 * Records are handed to the callbacks as the built-in modules get them
 * (kpis.md): each kept time entry and survey as its file streams, each
 * kept ticket once the report's range is known, then finish once. Times
 * are local wall-clock seconds since 1970-01-01 in a calendar with no time
 * zone; MSP_KPI_TIME_NONE is a missing one. Records and the context are
 * borrowed for the call only. Callbacks of one plugin may run on two
 * threads at once for different KPIs, never for the same one. A run may
 * stream the inputs twice (an optional file found unusable far into it is
 * left out by reading everything again, its cells emptied first), so keep
 * sums through the API, never in the plugin's own memory.
 */
#ifndef MSP_SCORECARD_KPI_H
#define MSP_SCORECARD_KPI_H

#include <stddef.h>
#include <stdint.h>

#define MSP_KPI_ABI_VERSION 1
#define MSP_KPI_PLUGIN_INIT "msp_kpi_plugin_init"
#define MSP_KPI_TIME_NONE INT64_MIN

enum msp_kpi_level { MSP_KPI_TECH = 0, MSP_KPI_TEAM, MSP_KPI_CLIENT };
#define MSP_KPI_AT_TECH (1u << MSP_KPI_TECH)
#define MSP_KPI_AT_TEAM (1u << MSP_KPI_TEAM)
#define MSP_KPI_AT_CLIENT (1u << MSP_KPI_CLIENT)

enum msp_kpi_unit {
    MSP_KPI_RATIO = 0,          /* a fraction shown as a percentage */
    MSP_KPI_HOURS,
    MSP_KPI_PER_ENDPOINT,       /* per endpoint per month */
    MSP_KPI_MONEY,
    MSP_KPI_MONEY_PER_HOUR,
    MSP_KPI_POINTS              /* 0-100 */
};

enum msp_kpi_better { MSP_KPI_HIGHER = 0, MSP_KPI_LOWER };

/* Person and client are ids (-1: none), the same within one run. */
struct msp_kpi_ticket {
    int client, person;
    int64_t created;
    int64_t completed;          /* when the ticket closed */
    int64_t resolved;
    double estimated_hours;     /* NAN when missing */
    int escalations, reopens;
    int reactive;
    int entries;                /* its kept time entries, any date */
    double hours;
};

struct msp_kpi_entry {
    int person;                 /* always >= 0 */
    int client;
    int has_ticket;             /* on a kept ticket */
    int64_t start, end, entered;
    double hours;
    int billable;               /* 1, 0, or -1 when not given */
    int absence;                /* PTO, Holiday, Sick, Vacation */
    int client_work;            /* utilized: client work on a ticket or for a client */
};

struct msp_kpi_survey {
    int person, client;
    int64_t received;
    double ratio;               /* score / scale_max, 0..1 */
};

struct msp_kpi_ctx; /* opaque */

/* The program's side, handed to msp_kpi_plugin_init. */
struct msp_kpi_api {
    int abi_version;            /* MSP_KPI_ABI_VERSION of the program */
    /* Adds num/den to the KPI's cell (value-only KPIs: the value in num). */
    void (*add)(struct msp_kpi_ctx *ctx, enum msp_kpi_level level, int subject, int64_t period,
                double num, double den);
    /* Adds to the person's cell (when person >= 0) and to the team's. */
    void (*add_tech_team)(struct msp_kpi_ctx *ctx, int person, int64_t period, double num,
                          double den);
    /* The period (of the run's kind) holding a time. */
    int64_t (*period_of)(const struct msp_kpi_ctx *ctx, int64_t t);
    /* The report's first and last period; valid in on_ticket and finish. */
    void (*range)(const struct msp_kpi_ctx *ctx, int64_t *first, int64_t *last);
};

struct msp_kpi_def {
    const char *id;             /* lower-case letters, digits and _; unique */
    const char *name;
    const char *formula;        /* in words, for --list-kpis and Definitions */
    /* Inputs without which the KPI has no value: "file" or "file:field"
     * of data-model.md, ',' for and, '|' for or; NULL: none. */
    const char *needs;
    enum msp_kpi_unit unit;
    enum msp_kpi_better better;
    double target;              /* NAN: none */
    double weight;              /* > 0 counts it in the tech score */
    unsigned levels;            /* MSP_KPI_AT_* */
    int value_only;             /* cells hold a value, not num/den */
    void (*on_entry)(struct msp_kpi_ctx *ctx, const struct msp_kpi_entry *e);
    void (*on_survey)(struct msp_kpi_ctx *ctx, const struct msp_kpi_survey *s);
    void (*on_ticket)(struct msp_kpi_ctx *ctx, const struct msp_kpi_ticket *t);
    void (*finish)(struct msp_kpi_ctx *ctx);
};

struct msp_kpi_plugin {
    int abi_version;            /* MSP_KPI_ABI_VERSION the plugin was built with */
    size_t count;
    const struct msp_kpi_def *defs;
};

/* What a plugin exports; NULL refuses to load (say, another ABI). */
const struct msp_kpi_plugin *msp_kpi_plugin_init(const struct msp_kpi_api *api);

#endif
