/* strset.c: a case-blind set of strings, open addressing at most half full. */
#include "util/strset.h"
#include "util/mem.h"
#include "util/siphash.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* The hash of str with ASCII case folded (of its first 256 bytes only in
 * the unlikely event that there is no memory for a longer one's copy). */
static uint64_t fold_hash(const char *str)
{
    char small[256], *low = small;
    size_t len = strlen(str), n;
    if (len > sizeof small && !(low = malloc(len)))
        low = small, len = sizeof small;
    for (n = 0; n < len; n++)
        low[n] = str[n] >= 'A' && str[n] <= 'Z' ? (char)(str[n] - 'A' + 'a') : str[n];
    uint64_t h = msc_siphash(msc_hash_key(), low, len);
    if (low != small)
        free(low);
    return h;
}

void msc_strset_init(struct msc_strset *s)
{
    memset(s, 0, sizeof *s);
    msc_arena_init(&s->arena);
}

void msc_strset_release(struct msc_strset *s)
{
    msc_arena_release(&s->arena);
    free(s->key);
    free(s->slot);
    memset(s, 0, sizeof *s);
}

int msc_strset_has(const struct msc_strset *s, const char *str)
{
    if (!s->nslots)
        return 0;
    for (size_t i = fold_hash(str) & (s->nslots - 1);; i = (i + 1) & (s->nslots - 1)) {
        if (!s->slot[i])
            return 0;
        if (strcasecmp(s->key[s->slot[i] - 1], str) == 0)
            return 1;
    }
}

static void place(struct msc_strset *s, size_t id)
{
    size_t i = fold_hash(s->key[id]) & (s->nslots - 1);
    while (s->slot[i])
        i = (i + 1) & (s->nslots - 1);
    s->slot[i] = (uint32_t)(id + 1);
}

int msc_strset_add(struct msc_strset *s, const char *str)
{
    if (2 * (s->count + 1) > s->nslots) {
        size_t n = s->nslots ? 2 * s->nslots : 16;
        uint32_t *slot = msc_calloc(n, sizeof *slot);
        if (!slot)
            return -1;
        free(s->slot);
        s->slot = slot;
        s->nslots = n;
        for (size_t id = 0; id < s->count; id++)
            place(s, id);
    }
    if (msc_grow(&s->key, &s->cap, s->count + 1, sizeof *s->key) < 0 ||
        !(s->key[s->count] = msc_arena_strdup(&s->arena, str)))
        return -1;
    place(s, s->count++);
    return 0;
}
