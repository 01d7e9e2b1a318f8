/* run.c: read, dispatch to the KPI modules, build the report. */
#include "run.h"
#include "model/load.h"
#include "util/mem.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

void msc_run_opts_init(struct msc_run_opts *o)
{
    memset(o, 0, sizeof *o);
    o->period = MSC_PERIOD_MONTH;
    o->month = MSC_MONTH_DEFAULT;
    o->months = 12;
    o->as_of = MSC_TIME_NONE;
    o->now = MSC_TIME_NONE;
}

void msc_run_init(struct msc_run *run)
{
    memset(run, 0, sizeof *run);
    msc_settings_init(&run->settings);
    msc_kpis_init(&run->kpis);
    for (size_t k = 0; k < MSC_MAX_KPIS; k++) {
        msc_cells_init(&run->cells[k]);
        msc_cells_init(&run->aux[k]);
    }
}

void msc_run_release(struct msc_run *run)
{
    for (size_t k = 0; k < MSC_MAX_KPIS; k++) {
        msc_cells_release(&run->cells[k]);
        msc_cells_release(&run->aux[k]);
    }
    msc_coach_release(&run->coach);
    msc_report_release(&run->report);
    if (run->loaded)
        msc_model_release(&run->model);
    msc_settings_release(&run->settings);
    msc_kpis_release(&run->kpis);
}

static struct msc_kpi_ctx ctx_for(struct msc_run *run, size_t k)
{
    struct msc_kpi_ctx ctx = {.model = &run->model, .module = run->kpis.mod[k], .cells = &run->cells[k],
                              .aux = &run->aux[k], .index = (int)k, .kpis = &run->kpis};
    return ctx;
}

static void dispatch_entry(void *p, const struct msc_entry *e)
{
    struct msc_run *run = p;
    for (size_t k = 0; k < run->kpis.count; k++)
        if (run->report.kpi[k].selected && run->kpis.mod[k]->on_entry) {
            struct msc_kpi_ctx ctx = ctx_for(run, k);
            run->kpis.mod[k]->on_entry(&ctx, e);
        }
}

static void dispatch_survey(void *p, const struct msc_survey *s)
{
    struct msc_run *run = p;
    for (size_t k = 0; k < run->kpis.count; k++)
        if (run->report.kpi[k].selected && run->kpis.mod[k]->on_survey) {
            struct msc_kpi_ctx ctx = ctx_for(run, k);
            run->kpis.mod[k]->on_survey(&ctx, s);
        }
}

/* One share of the per-ticket pass. Each module adds only to its own
 * cells and reads the model, which no longer changes, so the modules are
 * dealt out between threads that each walk every ticket. */
struct ticket_share {
    struct msc_run *run;
    size_t part, parts;
};

static void *ticket_pass(void *arg)
{
    const struct ticket_share *share = arg;
    struct msc_run *run = share->run;
    struct msc_kpi_ctx ctx[MSC_MAX_KPIS];
    const struct msc_kpi_module *mod[MSC_MAX_KPIS];
    size_t n = 0, dealt = 0;
    for (size_t k = 0; k < run->kpis.count; k++)
        if (run->report.kpi[k].selected && run->report.kpi[k].available && run->kpis.mod[k]->on_ticket &&
            dealt++ % share->parts == share->part) {
            ctx[n] = ctx_for(run, k);
            mod[n++] = run->kpis.mod[k];
        }
    size_t ntickets = msc_names_count(&run->model.ticket_ids);
    for (size_t t = 0; t < ntickets; t++)
        for (size_t i = 0; i < n; i++)
            mod[i]->on_ticket(&ctx[i], &run->model.ticket[t]);
    return NULL;
}

static void report_progress(void *p, const char *path, long rows)
{
    struct msc_run *run = p;
    run->progress(run->progress_ctx, path, rows);
}

/* The explicit path, else DIR/NAME; "" when files were named one by one
 * and this one was not. NULL on no memory. */
