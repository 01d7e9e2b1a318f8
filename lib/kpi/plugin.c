/* plugin.c: dlopen, the ABI's API table and the adapter callbacks. */
#include "kpi/plugin.h"
#include "util/mem.h"

#include <msp-scorecard/kpi.h>

#include <dirent.h>
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The ABI's enums are the library's, number for number. */
_Static_assert((int)MSP_KPI_TECH == (int)MSC_LEVEL_TECH && (int)MSP_KPI_TEAM == (int)MSC_LEVEL_TEAM &&
                   (int)MSP_KPI_CLIENT == (int)MSC_LEVEL_CLIENT, "levels differ");
_Static_assert((int)MSP_KPI_RATIO == (int)MSC_UNIT_RATIO && (int)MSP_KPI_HOURS == (int)MSC_UNIT_HOURS &&
                   (int)MSP_KPI_PER_ENDPOINT == (int)MSC_UNIT_PER_ENDPOINT &&
                   (int)MSP_KPI_MONEY == (int)MSC_UNIT_MONEY &&
                   (int)MSP_KPI_MONEY_PER_HOUR == (int)MSC_UNIT_MONEY_PER_HOUR &&
                   (int)MSP_KPI_POINTS == (int)MSC_UNIT_POINTS, "units differ");
_Static_assert((int)MSP_KPI_LOWER == (int)MSC_LOWER, "directions differ");
_Static_assert(MSP_KPI_TIME_NONE == MSC_TIME_NONE, "missing times differ");

struct msc_kpi_plugin {
    void *handle;
    struct msc_kpi_module *mods;
    struct msc_kpi_plugin *next;
};

/* The opaque msp_kpi_ctx is the module's msc_kpi_ctx. */
static struct msc_kpi_ctx *ours(struct msp_kpi_ctx *c) { return (struct msc_kpi_ctx *)(void *)c; }
static const struct msc_kpi_ctx *ours_const(const struct msp_kpi_ctx *c)
{
    return (const struct msc_kpi_ctx *)(const void *)c;
}
static struct msp_kpi_ctx *theirs(struct msc_kpi_ctx *c) { return (struct msp_kpi_ctx *)(void *)c; }
static const struct msp_kpi_def *def_of(const struct msc_kpi_ctx *c) { return c->module->plugin; }

static void api_add(struct msp_kpi_ctx *c, enum msp_kpi_level level, int subject, int64_t period,
                    double num, double den)
{
    if ((unsigned)level < MSC_LEVELS)
        msc_kpi_add(ours(c), (enum msc_level)level, level == MSP_KPI_TEAM ? -1 : subject, period,
                    num, den);
}

static void api_add_tech_team(struct msp_kpi_ctx *c, int person, int64_t period, double num,
                              double den)
{
    msc_kpi_add_tech_team(ours(c), person, period, num, den);
}

static int64_t api_period_of(const struct msp_kpi_ctx *c, int64_t t)
{
    return msc_kpi_period(ours_const(c), t);
}

static void api_range(const struct msp_kpi_ctx *c, int64_t *first, int64_t *last)
{
    *first = ours_const(c)->model->first_period;
    *last = ours_const(c)->model->last_period;
}

static const struct msp_kpi_api api = {MSP_KPI_ABI_VERSION, api_add, api_add_tech_team,
                                       api_period_of, api_range};

static void on_entry(struct msc_kpi_ctx *ctx, const struct msc_entry *e)
{
    struct msp_kpi_entry pe = {e->person, e->client, e->ticket != NULL, e->start, e->end,
                               e->entered, e->hours, e->billable, e->absence, e->client_work};
    def_of(ctx)->on_entry(theirs(ctx), &pe);
}

static void on_survey(struct msc_kpi_ctx *ctx, const struct msc_survey *s)
{
    struct msp_kpi_survey ps = {s->person, s->client, s->received, s->ratio};
    def_of(ctx)->on_survey(theirs(ctx), &ps);
}

static void on_ticket(struct msc_kpi_ctx *ctx, const struct msc_ticket *t)
{
    struct msp_kpi_ticket pt = {t->client, t->person, t->created, t->completed,
                                msc_ticket_resolved(ctx->model, t),
                                t->estimated_hours, t->escalations, t->reopens, t->reactive,
                                t->entries, t->hours};
    def_of(ctx)->on_ticket(theirs(ctx), &pt);
}

static void finish(struct msc_kpi_ctx *ctx) { def_of(ctx)->finish(theirs(ctx)); }

