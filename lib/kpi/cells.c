/* cells.c: open-addressing hash of (level, subject, period). */
#include "kpi/cells.h"
#include "util/mem.h"

#include <stdlib.h>
#include <string.h>

void msc_cells_init(struct msc_cells *c) { memset(c, 0, sizeof *c); }

void msc_cells_release(struct msc_cells *c)
{
    free(c->slots);
    memset(c, 0, sizeof *c);
}

static size_t hash(int level, int subject, int64_t period)
{
    uint64_t h = (uint64_t)period * 0x9E3779B97F4A7C15ull;
    h ^= ((uint64_t)(uint32_t)subject << 2 | (uint64_t)level) * 0xC2B2AE3D27D4EB4Full;
    return (size_t)(h ^ (h >> 29));
}

static struct msc_cell *find(struct msc_cell *slots, size_t nslots, int level, int subject,
                             int64_t period)
{
    size_t mask = nslots - 1;
    for (size_t i = hash(level, subject, period) & mask;; i = (i + 1) & mask) {
        struct msc_cell *s = &slots[i];
        if (!s->used || (s->level == level && s->subject == subject && s->period == period))
            return s;
    }
}

void msc_cells_add(struct msc_cells *c, enum msc_level level, int subject, int64_t period,
                   double num, double den)
{
    struct msc_cell *s = c->recent[level];
    if (s && s->period == period && s->subject == subject) {
        s->num += num;
        s->den += den;
        return;
    }
    if ((c->count + 1) * 2 > c->nslots) {
        size_t n = c->nslots ? c->nslots * 2 : 64;
        struct msc_cell *slots = msc_calloc(n, sizeof *slots);
        if (!slots) {
            c->nomem = 1;
            return;
        }
        for (size_t i = 0; i < c->nslots; i++)
            if (c->slots[i].used)
                *find(slots, n, c->slots[i].level, c->slots[i].subject, c->slots[i].period) = c->slots[i];
        free(c->slots);
        c->slots = slots;
        c->nslots = n;
        memset(c->recent, 0, sizeof c->recent);
    }
    s = find(c->slots, c->nslots, level, subject, period);
    if (!s->used) {
        *s = (struct msc_cell){period, subject, (unsigned char)level, 1, 0, 0};
        c->count++;
    }
    s->num += num;
    s->den += den;
    c->recent[level] = s;
}

const struct msc_cell *msc_cells_get(const struct msc_cells *c, enum msc_level level,
                                     int subject, int64_t period)
{
    if (!c->nslots)
        return NULL;
    const struct msc_cell *s = find(c->slots, c->nslots, level, subject, period);
    return s->used ? s : NULL;
}
