/*
 * dateorder.h: which day/month order a file's dates need (data-model.md,
 * "Conventions for all files"), found by a quick pass over its bytes
 * before the rows are read, so that no row is ever read in the wrong order
 * and a file that needs both orders is known before any of its rows counts.
 *
 * The pass splits records and fields as the reader does for a well-formed
 * export (quotes, doubled quotes, CR, LF and CRLF line ends) without
 * converting or copying text: it looks only at the cells of the date
 * columns, and a date is ASCII. It reads with pread from offset 0, so the
 * reader may be reading the same descriptor meanwhile.
 *
 *     struct msc_date_votes v;
 *     int cols[] = {3, 7};
 *     if (msc_date_scan(fd, ',', cols, 2, 0, &v) == 0 && v.day_first && !v.month_first) ...
 */
#ifndef MSC_READ_DATEORDER_H
#define MSC_READ_DATEORDER_H

#include <stddef.h>

struct msc_date_votes {
    long day_first, month_first, either; /* date cells of each kind (read/field.h) */
    /* The first cell of each deciding kind: the physical line its row
     * starts on (0: none) and the cell, cut to fit. */
    long day_first_line, month_first_line;
    char day_first_cell[40], month_first_cell[40];
    int whole;                           /* the scan reached the end of the file */
};

/* Counts the votes of the cells in columns cols[0..n) (0-based) of every
 * record, the header too (a header name is no date), in the first limit
 * bytes (0: all). Stops early once both orders are needed. Returns 0, or -1
 * with errno set when reading fails or memory runs out. */
int msc_date_scan(int fd, char delimiter, const int *cols, size_t n, size_t limit,
                  struct msc_date_votes *v);

#endif
