/* arena.c: bump allocation in 64 KiB blocks (larger requests get their own). */
#include "util/arena.h"
#include "util/mem.h"

#include <stdlib.h>
#include <string.h>

#define BLOCK_SIZE 65536

struct msc_arena_block {
    struct msc_arena_block *next;
    size_t used, size;
    max_align_t data[];
};

void msc_arena_init(struct msc_arena *a) { a->head = NULL; }

void msc_arena_release(struct msc_arena *a)
{
    while (a->head) {
        struct msc_arena_block *next = a->head->next;
        free(a->head);
        a->head = next;
    }
}

/* n bytes at the next multiple of align in the current block, or in a new
 * one. Strings need no alignment: rounding each ticket id up to a
 * max_align_t (32 bytes here) cost more than the ids themselves. */
static void *bump(struct msc_arena *a, size_t n, size_t align)
{
    struct msc_arena_block *b = a->head;
    size_t at = b ? (b->used + align - 1) / align * align : 0;
    if (!b || at > b->size || b->size - at < n) {
        size_t size = n > BLOCK_SIZE ? n : BLOCK_SIZE;
        b = msc_malloc(sizeof *b + size);
        if (!b)
            return NULL;
        b->used = 0;
        b->size = size;
        if (n > BLOCK_SIZE / 4 && a->head) {
            /* Keep filling the current block; park the big one behind it. */
            b->next = a->head->next;
            a->head->next = b;
        } else {
            b->next = a->head;
            a->head = b;
        }
        at = 0;
    }
    void *p = (char *)b->data + at;
    b->used = at + n;
    return p;
}

void *msc_arena_alloc(struct msc_arena *a, size_t n)
{
    return bump(a, n, _Alignof(max_align_t));
}

char *msc_arena_strndup(struct msc_arena *a, const char *s, size_t n)
{
    char *d = bump(a, n + 1, 1);
    if (d) {
        memcpy(d, s, n);
        d[n] = '\0';
    }
    return d;
}

char *msc_arena_strdup(struct msc_arena *a, const char *s)
{
    return msc_arena_strndup(a, s, strlen(s));
}
