/* test_cells.c: the cell table against a plain list, through its dense and
 * sparse rows, and its memory bounded by the cells, not subjects x periods. */
#include "check.h"
#include "kpi/cells.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct ref {
    int64_t period;
    int subject, level;
    double num, den;
    int seen;
};

static struct ref refs[20000];
static size_t nrefs;

static struct ref *ref_of(int level, int subject, int64_t period)
{
    for (size_t i = 0; i < nrefs; i++)
        if (refs[i].level == level && refs[i].subject == subject && refs[i].period == period)
            return &refs[i];
    refs[nrefs] = (struct ref){period, subject, level, 0, 0, 0};
    return &refs[nrefs++];
}

static uint64_t rng = 88172645463325252ull;
static unsigned next(unsigned n)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (unsigned)(rng % n);
}

static void add(struct msc_cells *c, int level, int subject, int64_t period, double num, double den)
{
    msc_cells_add(c, (enum msc_level)level, subject, period, num, den);
    struct ref *r = ref_of(level, subject, period);
    r->num += num;
    r->den += den;
}

/* Every reference cell is there with its exact sums, and nothing else. */
static void compare(const struct msc_cells *c)
{
    CHECK(!c->nomem);
    CHECK(c->count == nrefs);
    for (size_t i = 0; i < nrefs; i++) {
        const struct msc_sum *s = msc_cells_get(c, (enum msc_level)refs[i].level, refs[i].subject, refs[i].period);
        CHECK(s && s->num == refs[i].num && s->den == refs[i].den);
        refs[i].seen = 0;
    }
    struct msc_cells_iter it = {0};
    struct msc_cell cell;
    size_t n = 0;
    while (msc_cells_next(c, &it, &cell)) {
        n++;
        struct ref *r = NULL;
        for (size_t i = 0; i < nrefs && !r; i++)
            if (refs[i].level == (int)cell.level && refs[i].subject == cell.subject && refs[i].period == cell.period)
                r = &refs[i];
        CHECK(r && !r->seen && r->num == cell.sum.num && r->den == cell.sum.den);
        if (r)
            r->seen = 1;
    }
    CHECK(n == nrefs);
}

/* Bytes held by the rows: with at least a quarter of a dense row used and
 * sparse rows at most half full, a few dozen bytes a cell. */
static size_t row_bytes(const struct msc_cells *c)
{
    size_t bytes = 0;
    for (int l = 0; l < MSC_LEVELS; l++)
        for (size_t i = 0; i < c->level[l].nrows; i++) {
            const struct msc_cells_row *r = &c->level[l].rows[i];
            bytes += r->width * (sizeof *r->sum + (r->col ? sizeof *r->col : 1));
        }
    return bytes;
}

int main(void)
{
    struct msc_cells c;

    /* A month of 300 technicians in date order, the team beside them; a
     * 0/0 add makes a cell; a cell never added to is not there. */
    msc_cells_init(&c);
    nrefs = 0;
    for (int e = 0; e < 5000; e++) {
        int64_t period = 24000 + e / 1000;
        add(&c, MSC_LEVEL_TECH, (int)next(300), period, next(8) * 0.25, 1);
        add(&c, MSC_LEVEL_TEAM, -1, period, 0.5, 0);
    }
    add(&c, MSC_LEVEL_CLIENT, 7, 24001, 0, 0);
    compare(&c);
    CHECK(msc_cells_get(&c, MSC_LEVEL_CLIENT, 8, 24001) == NULL);
    CHECK(msc_cells_get(&c, MSC_LEVEL_TECH, 0, 99999) == NULL);
    CHECK(msc_cells_get(&c, MSC_LEVEL_TECH, 300, 24000) == NULL);
    msc_cells_release(&c);

    /* Stray subjects and periods: clients far apart (ids to 10^6) in
     * periods from year 1 to 9999 and before 1970; the rows stay sparse,
     * then one period fills and turns dense, and all sums still agree. */
    msc_cells_init(&c);
    nrefs = 0;
    for (int e = 0; e < 3000; e++) {
        int64_t period = (int64_t)next(120000) - 23000;
        add(&c, MSC_LEVEL_CLIENT, (int)next(1000000), period, 1, 2);
    }
    CHECK(row_bytes(&c) < 3000 * 200);
    for (int s = 0; s < 2000; s++)
        add(&c, MSC_LEVEL_CLIENT, 5000 - s, 777, s, 1); /* descending: grows from a high column */
    for (int s = 0; s < 2000; s++)
        add(&c, MSC_LEVEL_CLIENT, s, 777, 1, 0);
    add(&c, MSC_LEVEL_CLIENT, 900000, 777, 3, 3); /* far beyond: back to sparse */
    compare(&c);
    CHECK(row_bytes(&c) < nrefs * 200);
    msc_cells_release(&c);

    /* An empty table. */
    msc_cells_init(&c);
    nrefs = 0;
    compare(&c);
    msc_cells_release(&c);
    return check_report("cells");
}
