/*
 * cells.h: the sums a KPI module accumulates, one cell per
 * (level, subject, period).
 *
 * A cell holds a numerator and a denominator (for value-only KPIs such as
 * hours, the numerator is the value). Periods are absolute keys
 * (model/period.h), so modules can add before the report's range is known;
 * the report keeps the cells inside the range.
 */
#ifndef MSC_KPI_CELLS_H
#define MSC_KPI_CELLS_H

#include <stddef.h>
#include <stdint.h>

enum msc_level { MSC_LEVEL_TECH = 0, MSC_LEVEL_TEAM, MSC_LEVEL_CLIENT, MSC_LEVELS };

struct msc_cell {
    int64_t period;
    int subject;            /* person or client id; -1 for the team */
    unsigned char level;
    unsigned char used;
    double num, den;
};

struct msc_cells {
    struct msc_cell *slots;
    size_t nslots, count;
    /* The cell added to last at each level: a record adds to its tech's or
     * client's cell and to the team's, and the next record mostly to the
     * same ones. */
    struct msc_cell *recent[MSC_LEVELS];
    int nomem;              /* an add failed for want of memory */
};

void msc_cells_init(struct msc_cells *c);
void msc_cells_release(struct msc_cells *c);
/* Adds to the cell, creating it with 0/0 when new. An add that finds no
 * memory sets c->nomem, which the caller checks once at the end: modules
 * add from many places, and each table is only ever touched by one thread. */
void msc_cells_add(struct msc_cells *c, enum msc_level level, int subject, int64_t period,
                  double num, double den);
/* The cell, or NULL when nothing was ever added to it. */
const struct msc_cell *msc_cells_get(const struct msc_cells *c, enum msc_level level,
                                     int subject, int64_t period);
/* Iteration: for (size_t i = 0; i < c->nslots; i++) if (c->slots[i].used) ... */

#endif
