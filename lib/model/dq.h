/*
 * dq.h: the data-quality log: every rejected row and every warning, with
 * file, physical line, column and reason.
 *
 * Reasons are short fixed phrases ("duplicate ticket id",
 * "unparseable date: completed (treated as missing)") so that they can be
 * counted; the offending value travels beside them.
 */
#ifndef MSC_MODEL_DQ_H
#define MSC_MODEL_DQ_H

#include <stddef.h>

#include "util/arena.h"

enum msc_severity { MSC_REJECTED = 0, MSC_WARNING };

struct msc_dq_item {
    int file;                   /* enum msc_file */
    long line;
    int column;                 /* 1-based; 0 when the row as a whole */
    enum msc_severity severity;
    const char *reason;         /* arena */
    const char *value;          /* arena; "" when none */
};

struct msc_dq {
    struct msc_arena arena;
    struct msc_dq_item *items;
    size_t count, cap;
};

void msc_dq_init(struct msc_dq *dq);
void msc_dq_release(struct msc_dq *dq);
/* -1 on no memory. value may be NULL; it is cut to 80 bytes. */
int msc_dq_add(struct msc_dq *dq, int file, long line, int column, enum msc_severity sev,
               const char *reason, const char *value);
/* Sorts by file name, line, severity (rejected first), reason. */
void msc_dq_sort(struct msc_dq *dq, const char *const *file_names);

#endif
