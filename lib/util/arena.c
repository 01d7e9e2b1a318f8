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

void *msc_arena_alloc(struct msc_arena *a, size_t n)
{
    n = (n + sizeof(max_align_t) - 1) / sizeof(max_align_t) * sizeof(max_align_t);
    struct msc_arena_block *b = a->head;
    if (!b || b->size - b->used < n) {
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
    }
    void *p = (char *)b->data + b->used;
    b->used += n;
    return p;
}

char *msc_arena_strndup(struct msc_arena *a, const char *s, size_t n)
{
    char *d = msc_arena_alloc(a, n + 1);
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