static void module_of(struct msc_kpi_module *m, const struct msp_kpi_def *d)
{
    *m = (struct msc_kpi_module){
        .id = d->id, .name = d->name, .formula = d->formula, .needs = d->needs,
        .unit = (enum msc_unit)d->unit, .better = (enum msc_better)d->better,
        .target = d->target, .weight = d->weight, .levels = d->levels & (MSC_AT_TECH | MSC_AT_TEAM | MSC_AT_CLIENT),
        .value_only = d->value_only, .plugin = d,
        .on_entry = d->on_entry ? on_entry : NULL, .on_survey = d->on_survey ? on_survey : NULL,
        .on_ticket = d->on_ticket ? on_ticket : NULL, .finish = d->finish ? finish : NULL};
}

enum msc_status msc_kpi_plugin_load(struct msc_kpis *k, const char *path, struct msc_error *err)
{
    /* dlopen looks a bare name up in the library path: a plugin is a file. */
    char file[4096];
    snprintf(file, sizeof file, "%s%s", strchr(path, '/') ? "" : "./", path);
    void *h = dlopen(file, RTLD_NOW | RTLD_LOCAL);
    if (!h)
        return msc_error_set(err, MSC_ERR_USAGE, "%s: cannot load plugin: %s", path, dlerror());
    const struct msp_kpi_plugin *(*init)(const struct msp_kpi_api *);
    *(void **)(&init) = dlsym(h, MSP_KPI_PLUGIN_INIT);
    const struct msp_kpi_plugin *p = init ? init(&api) : NULL;
    enum msc_status st = MSC_OK;
    if (!init)
        st = msc_error_set(err, MSC_ERR_USAGE, "%s: not a KPI plugin (no %s)", path, MSP_KPI_PLUGIN_INIT);
    else if (!p || p->abi_version != MSP_KPI_ABI_VERSION)
        st = msc_error_set(err, MSC_ERR_USAGE,
                           "%s: plugin built for KPI ABI version %d, this program has version %d",
                           path, p ? p->abi_version : -1, MSP_KPI_ABI_VERSION);
    else if (!p->count || !p->defs || p->count > MSC_MAX_KPIS)
        st = msc_error_set(err, MSC_ERR_USAGE, "%s: plugin defines no KPI", path);
    struct msc_kpi_plugin *pl = NULL;
    if (st == MSC_OK && (!(pl = msc_calloc(1, sizeof *pl)) ||
                         !(pl->mods = msc_calloc(p->count, sizeof *pl->mods))))
        st = msc_error_set(err, MSC_ERR_NOMEM, "out of memory");
    size_t before = k->count;
    for (size_t i = 0; st == MSC_OK && i < p->count; i++) {
        module_of(&pl->mods[i], &p->defs[i]);
        st = msc_kpis_add(k, &pl->mods[i], path, err);
    }
    if (st != MSC_OK) {
        k->count = before;
        if (pl)
            free(pl->mods);
        free(pl);
        dlclose(h);
        return st;
    }
    pl->handle = h;
    pl->next = k->plugins;
    k->plugins = pl;
    return MSC_OK;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

enum msc_status msc_kpi_plugin_dir(struct msc_kpis *k, const char *dir, struct msc_error *err)
{
    DIR *d = opendir(dir);
    if (!d)
        return msc_error_set(err, MSC_ERR_USAGE, "plugin_dir %s: cannot open the folder", dir);
    char **names = NULL;
    size_t n = 0, cap = 0;
    enum msc_status st = MSC_OK;
    for (struct dirent *e; st == MSC_OK && (e = readdir(d));) {
        size_t len = strlen(e->d_name);
        if (len < 4 || strcmp(e->d_name + len - 3, ".so") != 0)
            continue;
        char *copy = NULL;
        if (msc_grow(&names, &cap, n + 1, sizeof *names) < 0 || !(copy = msc_malloc(len + 1)))
            st = msc_error_set(err, MSC_ERR_NOMEM, "out of memory");
        else
            names[n++] = memcpy(copy, e->d_name, len + 1);
    }
    closedir(d);
    if (n > 1)
        qsort(names, n, sizeof *names, by_name);
    for (size_t i = 0; i < n; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        if (st == MSC_OK)
            st = msc_kpi_plugin_load(k, path, err);
        free(names[i]);
    }
    free(names);
    return st;
}

void msc_kpis_release(struct msc_kpis *k)
{
    while (k->plugins) {
        struct msc_kpi_plugin *p = k->plugins;
        k->plugins = p->next;
        free(p->mods);
        dlclose(p->handle);
        free(p);
    }
    k->count = 0;
}
