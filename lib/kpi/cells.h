/*
 * cells.h: the sums a KPI module accumulates, one cell per
 * (level, subject, period).
 *
 * A cell holds a numerator and a denominator (for value-only KPIs such as
 * hours, the numerator is the value). Periods are absolute keys
 * (model/period.h), so modules can add before the report's range is known;
 * the report keeps the cells inside the range.
 *
 *     struct msc_cells c;
 *     msc_cells_init(&c);
 *     msc_cells_add(&c, MSC_LEVEL_TECH, alice, period, 1, 2);
 *     const struct msc_sum *s = msc_cells_get(&c, MSC_LEVEL_TECH, alice, period);
 *     struct msc_cells_iter it = {0};
 *     struct msc_cell cell;
 *     while (msc_cells_next(&c, &it, &cell)) ...
 *     msc_cells_release(&c);
 */
#ifndef MSC_KPI_CELLS_H
#define MSC_KPI_CELLS_H

#include <stddef.h>
#include <stdint.h>

enum msc_level { MSC_LEVEL_TECH = 0, MSC_LEVEL_TEAM, MSC_LEVEL_CLIENT, MSC_LEVELS };

struct msc_sum {
    double num, den;
};

/* A cell as iteration hands it out. */
struct msc_cell {
    int64_t period;
    int subject;            /* person or client id; -1 for the team */
    enum msc_level level;
    struct msc_sum sum;
};

/*
 * Per level, one row per period, each row indexed by subject. A large MSP
 * adds a few hundred million times (every time entry to several KPIs'
 * tech, client and team cells): a hash of cells missed the cache on almost
 * every add, while a period's row of 2,000 technicians is 32 KB, and
 * exports come roughly in date order. A row is dense (an array by subject)
 * while at least a quarter of its width is used, else a small hash of the
 * subjects it has, so that stray dates (year 1900) or one client of 100,000
 * in a period cost memory by cells, not by subjects x periods.
 */
struct msc_cells_row {
    int64_t period;
    struct msc_sum *sum;    /* dense: by subject + 1; sparse: by slot */
    int *col;               /* sparse: subject + 1 by slot, -1 empty; dense: NULL */
    uint64_t *used;         /* dense: a bit per column ever added to */
    size_t width;           /* dense: columns; sparse: slots (a power of 2) */
    size_t count;           /* cells used */
    int max_col;            /* largest subject + 1 in the row */
};

struct msc_cells_level {
    struct msc_cells_row *rows;
    size_t nrows, cap;
    uint32_t *index;        /* period hash: row + 1, 0 empty */
    size_t nindex;
    size_t last;            /* the row added to last */
};

struct msc_cells {
    struct msc_cells_level level[MSC_LEVELS];
    size_t count;           /* cells in all */
    int nomem;              /* an add failed for want of memory */
};

void msc_cells_init(struct msc_cells *c);
void msc_cells_release(struct msc_cells *c);
/* Adds to the cell, creating it with 0/0 when new. An add that finds no
 * memory sets c->nomem, which the caller checks once at the end: modules
 * add from many places, and each table is only ever touched by one thread. */
void msc_cells_add(struct msc_cells *c, enum msc_level level, int subject, int64_t period,
                   double num, double den);
/* The cell's sums, or NULL when nothing was ever added to it. Valid until
 * the next add. */
const struct msc_sum *msc_cells_get(const struct msc_cells *c, enum msc_level level,
                                    int subject, int64_t period);

/* Every cell once, in no particular order; start with a zeroed iterator. */
struct msc_cells_iter {
    int level;
    size_t row, i;
};
int msc_cells_next(const struct msc_cells *c, struct msc_cells_iter *it, struct msc_cell *out);

#endif
