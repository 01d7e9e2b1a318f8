/* dq.c: the data-quality log. */
/* qsort_r: glibc declares it for _GNU_SOURCE. */
#define _GNU_SOURCE
#include "model/dq.h"
#include "util/mem.h"

#include <stdlib.h>
#include <string.h>

void msc_dq_init(struct msc_dq *dq)
{
    memset(dq, 0, sizeof *dq);
    msc_arena_init(&dq->arena);
}

void msc_dq_release(struct msc_dq *dq)
{
    msc_arena_release(&dq->arena);
    free(dq->items);
    memset(dq, 0, sizeof *dq);
}

/* The reason as kept: the copy of an equal one seen lately, else a new one. */
static const char *keep_reason(struct msc_dq *dq, const char *reason)
{
    unsigned h = 2166136261u;
    for (const char *p = reason; *p; p++)
        h = (h ^ (unsigned char)*p) * 16777619u;
    const char **slot = &dq->reasons[h % (sizeof dq->reasons / sizeof dq->reasons[0])];
    if (!*slot || strcmp(*slot, reason) != 0) {
        const char *copy = msc_arena_strdup(&dq->arena, reason);
        if (!copy)
            return NULL;
        *slot = copy;
    }
    return *slot;
}

int msc_dq_add(struct msc_dq *dq, int file, long line, int column, enum msc_severity sev,
               const char *reason, const char *value)
{
    if (msc_grow(&dq->items, &dq->cap, dq->count + 1, sizeof *dq->items) < 0)
        return -1;
    size_t vlen = value ? strlen(value) : 0;
    struct msc_dq_item *it = &dq->items[dq->count];
    it->file = (unsigned char)file;
    it->line = line;
    it->column = column;
    it->severity = (unsigned char)sev;
    it->reason = keep_reason(dq, reason);
    it->value = vlen ? msc_arena_strndup(&dq->arena, value, vlen > 80 ? 80 : vlen) : "";
    if (!it->reason || !it->value)
        return -1;
    dq->count++;
    return 0;
}

static int cmp_item(const void *pa, const void *pb, void *names)
{
    const char *const *sort_names = names;
    const struct msc_dq_item *a = pa, *b = pb;
    int c = strcmp(sort_names[a->file], sort_names[b->file]);
    if (c)
        return c;
    if (a->line != b->line)
        return a->line < b->line ? -1 : 1;
    if (a->severity != b->severity)
        return a->severity < b->severity ? -1 : 1;
    return strcmp(a->reason, b->reason);
}

void msc_dq_sort(struct msc_dq *dq, const char *const *file_names)
{
    if (dq->count)
        qsort_r(dq->items, dq->count, sizeof *dq->items, cmp_item, (void *)file_names);
}