static const char *input_path(struct msc_run *run, const struct msc_run_opts *o, enum msc_file f)
{
    if (o->path[f])
        return o->path[f];
    int named = 0;
    for (int i = 0; i < MSC_FILE_COUNT; i++)
        named |= o->path[i] != NULL;
    if (named && !o->dir)
        return "";
    const char *dir = o->dir ? o->dir : ".";
    size_t n = strlen(dir) + strlen(msc_file_names[f]) + 2;
    char *p = msc_arena_alloc(&run->model.arena, n);
    if (!p)
        return NULL;
    snprintf(p, n, "%s/%s", dir, msc_file_names[f]);
    return p;
}

static double seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The data's end, and how far it falls short of a period's end, in words:
 * "2026-10-31 19:03, 30 days before 2026-11 ends". */
static void shortfall(const struct msc_model *m, int64_t period, char *buf, size_t cap)
{
    char end[24], label[24];
    msc_format_datetime(m->data_end, end);
    msc_period_label(m->period_kind, period, label);
    int64_t gap = msc_period_end(m->period_kind, period) - m->data_end;
    if (gap >= 2 * 86400)
        snprintf(buf, cap, "%s, %lld days before %s ends", end, (long long)(gap / 86400), label);
    else
        snprintf(buf, cap, "%s, %lld hours before %s ends", end, (long long)(gap / 3600), label);
}

/* The report's range and as-of time (kpis.md "Periods and attribution",
 * "Data coverage"); MSC_ERR_INPUT when the data does not cover it. */
static enum msc_status set_range(struct msc_run *run, const struct msc_run_opts *o,
                                 struct msc_error *err)
{
    struct msc_model *m = &run->model;
    enum msc_period_kind kind = m->period_kind;
    if (m->data_end == MSC_TIME_NONE)
        return msc_error_set(err, MSC_ERR_INPUT, "no data: no ticket or time entry was kept");
    int64_t last;
    if (o->month >= 0)
        last = msc_period_for_month(kind, o->month);
    else if (o->month == MSC_MONTH_LAST)
        last = msc_period_of(kind, o->now != MSC_TIME_NONE ? o->now : 0) - 1;
    else
        last = msc_model_last_covered(m);
    m->last_period = last;
    m->first_period = last - (o->months > 0 ? o->months : 1) + 1;
    m->as_of = msc_period_end(kind, last);

    char label[2][24];
    msc_period_label(kind, m->first_period, label[0]);
    msc_period_label(kind, last, label[1]);
    int any = 0;
    for (int64_t p = m->first_period; p <= last && !any; p++)
        any = !(msc_model_coverage(m, p) & MSC_COVER_NONE);
    if (!any) {
        char from[24], to[24];
        msc_format_datetime(m->data_start, from);
        msc_format_datetime(m->data_end, to);
        return msc_error_set(err, MSC_ERR_INPUT, "no data in %s to %s: the data runs from %s to %s",
                             label[0], label[1], from, to);
    }
    if (msc_model_coverage(m, last) & (MSC_COVER_NO_END | MSC_COVER_NONE)) {
        char why[120];
        shortfall(m, last, why, sizeof why);
        if (!o->partial)
            return msc_error_set(err, MSC_ERR_INPUT,
                                 "the data ends %s: the exports may be stale (--partial reports "
                                 "on the data there is)", why);
        run->report.partial = 1;
        m->as_of = m->data_end;
    }
    if (o->as_of != MSC_TIME_NONE)
        m->as_of = o->as_of;
    return MSC_OK;
}

static void empty_cells(struct msc_run *run, size_t k)
{
    msc_cells_release(&run->cells[k]);
    msc_cells_release(&run->aux[k]);
    msc_cells_init(&run->cells[k]);
    msc_cells_init(&run->aux[k]);
}

/* A KPI whose input file or column is missing gets no rows, and its cells
 * are emptied so that derived KPIs (the tech score) leave it out too. */
static void drop_unavailable(struct msc_run *run)
{
    for (size_t k = 0; k < run->kpis.count; k++) {
        struct msc_report_kpi *rk = &run->report.kpi[k];
        if (!msc_kpi_missing_input(&run->model, rk->mod, rk->why, sizeof rk->why))
            continue;
        rk->available = 0;
        empty_cells(run, k);
    }
}

