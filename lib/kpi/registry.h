/*
 * registry.h: the KPI modules of a run, in the order they run and appear.
 *
 * msc_kpis_init() lists the built-in modules of registry.c; plugins
 * (kpi/plugin.h) are added after them. Adding a built-in KPI touches
 * exactly two places: its own file lib/kpi/NAME.c (start from
 * lib/kpi/template.c.txt) and one line in registry.c. CMake picks up every
 * .c under lib/kpi/.
 */
#ifndef MSC_KPI_REGISTRY_H
#define MSC_KPI_REGISTRY_H

#include <stddef.h>

#include "kpi/kpi.h"
#include "util/error.h"

/* The most KPIs a run has, built-in and plugins together: the report and
 * the run keep fixed arrays of this size. */
#define MSC_MAX_KPIS 64

struct msc_kpi_plugin; /* kpi/plugin.c */

struct msc_kpis {
    const struct msc_kpi_module *mod[MSC_MAX_KPIS];
    size_t count;
    struct msc_kpi_plugin *plugins; /* loaded plugins, closed by _release */
};

/* The built-in modules, in registry.c's order. */
extern const struct msc_kpi_module *const msc_kpi_builtin[];
extern const size_t msc_kpi_builtin_count;

void msc_kpis_init(struct msc_kpis *k);
/* Unloads the plugins: no module of theirs may be called after. */
void msc_kpis_release(struct msc_kpis *k);
/* The index of a KPI id, or -1. */
int msc_kpis_find(const struct msc_kpis *k, const char *id);
/* Appends a module. Errors: MSC_ERR_USAGE when its id is taken or not a
 * plain id, its `needs` names no canonical file or field, or the set is
 * full; from names where it came from in the message. */
enum msc_status msc_kpis_add(struct msc_kpis *k, const struct msc_kpi_module *mod,
                             const char *from, struct msc_error *err);

/* Whether a `needs` string names only canonical files and fields
 * (util/schema.h): NULL when it does, else why, in buf. */
const char *msc_kpi_check_needs(const char *needs, char *buf, size_t cap);

#endif
