/*
 * arena.h: a bump allocator for strings kept for the whole run.
 *
 * Names, ticket ids and reasons read from files are copied here and freed
 * all at once by msc_arena_release(). Pointers stay valid until then.
 * Functions return NULL when memory runs out.
 */
#ifndef MSC_UTIL_ARENA_H
#define MSC_UTIL_ARENA_H

#include <stddef.h>

struct msc_arena_block;

struct msc_arena {
    struct msc_arena_block *head;
};

void msc_arena_init(struct msc_arena *a);
void msc_arena_release(struct msc_arena *a);
void *msc_arena_alloc(struct msc_arena *a, size_t n);
char *msc_arena_strndup(struct msc_arena *a, const char *s, size_t n);
char *msc_arena_strdup(struct msc_arena *a, const char *s);

#endif
