/* dateorder.c: the votes of a file's date cells, from its raw bytes. */
#include "read/dateorder.h"
#include "read/field.h"
#include "util/mem.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define BLOCK (1 << 20)

enum { FIELD_START, UNQUOTED, QUOTED, QUOTE_IN_QUOTED };

struct scan {
    struct msc_date_votes *v;
    const unsigned char *want; /* want[col]: a date column */
    size_t nwant;
    /* Bytes that end a stretch of an unwanted field: outside quotes the
     * delimiter and line ends, inside them the quote and line ends (to
     * count lines). */
    unsigned char stop_out[256], stop_in[256];
    unsigned char delimiter;
    int state, pending_cr, both;
    size_t col;
    long line, row_line;
    char cell[40];
    size_t len;
};

static int wanted(const struct scan *s) { return s->col < s->nwant && s->want[s->col]; }

/* Appends the bytes [p, end) to the cell being read, when it is wanted. */
static void add(struct scan *s, const unsigned char *p, const unsigned char *end)
{
    size_t n = (size_t)(end - p);
    if (!wanted(s))
        return;
    if (s->len < sizeof s->cell)
        memcpy(s->cell + s->len, p, n < sizeof s->cell - s->len ? n : sizeof s->cell - s->len);
    s->len += n;
}

static void note(long *count, long *line, char *keep, size_t cap, const struct scan *s)
{
    if (!(*count)++) {
        *line = s->row_line;
        snprintf(keep, cap, "%s", s->cell);
    }
}

static void end_cell(struct scan *s)
{
    if (wanted(s) && s->len < sizeof s->cell) {
        struct msc_date_votes *v = s->v;
        s->cell[s->len] = '\0';
        switch (msc_date_vote(s->cell)) {
        case MSC_VOTE_EITHER: v->either++; break;
        case MSC_VOTE_DAY_FIRST:
            note(&v->day_first, &v->day_first_line, v->day_first_cell, sizeof v->day_first_cell, s);
            break;
        case MSC_VOTE_MONTH_FIRST:
            note(&v->month_first, &v->month_first_line, v->month_first_cell, sizeof v->month_first_cell, s);
            break;
        case MSC_VOTE_NONE: break;
        }
        s->both = v->day_first && v->month_first;
    }
    s->len = 0;
}

/* A CR or LF at p: one physical line, CRLF too (also across two blocks).
 * Returns the last byte of the line end. */
static const unsigned char *line_end(struct scan *s, const unsigned char *p, const unsigned char *end)
{
    s->line++;
    if (*p == '\r') {
        if (p + 1 == end)
            s->pending_cr = 1;
        else if (p[1] == '\n')
            p++;
    }
    return p;
}

/* Each stretch of ordinary bytes is skipped (or, in a date column, copied)
 * in one tight loop; only quotes, delimiters and line ends take a step of
 * the state machine. */
static void feed(struct scan *s, const unsigned char *p, const unsigned char *end)
{
    if (s->pending_cr && p < end && *p == '\n')
        p++;
    s->pending_cr = 0;
    for (; p < end && !s->both; p++) {
        const unsigned char *from = p;
        switch (s->state) {
        case QUOTED:
            while (p < end && !s->stop_in[*p])
                p++;
            add(s, from, p);
            if (p == end)
                return;
            if (*p == '"')
                s->state = QUOTE_IN_QUOTED;
            else
                p = line_end(s, p, end);
            continue;
        case QUOTE_IN_QUOTED:
            if (*p == '"') {
                add(s, p, p + 1);
                s->state = QUOTED;
                continue;
            }
            s->state = UNQUOTED; /* text after the closing quote stays in the field */
            break;
        case FIELD_START:
            if (*p == '"') {
                s->state = QUOTED;
                continue;
            }
            s->state = UNQUOTED;
            break;
        }
        while (p < end && !s->stop_out[*p])
            p++;
        add(s, from, p);
        if (p == end)
            return;
        end_cell(s);
        if (*p == s->delimiter) {
            s->col++;
            s->state = FIELD_START;
        } else {
            p = line_end(s, p, end);
            s->col = 0;
            s->state = FIELD_START;
            s->row_line = s->line;
        }
    }
}

int msc_date_scan(int fd, char delimiter, const int *cols, size_t n, size_t limit,
                  struct msc_date_votes *v)
{
    struct scan *s = msc_calloc(1, sizeof *s);
    unsigned char *buf = msc_malloc(BLOCK), *want = NULL;
    size_t nwant = 0;
    for (size_t i = 0; i < n; i++)
        if (cols[i] >= 0 && (size_t)cols[i] + 1 > nwant)
            nwant = (size_t)cols[i] + 1;
    if (s && buf && nwant)
        want = msc_calloc(nwant, 1);
    memset(v, 0, sizeof *v);
    int rc = -1;
    if (!s || !buf || (nwant && !want)) {
        errno = ENOMEM;
        goto out;
    }
    for (size_t i = 0; i < n; i++)
        if (cols[i] >= 0)
            want[cols[i]] = 1;
    s->v = v;
    s->want = want;
    s->nwant = nwant;
    s->delimiter = (unsigned char)delimiter;
    s->stop_out[s->delimiter] = s->stop_out['\r'] = s->stop_out['\n'] = 1;
    s->stop_in['"'] = s->stop_in['\r'] = s->stop_in['\n'] = 1;
    s->line = s->row_line = 1;
    for (off_t at = 0; nwant && !s->both && (!limit || (size_t)at < limit);) {
        size_t want_bytes = limit && limit - (size_t)at < BLOCK ? limit - (size_t)at : BLOCK;
        ssize_t got = pread(fd, buf, want_bytes, at);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0)
            goto out;
        if (got == 0) {
            end_cell(s); /* the last record may lack its line end */
            v->whole = 1;
            break;
        }
        feed(s, buf, buf + got);
        at += got;
    }
    rc = 0;
out:
    free(want);
    free(buf);
    free(s);
    return rc;
}
