/* mem.c: allocation with an injectable failure for tests. */
#include "util/mem.h"

#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Atomic: the CSV parser allocates in its own thread. */
static _Atomic long fail_after = -1;

void msc_mem_fail_after(long n) { atomic_store(&fail_after, n); }

static int should_fail(void)
{
    long n = atomic_load(&fail_after);
    while (n > 0 && !atomic_compare_exchange_weak(&fail_after, &n, n - 1))
        ;
    return n == 0;
}

void *msc_malloc(size_t n) { return should_fail() ? NULL : malloc(n ? n : 1); }

void *msc_calloc(size_t count, size_t size)
{
    return should_fail() ? NULL : calloc(count ? count : 1, size ? size : 1);
}

void *msc_realloc(void *p, size_t n) { return should_fail() ? NULL : realloc(p, n ? n : 1); }

char *msc_strdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *d = msc_malloc(n);
    if (d)
        memcpy(d, s, n);
    return d;
}

int msc_grow(void *pp, size_t *cap, size_t need, size_t elem)
{
    void **p = pp;
    if (need <= *cap)
        return 0;
    size_t n = *cap ? *cap : 16;
    while (n < need) {
        if (n > SIZE_MAX / 2 / elem)
            return -1;
        n *= 2;
    }
    void *q = msc_realloc(*p, n * elem);
    if (!q)
        return -1;
    *p = q;
    *cap = n;
    return 0;
}
