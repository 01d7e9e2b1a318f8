/*
 * csvread.h: stream a CSV export row by row through libcsv.
 *
 * What the reader settles so that nobody else has to: a UTF-8 byte-order
 * mark is dropped; UTF-16 is refused with a message saying so; the delimiter
 * (',', ';' or tab) is the one that occurs most in the header line outside
 * quotes; CRLF, LF and CR alone all end lines; each field that is not valid UTF-8 is
 * read as Windows-1252 and converted; rows are numbered by physical line
 * (the header is line 1, a quoted field with newlines spans lines) so that
 * messages can say file:line; rows made only of empty fields count as blank
 * lines and are skipped.
 *
 * A row the reader cannot deliver (an unclosed quote, broken quoting, a NUL
 * byte) goes to on_bad with its line and a reason, and reading goes on at
 * the next line; when that row is the header, the file is refused instead
 * (a later row taken as the header would misread every column). Memory use
 * is bounded by the longest row, never the file.
 *
 *     static int on_row(void *ctx, const struct msc_csv_row *row) { ... }
 *     struct msc_csv_info info;
 *     if (msc_csv_read_file("tickets.csv", "tickets.csv", &cb, ctx, &info, &err) != MSC_OK) ...
 *
 * The row and its strings are borrowed: valid only during the callback.
 * msc_csv_read_file parses in parser threads, a chunk of the file each,
 * while the callbacks run in order in the caller's thread (so they need no
 * locking); msc_csv_read_stream does all in the caller's thread. Both
 * deliver the same rows, bad rows and counts.
 */
#ifndef MSC_READ_CSVREAD_H
#define MSC_READ_CSVREAD_H

#include <stddef.h>
#include <stdio.h>

#include "util/error.h"
#include "util/text.h"

struct msc_csv_row {
    const char *const *fields; /* NUL-terminated UTF-8; "" for empty */
    size_t nfields;
    long line;                 /* physical line the row starts on, from 1 */
    long index;                /* 0 for the header row, then 1, 2, ... */
    char delimiter;
    /* What the callbacks' prepare made of the row in a parser thread, or
     * NULL when it did not run on this row. */
    const void *prepared;
};

struct msc_csv_callbacks {
    /* Returns 0 to go on; any other value stops reading and is returned by
     * msc_csv_read as MSC_ERR_NOMEM (the only reason callbacks stop). */
    int (*on_row)(void *ctx, const struct msc_csv_row *row);
    void (*on_bad)(void *ctx, long line, const char *reason);
    /* Optional: shown each row a few rows before on_row gets it, in the
     * same thread, so that the callee can prefetch what the row will look
     * up (a hash table slot far from the cache). It must not change what
     * on_row sees. msc_csv_read_stream does not call it. */
    void (*peek)(void *ctx, const struct msc_csv_row *row);
    /* Optional: work on a row done in a parser thread, where the caller's
     * thread does not wait for it (reading a row's dates, say). It runs
     * from the first chunk parsed after *prepare_with is set (on_row sets
     * it, typically at the header), with that value, which it may only
     * read, as may it nothing else that changes; it writes prepared_size
     * (at most MSC_CSV_PREPARED_MAX) bytes, which on_row and peek find in
     * row->prepared. Rows parsed before that, and rows that the caller's
     * thread parses itself (around a quoted field that spans chunks, and
     * in msc_csv_read_stream), come with row->prepared NULL. */
    void (*prepare)(const void *with, const struct msc_csv_row *row, void *out);
    size_t prepared_size;
    const void *_Atomic *prepare_with;
};

#define MSC_CSV_PREPARED_MAX 256

struct msc_csv_info {
    char delimiter;
    long lines;          /* physical lines read */
    long rows;           /* data rows delivered (not the header) */
    long bad_rows;       /* rows given to on_bad */
    unsigned long long bytes;
};

/* Reads path ("-" is stdin); name is what messages call the file.
 * Errors: MSC_ERR_INPUT when the file cannot be opened or read, is UTF-16,
 * has no header line or a header line that cannot be read; MSC_ERR_NOMEM. */
enum msc_status msc_csv_read_file(const char *path, const char *name,
                                  const struct msc_csv_callbacks *cb, void *ctx,
                                  struct msc_csv_info *info, struct msc_error *err);

/* msc_csv_read_file over an open file (not closed), from where it stands. */
enum msc_status msc_csv_read_open(FILE *f, const char *name, const struct msc_csv_callbacks *cb,
                                  void *ctx, struct msc_csv_info *info, struct msc_error *err);

/* The same in the caller's thread only, over an open stream (not closed). */
enum msc_status msc_csv_read_stream(FILE *f, const char *name,
                                    const struct msc_csv_callbacks *cb, void *ctx,
                                    struct msc_csv_info *info, struct msc_error *err);

/* For tests: the size of the chunks msc_csv_read_file hands to its
 * parser threads (0: the default, 512 KiB), so that small inputs cross
 * chunk boundaries. */
void msc_csv_set_chunk_bytes(size_t n);


#endif
