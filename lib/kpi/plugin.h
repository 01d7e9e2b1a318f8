/*
 * plugin.h: third-party KPI modules from shared objects, through the
 * versioned ABI of include/msp-scorecard/kpi.h.
 *
 * Each KPI definition of a plugin becomes a module of the run's set
 * (kpi/registry.h) whose callbacks turn records into the ABI's stable
 * structs and call the plugin's. The library never looks for plugins by
 * itself: the caller names the file or the folder.
 *
 *     st = msc_kpi_plugin_load(&run.kpis, "/usr/lib/msp-scorecard/x.so", &err);
 *     ... run ...
 *     msc_kpis_release(&run.kpis);   // unloads them
 */
#ifndef MSC_KPI_PLUGIN_H
#define MSC_KPI_PLUGIN_H

#include "kpi/registry.h"
#include "util/error.h"

/* Errors (MSC_ERR_USAGE, naming the file): it cannot be loaded, has no
 * msp_kpi_plugin_init, was built for another ABI version, or a KPI of it
 * has a taken id or a `needs` that names no canonical input. Nothing of
 * the plugin is added on error. */
enum msc_status msc_kpi_plugin_load(struct msc_kpis *k, const char *path, struct msc_error *err);
/* Every *.so in dir, in name order. A missing folder is an error. */
enum msc_status msc_kpi_plugin_dir(struct msc_kpis *k, const char *dir, struct msc_error *err);

#endif
