/*
 * strset.h: a set of strings compared blind to ASCII case, as a sheet's
 * tabs and a macOS or Windows folder compare names (unlike util/names.h,
 * which also folds white space). It keeps its own copies; hashed with the
 * run's key, so input cannot choose collisions.
 *
 *     struct msc_strset s;
 *     msc_strset_init(&s);
 *     if (!msc_strset_has(&s, "Ann.xlsx") && msc_strset_add(&s, "Ann.xlsx") < 0) ...
 *     msc_strset_release(&s);
 */
#ifndef MSC_UTIL_STRSET_H
#define MSC_UTIL_STRSET_H

#include <stddef.h>
#include <stdint.h>

#include "util/arena.h"

struct msc_strset {
    struct msc_arena arena;     /* the copies */
    const char **key;           /* in order of adding */
    size_t count, cap;
    uint32_t *slot;             /* open addressing: index + 1, 0 empty */
    size_t nslots;
};

void msc_strset_init(struct msc_strset *s);
void msc_strset_release(struct msc_strset *s);
int msc_strset_has(const struct msc_strset *s, const char *str);
/* Adds str (which must not be in s yet); -1 out of memory. */
int msc_strset_add(struct msc_strset *s, const char *str);

#endif
