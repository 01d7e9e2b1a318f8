/*
 * mem.h: the library's allocator, with a test hook.
 *
 * Every allocation in lib/ goes through these so that a test can make the
 * Nth one fail (msc_mem_fail_after) and walk every cleanup path. They behave
 * like malloc/calloc/realloc: NULL on failure, and callers must check.
 * msc_grow() grows a dynamic array: *cap doubles until it holds need
 * elements; it returns 0, or -1 (and leaves *p and *cap alone) on failure.
 */
#ifndef MSC_UTIL_MEM_H
#define MSC_UTIL_MEM_H

#include <stddef.h>

void *msc_malloc(size_t n);
void *msc_calloc(size_t count, size_t size);
void *msc_realloc(void *p, size_t n);
char *msc_strdup(const char *s);
int msc_grow(void *pp, size_t *cap, size_t need, size_t elem);

/* Test hook: after n more successful allocations, every one fails;
 * n < 0 turns failures off. */
void msc_mem_fail_after(long n);

#endif