/* Reads the input files into a fresh model and report; skip[f], when set,
 * says why file f is left out unread (msc_run_execute). */
static enum msc_status load_inputs(struct msc_run *run, const struct msc_run_opts *o,
                                   char *const skip[MSC_FILE_COUNT], struct msc_error *err)
{
    enum msc_status st;
    msc_model_init(&run->model, &run->settings, o->period);
    run->loaded = 1;
    if ((st = msc_report_init(&run->report, &run->model, &run->kpis, err)) != MSC_OK ||
        (st = msc_report_select(&run->report, o->kpis, err)) != MSC_OK)
        return st;

    static const enum msc_file order[] = {MSC_FILE_RESOURCES, MSC_FILE_CLIENTS, MSC_FILE_TICKETS,
                                          MSC_FILE_TIME, MSC_FILE_SURVEYS};
    run->progress = o->progress;
    run->progress_ctx = o->progress_ctx;
    struct msc_load_sink sink = {run, dispatch_entry, dispatch_survey, o->progress ? report_progress : NULL};
    for (size_t i = 0; i < sizeof order / sizeof order[0]; i++) {
        enum msc_file f = order[i];
        const char *path = input_path(run, o, f);
        if (!path)
            return msc_error_set(err, MSC_ERR_NOMEM, "out of memory");
        if (!o->path[f] && (!*path || access(path, F_OK) != 0)) {
            if (f == MSC_FILE_TICKETS)
                return msc_error_set(err, MSC_ERR_INPUT, "%s: not found (tickets.csv is required)", path);
            run->model.file[f].path = *path ? path : msc_file_names[f];
            static const char *const absent[MSC_FILE_COUNT] = {
                NULL, "not found; the time-based KPIs have no value",
                "not found; the survey KPIs have no value",
                "not found; the per-endpoint and profitability KPIs have no value",
                "not found; everyone named in tickets or time entries is a technician with 40 "
                "hours a week"};
            run->model.file[f].note = absent[f];
            continue;
        }
        if (skip[f]) {
            struct msc_file_info *fi = &run->model.file[f];
            fi->path = path;
            fi->state = MSC_FILE_SKIPPED;
            if (!(fi->note = msc_arena_strdup(&run->model.arena, skip[f])))
                return msc_error_set(err, MSC_ERR_NOMEM, "out of memory");
            continue;
        }
        /* A file named by an option is wanted: a typo there is no skipped file. */
        if (o->path[f] && strcmp(path, "-") != 0 && access(path, F_OK) != 0)
            return msc_error_set(err, MSC_ERR_INPUT, "%s: not found", path);
        if ((st = msc_load_file(&run->model, f, path, o->profile, &sink, err)) != MSC_OK)
            return st;
    }

    return MSC_OK;
}

/* Back to before load_inputs. */
static void unload(struct msc_run *run)
{
    for (size_t k = 0; k < run->kpis.count; k++)
        empty_cells(run, k);
    msc_report_release(&run->report);
    msc_model_release(&run->model);
    run->loaded = 0;
}

/* The first file read from a pipe or stdin (which cannot be read twice),
 * or NULL. */
static const char *piped_input(const struct msc_model *m)
{
    for (int f = 0; f < MSC_FILE_COUNT; f++) {
        const char *path = m->file[f].path;
        struct stat sb;
        if (m->file[f].state == MSC_FILE_READ && path &&
            (strcmp(path, "-") == 0 || (stat(path, &sb) == 0 && !S_ISREG(sb.st_mode))))
            return path;
    }
    return NULL;
}

/* An optional file found unusable only after rows of it were counted
 * (model.h, refused_late) is skipped as kpis.md has every unusable
 * optional file skipped, by reading the inputs again without it; each file
 * can be refused so once. When a file read before it came from a pipe,
 * the run stops instead. */
