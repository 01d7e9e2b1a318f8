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

/* 32 bytes: a file whose every row has a warning has as many items. */
struct msc_dq_item {
    long line;
    const char *reason;         /* arena; items with the same reason share it */
    const char *value;          /* arena; "" when none */
    int column;                 /* 1-based; 0 when the row as a whole */
    unsigned char file;         /* enum msc_file */
    unsigned char severity;     /* enum msc_severity */
};

struct msc_dq {
    struct msc_arena arena;
    struct msc_dq_item *items;
    size_t count, cap;
    /* Reasons seen lately, by a hash: rows repeat a few reasons, and a copy
     * of each for each row was most of a long log's memory. */
    const char *reasons[64];
};

void msc_dq_init(struct msc_dq *dq);
void msc_dq_release(struct msc_dq *dq);
/* -1 on no memory. value may be NULL; it is cut to 80 bytes. */
int msc_dq_add(struct msc_dq *dq, int file, long line, int column, enum msc_severity sev,
               const char *reason, const char *value);
/* Sorts by file name, line, severity (rejected first), reason. */
void msc_dq_sort(struct msc_dq *dq, const char *const *file_names);

#endif
