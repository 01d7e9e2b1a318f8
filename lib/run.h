/*
 * run.h: one run of the scorecard, from input files to the KPI table.
 *
 *     struct msc_run run;
 *     msc_run_init(&run);                        // the built-in KPIs
 *     if (config) st = msc_settings_load(&run.settings, config, &err);
 *     st = msc_kpi_plugin_load(&run.kpis, "my.so", &err);   // optional
 *     st = msc_run_execute(&run, &opts, &err);   // run.report holds the table
 *     ... write it (write/) ...
 *     msc_run_release(&run);
 *
 * The run reads resources, clients, tickets, time entries and surveys in
 * that order, feeding each record to the selected KPI modules once, then
 * fixes the report's period range and as-of time, hands the tickets to the
 * modules, and builds the report. The library reads times in the
 * process's time zone and never sets it: the caller sets TZ (the settings'
 * timezone) before the run.
 */
#ifndef MSC_RUN_H
#define MSC_RUN_H

#include <stdint.h>

#include "kpi/cells.h"
#include "kpi/registry.h"
#include "model/model.h"
#include "model/settings.h"
#include "report/coach.h"
#include "report/report.h"
#include "util/error.h"

struct msc_run_opts {
    const char *dir;                     /* folder with canonical file names, or NULL */
    const char *path[MSC_FILE_COUNT];    /* explicit files override dir */
    enum msc_period_kind period;
    int month;                           /* last period's month y * 12 + m - 1, or one of: */
#define MSC_MONTH_DEFAULT (-1)               /* the last period the data covers */
#define MSC_MONTH_LAST (-2)                  /* the last complete period before now */
    int partial;                         /* report on a last period the data does not cover */
    int months;                          /* periods in the report */
    int64_t as_of;                       /* MSC_TIME_NONE: the end of the last period */
    int64_t now;                         /* local now, for a report with no data */
    const char *kpis;                    /* comma-separated ids, or NULL for all */
    const struct msc_profile *profile;   /* NULL: recognise each file's PSA */
    /* Optional progress report while reading (model/load.h). */
    void (*progress)(void *ctx, const char *path, long rows);
    void *progress_ctx;
};

struct msc_run {
    struct msc_settings settings;
    struct msc_kpis kpis;
    struct msc_model model;
    struct msc_cells cells[MSC_MAX_KPIS];
    struct msc_cells aux[MSC_MAX_KPIS];
    struct msc_report report;
    struct msc_coach coach;     /* the coaching figures of the report */
    int loaded;
    double read_seconds, compute_seconds; /* wall time of the two phases */
    void (*progress)(void *ctx, const char *path, long rows);
    void *progress_ctx;
};

void msc_run_opts_init(struct msc_run_opts *o);
void msc_run_init(struct msc_run *run);
void msc_run_release(struct msc_run *run);
/* Errors: MSC_ERR_USAGE (unknown KPI id), MSC_ERR_INPUT (also: no data in
 * the range, or a last period the data does not cover without
 * opts->partial: kpis.md "Data coverage"), MSC_ERR_NOMEM. After MSC_OK,
 * run.report.gate says whether the inputs looked broken. */
enum msc_status msc_run_execute(struct msc_run *run, const struct msc_run_opts *opts,
                                struct msc_error *err);

#endif
