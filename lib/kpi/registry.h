/*
 * registry.h: the list of KPI modules, in the order they run and appear.
 *
 * Adding a KPI touches exactly two places: its own file lib/kpi/NAME.c
 * (start from lib/kpi/template.c.txt) and one line in registry.c. CMake picks
 * up every .c under lib/kpi/.
 */
#ifndef MSC_KPI_REGISTRY_H
#define MSC_KPI_REGISTRY_H

#include <stddef.h>

#include "kpi/kpi.h"

extern const struct msc_kpi_module *const msc_kpi_registry[];
extern const size_t msc_kpi_count;

/* The registry index of a KPI id, or -1. */
int msc_kpi_find(const char *id);

#endif