static enum msc_status load_all(struct msc_run *run, const struct msc_run_opts *o,
                                struct msc_error *err)
{
    char *skip[MSC_FILE_COUNT] = {0};
    enum msc_status st;
    for (;;) {
        st = load_inputs(run, o, skip, err);
        int late = -1;
        for (int f = 0; f < MSC_FILE_COUNT && st == MSC_ERR_INPUT; f++)
            if (run->model.file[f].refused_late)
                late = f;
        if (late < 0)
            break;
        const char *pipe = piped_input(&run->model);
        if (pipe) {
            char why[sizeof err->msg];
            snprintf(why, sizeof why, "%s", err->msg);
            st = msc_error_set(err, MSC_ERR_INPUT,
                               "%s (rows of it were read already, and %s cannot be read again "
                               "to leave it out, so the run stops)",
                               why, strcmp(pipe, "-") ? pipe : "stdin");
            break;
        }
        /* A file skipped already is skipped again for its reason, unread:
         * it may have come from a pipe, which is read once. */
        int nomem = !(skip[late] = msc_strdup(err->msg));
        for (int f = 0; f < MSC_FILE_COUNT; f++)
            if (!skip[f] && run->model.file[f].state == MSC_FILE_SKIPPED && run->model.file[f].note)
                nomem |= !(skip[f] = msc_strdup(run->model.file[f].note));
        if (nomem) {
            st = msc_error_set(err, MSC_ERR_NOMEM, "out of memory");
            break;
        }
        unload(run);
    }
    for (int f = 0; f < MSC_FILE_COUNT; f++)
        free(skip[f]);
    return st;
}

enum msc_status msc_run_execute(struct msc_run *run, const struct msc_run_opts *o,
                                struct msc_error *err)
{
    double start = seconds();
    enum msc_status st = load_all(run, o, err);
    if (st != MSC_OK)
        return st;
    msc_model_end_load(&run->model);
    double read_done = seconds();
    run->read_seconds = read_done - start;
    if ((st = set_range(run, o, err)) != MSC_OK)
        return st;
    drop_unavailable(run);
    struct ticket_share share[2] = {{run, 0, 2}, {run, 1, 2}};
    pthread_t helper;
    int helped = pthread_create(&helper, NULL, ticket_pass, &share[1]) == 0;
    if (!helped)
        share[0].parts = 1;
    ticket_pass(&share[0]);
    if (helped)
        pthread_join(helper, NULL);
    if (msc_model_end_tickets(&run->model) < 0)
        return msc_error_set(err, MSC_ERR_NOMEM, "out of memory");
    struct msc_cells *all[MSC_MAX_KPIS];
    double targets[MSC_MAX_KPIS], weights[MSC_MAX_KPIS];
    for (size_t k = 0; k < run->kpis.count; k++) {
        struct msc_report_kpi *rk = &run->report.kpi[k];
        all[k] = &run->cells[k];
        targets[k] = rk->target;
        weights[k] = rk->weight;
        if (rk->selected && rk->available && rk->mod->finish) {
            struct msc_kpi_ctx ctx = ctx_for(run, k);
            rk->mod->finish(&ctx);
        }
    }
    for (size_t k = 0; k < run->kpis.count; k++)
        if (run->report.kpi[k].selected && run->report.kpi[k].available && run->kpis.mod[k]->derive) {
            struct msc_kpi_ctx ctx = ctx_for(run, k);
            ctx.all = all;
            ctx.targets = targets;
            ctx.weights = weights;
            run->kpis.mod[k]->derive(&ctx);
        }
    msc_dq_sort(&run->model.dq, msc_file_names);
    int nomem = run->model.nomem;
    for (size_t k = 0; k < run->kpis.count; k++)
        nomem |= run->cells[k].nomem | run->aux[k].nomem;
    if (nomem || msc_report_build(&run->report, all) < 0 ||
        msc_gate_check(&run->report.gate, &run->model) < 0 ||
        msc_coach_build(&run->coach, &run->report) < 0)
        return msc_error_set(err, MSC_ERR_NOMEM, "out of memory");
    /* The report holds every figure now: the cells go before the write. */
    for (size_t k = 0; k < run->kpis.count; k++)
        empty_cells(run, k);
    run->compute_seconds = seconds() - read_done;
    return MSC_OK;
}
