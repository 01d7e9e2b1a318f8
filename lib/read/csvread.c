/* csvread.c: libcsv driven line by line so rows know their physical line. */
#include "read/csvread.h"
#include "util/mem.h"
#include "util/text.h"

#include <csv.h>
#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#define CHUNK 65536

/*
 * Rows are packed, as they are parsed, into a batch: a byte string of
 * records
 *   'R' line index delimiter nfields (len bytes NUL)*nfields
 *   'P' as 'R', then size and the size bytes prepare made of the row
 *   'B' line at len reason NUL
 * (line, at and index are longs, len and nfields uint32_t, unaligned). Packing
 * straight from libcsv's field callback means each field is copied once,
 * and a batch can be handed to another thread as it is.
 */
struct batch {
    char *data;
    size_t len, cap;
};

struct reader {
    struct csv_parser p;
    struct msc_csv_info *info;
    char delimiter;

    struct batch *out;
    /* Called after each record; returns nonzero to stop reading. */
    int (*deliver)(void *sink, struct batch *out);
    void *sink;
    /* A parser thread's prepare (csvread.h) and what it works with; NULL
     * when rows are not prepared. */
    const struct msc_csv_callbacks *cb;
    const void *with;
    const char **ptrs;  /* the row's fields, for prepare */
    size_t ptrs_cap;

    size_t row_at;  /* offset of the current row's record in out */
    uint32_t nfields;
    int nonempty, nul_in_row;
    /* Whether the segment being fed, and any fed since the last field
     * ended, has a NUL byte or bytes that are not UTF-8: one test per line
     * spares the test per field in the usual clean export. */
    int seg_dirty, dirty;

    long line;      /* the physical line being fed */
    int line_open;  /* the last byte fed did not end a line */
    size_t line_pos; /* bytes of the current line fed before this segment */
    int skip_line;   /* the rest of the line belongs to a row dropped */
    int cr_ended;    /* the last block fed ended with a CR that ended a line */
    long row_start; /* line the current row began on, or -1 */
    long index;
    int nomem, stop;
    /* The header row itself could not be read (NUL byte, broken or unclosed
     * quoting): the file is unusable, since taking a later row as the
     * header would misread every column. */
    int header_fault;
    long header_line;
    char header_reason[128];
};

#define ROW_HEAD (1 + 2 * sizeof(long) + 1 + sizeof(uint32_t))

/* What a field's bytes need before they can be handed on. */
enum { TEXT_NUL = 1, TEXT_NOT_UTF8 = 2 };

static int text_class(const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s, *end = p + len;
    int cls = 0;
    /* Most exports are ASCII without NUL bytes: test eight bytes at a time
     * for a high bit or a zero byte, and look closer only past one. */
    while (end - p >= 8) {
        uint64_t w;
        memcpy(&w, p, 8);
        if ((w | ((w - 0x0101010101010101ull) & ~w)) & 0x8080808080808080ull)
            break;
        p += 8;
    }
    while (p < end) {
        if (*p < 0x80) {
            if (*p == 0)
                cls |= TEXT_NUL;
            p++;
        } else {
            size_t n = msc_utf8_seq(p, end);
            if (!n)
                cls |= TEXT_NOT_UTF8;
            p += n ? n : 1;
        }
    }
    return cls;
}

static int reserve(struct reader *r, size_t n)
{
    struct batch *b = r->out;
    if (b->len + n > b->cap && msc_grow(&b->data, &b->cap, b->len + n, 1) < 0) {
        r->nomem = 1;
        return -1;
    }
    return 0;
}

static void on_field(void *data, size_t len, void *ud)
{
    struct reader *r = ud;
    const char *s = data ? data : "";
    if (r->stop || r->nomem || r->header_fault)
        return;
    int cls = r->dirty ? text_class(s, len) : 0;
    r->dirty = r->seg_dirty; /* the next field starts in this segment */
    /* Windows-1252 grows by at most 3x; reserve for the worst case. */
    size_t worst = cls & TEXT_NOT_UTF8 ? 3 * len : len;
    if (reserve(r, (r->nfields ? 0 : ROW_HEAD) + sizeof(uint32_t) + worst + 1) < 0)
        return;
    struct batch *b = r->out;
    if (r->nfields == 0) {
        r->row_at = b->len;
        b->len += ROW_HEAD;
    }
    r->nfields++;
    if (cls & TEXT_NUL) {
        /* The row is dropped at its end; its fields need not be kept. */
        r->nul_in_row = 1;
        return;
    }
    char *dst = b->data + b->len + sizeof(uint32_t);
    uint32_t n;
    if (cls & TEXT_NOT_UTF8) {
        n = (uint32_t)msc_cp1252_to_utf8(s, len, dst, worst + 1);
    } else {
        memcpy(dst, s, len);
        dst[len] = '\0';
        n = (uint32_t)len;
    }
    memcpy(b->data + b->len, &n, sizeof n);
    b->len += sizeof n + n + 1;
    r->nonempty |= n > 0;
}

static void deliver(struct reader *r)
{
    if (!r->nomem && r->deliver(r->sink, r->out) != 0)
        r->stop = 1;
}

/* A row the reader cannot deliver: reason says why, and at (when not 0)
 * which physical line; that line is kept as a number so that a chunk
 * parsed without knowing its first line's number can be renumbered. */
static void bad_row(struct reader *r, long line, long at, const char *reason)
{
    if (r->index == 0) {
        /* No header yet: this was the header. Stop; see header_fault. */
        r->header_fault = 1;
        r->header_line = line;
        if (at)
            snprintf(r->header_reason, sizeof r->header_reason, "%s of line %ld", reason, at);
        else
            snprintf(r->header_reason, sizeof r->header_reason, "%s", reason);
        return;
    }
    uint32_t n = (uint32_t)strlen(reason);
    r->info->bad_rows++;
    if (reserve(r, 1 + 2 * sizeof line + sizeof n + n + 1) < 0)
        return;
    char *p = r->out->data + r->out->len;
    *p++ = 'B';
    memcpy(p, &line, sizeof line);
    p += sizeof line;
    memcpy(p, &at, sizeof at);
    p += sizeof at;
    memcpy(p, &n, sizeof n);
    p += sizeof n;
    memcpy(p, reason, n + 1);
    r->out->len = (size_t)(p + n + 1 - r->out->data);
    deliver(r);
}

/* Forgets the row being parsed, and whatever of it was packed. */
static void reset_row(struct reader *r)
{
    if (r->nfields)
        r->out->len = r->row_at;
    r->nfields = 0;
    r->nonempty = 0;
    r->nul_in_row = 0;
    r->row_start = -1;
}

static const char *decode(const char *p, struct msc_csv_row *row, const char ***ptrs, size_t *cap,
                          char *msg, size_t msg_cap, long line_off, long index_off, void *prepared);

/* A union, so that prepare may write any type into it. */
union prepared {
    max_align_t align;
    unsigned char bytes[MSC_CSV_PREPARED_MAX];
};

/* Runs prepare on the row just packed, and packs what it made after it. */
static int prepare_row(struct reader *r)
{
    uint32_t size = (uint32_t)r->cb->prepared_size;
    union prepared out;
    struct msc_csv_row row;
    if (reserve(r, sizeof size + size) < 0 ||
        !decode(r->out->data + r->row_at, &row, &r->ptrs, &r->ptrs_cap, NULL, 0, 0, 0, NULL)) {
        r->nomem = 1;
        return -1;
    }
    memset(&out, 0, size);
    r->cb->prepare(r->with, &row, &out);
    char *p = r->out->data + r->out->len;
    memcpy(p, &size, sizeof size);
    memcpy(p + sizeof size, &out, size);
    r->out->len += sizeof size + size;
    r->out->data[r->row_at] = 'P';
    return 0;
}

static void on_row_end(int c, void *ud)
{
    struct reader *r = ud;
    long line = r->row_start >= 0 ? r->row_start : r->line;
    (void)c;
    if (r->stop || r->nomem || r->header_fault || (!r->nonempty && !r->nul_in_row)) {
        reset_row(r);
        return;
    }
    if (r->nul_in_row) {
        reset_row(r);
        bad_row(r, line, 0, "NUL byte in a field");
        return;
    }
    char *p = r->out->data + r->row_at;
    *p++ = 'R';
    memcpy(p, &line, sizeof line);
    p += sizeof line;
    memcpy(p, &r->index, sizeof r->index);
    p += sizeof r->index;
    *p++ = r->delimiter;
    memcpy(p, &r->nfields, sizeof r->nfields);
    if (r->with && r->index > 0 && prepare_row(r) < 0)
        return;
    if (r->index > 0)
        r->info->rows++;
    r->index++;
    r->nfields = 0; /* the record is complete: reset_row must keep it */
    reset_row(r);
    deliver(r);
}

static int space_only(unsigned char c) { return c == ' '; }

static int parser_start(struct reader *r)
{
    if (csv_init(&r->p, CSV_STRICT | CSV_STRICT_FINI | CSV_APPEND_NULL | CSV_EMPTY_IS_NULL) != 0)
        return -1;
    csv_set_delim(&r->p, (unsigned char)r->delimiter);
    /* libcsv's own test (space, tab) is much faster than a callback, but a
     * tab must not be trimmed from tab-separated fields. */
    if (r->delimiter == '\t')
        csv_set_space_func(&r->p, space_only);
    csv_set_realloc_func(&r->p, msc_realloc);
    csv_set_blk_size(&r->p, 4096);
    return 0;
}

/* The delimiter that occurs most outside quotes on the first line. */
static char sniff_delimiter(const char *s, size_t len)
{
    size_t counts[3] = {0, 0, 0};
    const char cands[3] = {',', ';', '\t'};
    int quoted = 0;
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if (c == '"')
            quoted = !quoted;
        else if (!quoted && (c == '\n' || c == '\r'))
            break;
        else if (!quoted)
            for (int k = 0; k < 3; k++)
                counts[k] += c == cands[k];
    }
    int best = 0;
    for (int k = 1; k < 3; k++)
        if (counts[k] > counts[best])
            best = k;
    return cands[best];
}

/* Feeds one segment that ends at a newline or at the block's end. */
static void feed(struct reader *r, const char *seg, size_t len, int ends_line)
{
    if (r->skip_line) {
        r->skip_line = !ends_line;
        goto next;
    }
    /* libcsv grows a field's buffer by a fixed blk_size at a time, so a 10 MB
     * field took 2,500 reallocs of ever larger copies (quadratic; 15 s under
     * ASan). A step as large as the buffer already is makes it geometric. */
    csv_set_blk_size(&r->p, r->p.entry_size > 4096 ? r->p.entry_size : 4096);
    r->seg_dirty = text_class(seg, len) != 0;
    r->dirty |= r->seg_dirty;
    size_t n = csv_parse(&r->p, seg, len, on_field, on_row_end, r);
    if (n < len && !r->stop && !r->nomem && !r->header_fault) {
        if (csv_error(&r->p) == CSV_ENOMEM) {
            r->nomem = 1;
            return;
        }
        char reason[64];
        long at = r->row_start >= 0 ? r->row_start : r->line;
        snprintf(reason, sizeof reason, "malformed quoting near byte %zu", r->line_pos + n + 1);
        csv_free(&r->p);
        reset_row(r);
        if (parser_start(r) < 0)
            r->nomem = 1;
        else
            bad_row(r, at, r->line, reason);
        /* The rest of the line goes with the row, also when the line
         * goes on in the next block read. */
        r->skip_line = !ends_line;
    } else if (ends_line && r->p.pstate != 0 && r->row_start < 0) {
        r->row_start = r->line;
    }
next:
    if (ends_line)
        r->line++;
    r->line_open = !ends_line;
    r->line_pos = ends_line ? 0 : r->line_pos + len;
}

/* A reader that starts at a row boundary: line and index are the next
 * physical line's number and the next row's (0: the header is next). */
static int reader_init(struct reader *r, struct msc_csv_info *info, struct batch *out,
                       int (*deliver_fn)(void *, struct batch *), void *sink, char delimiter,
                       long line, long index)
{
    memset(r, 0, sizeof *r);
    r->info = info;
    r->out = out;
    r->deliver = deliver_fn;
    r->sink = sink;
    r->delimiter = delimiter;
    r->line = line;
    r->index = index;
    r->row_start = -1;
    return parser_start(r);
}

static int halted(const struct reader *r) { return r->stop || r->nomem || r->header_fault; }

/* Where the next byte c at or after p is, or end; *at caches the last
 * answer so that a block is scanned once for each byte however many lines
 * it holds. */
static const char *next_byte(const char **at, const char *p, const char *end, char c)
{
    if (!*at || *at < p) {
        const char *q = memchr(p, c, (size_t)(end - p));
        *at = q ? q : end;
    }
    return *at;
}

/* Feeds bytes a line at a time, so that each row knows its line. LF, CRLF
 * and CR alone (old Mac exports) end a line. A line longer than CHUNK goes
 * in CHUNK pieces, so that feed() can grow libcsv's field buffer
 * geometrically between them. */
static void feed_block(struct reader *r, const char *p, size_t len)
{
    const char *end = p + len, *lf = NULL, *cr = NULL;
    if (r->cr_ended && p < end && *p == '\n' && !halted(r)) {
        /* The LF of a CRLF split between blocks: its line is counted. */
        feed(r, p, 1, 0);
        r->line_open = 0;
        r->line_pos = 0;
        p++;
    }
    r->cr_ended = 0;
    while (p < end && !halted(r)) {
        const char *eol = next_byte(&lf, p, end, '\n'), *c = next_byte(&cr, p, end, '\r');
        int ends = eol < end || c < end;
        if (c < eol)
            eol = c + 1 < end && c[1] == '\n' ? c + 1 : c;
        const char *stop = eol < end ? eol + 1 : end;
        if (stop - p > CHUNK) {
            stop = p + CHUNK;
            ends = 0;
        }
        r->cr_ended = ends && stop == end && stop[-1] == '\r';
        feed(r, p, (size_t)(stop - p), ends);
        p = stop;
    }
}

/* The end of the input: the last row, or the quote left open. */
static void reader_fini(struct reader *r)
{
    if (!halted(r) && csv_fini(&r->p, on_field, on_row_end, r) != 0 && csv_error(&r->p) == CSV_EPARSE) {
        long at = r->row_start >= 0 ? r->row_start : r->line;
        long last = r->line_open ? r->line : r->line - 1;
        char reason[112];
        snprintf(reason, sizeof reason, "unclosed quote: the row swallowed %ld more line%s to the end of the file",
                 last - at, last - at == 1 ? "" : "s");
        reset_row(r);
        bad_row(r, at, 0, reason);
    }
}

static long reader_lines(const struct reader *r) { return r->line_open ? r->line : r->line - 1; }

static enum msc_status out_of_memory(const char *name, struct msc_error *err)
{
    return msc_error_set(err, MSC_ERR_NOMEM, "%s: out of memory", name);
}

/* Nothing but blank lines, or nothing at all. */
static enum msc_status no_header(const char *name, struct msc_error *err)
{
    return msc_error_set(err, MSC_ERR_INPUT, "%s: the file is empty (no header line)", name);
}

/* The reader's verdict once it has stopped; at_end: it saw the whole file. */
static enum msc_status reader_status(const struct reader *r, int at_end, const char *name,
                                     struct msc_error *err)
{
    if (r->nomem || r->stop)
        return out_of_memory(name, err);
    if (r->header_fault)
        return msc_error_set(err, MSC_ERR_INPUT, "%s:%ld: the header line cannot be read: %s", name,
                             r->header_line, r->header_reason);
    if (at_end && r->index == 0)
        return no_header(name, err);
    return MSC_OK;
}

/* The first bytes of a file: refuses UTF-16, finds the delimiter; returns
 * how many bytes of byte-order mark to skip, or -1 (err set). */
static long file_start(const char *p, size_t got, const char *name, char *delimiter,
                       struct msc_error *err)
{
    /* With a byte-order mark, or without one: ASCII text as UTF-16 has
     * every other byte 0 (little-endian: the second, big: the first). */
    if (got >= 2 && (((unsigned char)p[0] == 0xFF && (unsigned char)p[1] == 0xFE) ||
                     ((unsigned char)p[0] == 0xFE && (unsigned char)p[1] == 0xFF) ||
                     (got >= 4 && p[0] && !p[1] && p[2] && !p[3]) ||
                     (got >= 4 && !p[0] && p[1] && !p[2] && p[3]))) {
        msc_error_set(err, MSC_ERR_INPUT,
                      "%s:1:1: the file is UTF-16 text; export or save it as UTF-8 "
                      "(Excel: CSV UTF-8) and run again", name);
        return -1;
    }
    long skip = got >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    *delimiter = sniff_delimiter(p + skip, got - (size_t)skip);
    return skip;
}

/* Decodes the record at p into row (fields into *ptrs, grown as needed;
 * what prepare made into prepared, unless NULL); returns the next record,
 * or NULL on no memory. A bad row's reason, with
 * its "of line" and "(row skipped)", goes to msg (cap bytes); rows leave
 * msg alone and bad rows leave row->fields NULL. */
static const char *decode(const char *p, struct msc_csv_row *row, const char ***ptrs, size_t *cap,
                          char *msg, size_t msg_cap, long line_off, long index_off, void *prepared)
{
    char kind = *p++;
    uint32_t n;
    memcpy(&row->line, p, sizeof row->line);
    p += sizeof row->line;
    row->line += line_off;
    row->fields = NULL;
    if (kind == 'B') {
        long at;
        memcpy(&at, p, sizeof at);
        p += sizeof at;
        memcpy(&n, p, sizeof n);
        p += sizeof n;
        if (at)
            snprintf(msg, msg_cap, "%s of line %ld (row skipped)", p, at + line_off);
        else
            snprintf(msg, msg_cap, "%s (row skipped)", p);
        return p + n + 1;
    }
    memcpy(&row->index, p, sizeof row->index);
    p += sizeof row->index;
    row->index += index_off;
    row->delimiter = *p++;
    memcpy(&n, p, sizeof n);
    p += sizeof n;
    if (msc_grow(ptrs, cap, (size_t)n + 1, sizeof **ptrs) < 0)
        return NULL;
    for (uint32_t i = 0; i < n; i++) {
        uint32_t len;
        memcpy(&len, p, sizeof len);
        p += sizeof len;
        (*ptrs)[i] = p;
        p += len + 1;
    }
    row->fields = *ptrs;
    row->nfields = n;
    row->prepared = NULL;
    if (kind == 'P') {
        uint32_t size;
        memcpy(&size, p, sizeof size);
        p += sizeof size;
        if (prepared) {
            memcpy(prepared, p, size);
            row->prepared = prepared;
        }
        p += size;
    }
    return p;
}

/* Field pointer arrays for replay: the row delivered and the row peeked. */
struct unpack {
    const char **ptrs, **ahead;
    size_t cap, ahead_cap;
    union prepared prepared, ahead_prepared;
};

#define PEEK_ROWS 4

/* Unpacks a batch into the callbacks, adding line_off to its line numbers
 * and index_off to its row indexes; 1 when the callbacks asked to stop. */
static int replay(const struct batch *b, const struct msc_csv_callbacks *cb, void *ctx,
                  struct unpack *u, long line_off, long index_off)
{
    if (!b->len)
        return 0;
    const char *p = b->data, *peeked = b->data, *end = b->data + b->len;
    int lead = 0; /* records between p and peeked */
    char msg[200];
    while (p < end) {
        for (; cb->peek && lead <= PEEK_ROWS && peeked < end; lead++) {
            struct msc_csv_row row;
            peeked = decode(peeked, &row, &u->ahead, &u->ahead_cap, msg, sizeof msg, line_off, index_off,
                            &u->ahead_prepared);
            if (!peeked)
                return 1;
            if (row.fields)
                cb->peek(ctx, &row);
        }
        struct msc_csv_row row;
        p = decode(p, &row, &u->ptrs, &u->cap, msg, sizeof msg, line_off, index_off, &u->prepared);
        lead--;
        if (!p)
            return 1;
        if (!row.fields) {
            if (cb->on_bad)
                cb->on_bad(ctx, row.line, msg);
        } else if (cb->on_row(ctx, &row) != 0) {
            return 1;
        }
    }
    return 0;
}

/* In the caller's thread: each record goes to the callbacks at once. */
struct direct {
    struct msc_csv_callbacks cb;
    void *ctx;
    struct unpack u;
};

static int deliver_direct(void *sink, struct batch *out)
{
    struct direct *d = sink;
    int stop = replay(out, &d->cb, d->ctx, &d->u, 0, 0);
    out->len = 0;
    return stop;
}

/* Records one at a time: nothing to peek ahead at. */
static void direct_init(struct direct *d, const struct msc_csv_callbacks *cb, void *ctx)
{
    memset(d, 0, sizeof *d);
    d->cb = *cb;
    d->cb.peek = NULL;
    d->ctx = ctx;
}

static void direct_release(struct direct *d)
{
    free(d->u.ptrs);
    free(d->u.ahead);
}

/* Reads the rest of f into r, then ends it; buf is CHUNK bytes of scratch. */
static enum msc_status read_rest(struct reader *r, FILE *f, char *buf, const char *name,
                                 struct msc_error *err)
{
    size_t got;
    while (!halted(r) && (got = fread(buf, 1, CHUNK, f)) > 0) {
        r->info->bytes += got;
        feed_block(r, buf, got);
    }
    if (!halted(r) && ferror(f))
        return msc_error_set(err, MSC_ERR_INPUT, "%s: read error: %s", name, strerror(errno));
    reader_fini(r);
    r->info->lines = reader_lines(r);
    return reader_status(r, 1, name, err);
}

enum msc_status msc_csv_read_stream(FILE *f, const char *name,
                                    const struct msc_csv_callbacks *cb, void *ctx,
                                    struct msc_csv_info *info, struct msc_error *err)
{
    struct direct d;
    struct batch out = {NULL, 0, 0};
    struct reader r;
    enum msc_status st;
    char *buf = msc_malloc(CHUNK);
    direct_init(&d, cb, ctx);
    memset(info, 0, sizeof *info);
    if (!buf)
        return out_of_memory(name, err);
    size_t got = fread(buf, 1, CHUNK, f);
    long skip = file_start(buf, got, name, &info->delimiter, err);
    if (skip < 0) {
        st = MSC_ERR_INPUT;
    } else if (reader_init(&r, info, &out, deliver_direct, &d, info->delimiter, 1, 0) < 0) {
        st = out_of_memory(name, err);
    } else {
        info->bytes = got;
        feed_block(&r, buf + skip, got - (size_t)skip);
        st = read_rest(&r, f, buf, name, err);
        csv_free(&r.p);
    }
    free(buf);
    free(out.data);
    direct_release(&d);
    return st;
}

/*
 * The parallel reader. Worker threads take the file in chunks of whole
 * lines, in order, and each parses its chunk as if a row began there,
 * numbering lines and rows from the chunk's start; the caller's thread
 * replays the chunks in order, renumbering, and runs the callbacks (which
 * therefore need no locking). So parsing uses every core, and the work on
 * the rows overlaps it.
 *
 * A chunk's start is a row boundary unless a quoted field runs across it.
 * The chunk before then ends inside a row, and the caller parses the bytes
 * itself from that chunk's start until a chunk ends between rows (struct
 * resync). At most RING chunks are in memory at once.
 */
#define MAX_WORKERS 4
#define RING (2 * MAX_WORKERS + 2)

static _Atomic size_t chunk_bytes = 128 * 1024;

void msc_csv_set_chunk_bytes(size_t n) { chunk_bytes = n ? n : 128 * 1024; }

struct chunk {
    char *raw;                 /* whole lines; the last may lack its newline at EOF */
    size_t len, cap;
    int last;                  /* ends at the end of the file */
    struct batch out;          /* its records, lines and rows counted from the chunk */
    struct msc_csv_info info;  /* its rows and bad rows */
    long lines, index_end;
    int ends_in_row;
    int done;
    enum msc_status status;
    struct msc_error err;
};

struct chunked {
    pthread_mutex_t lock;
    pthread_cond_t changed;
    FILE *f;
    const char *name;
    const struct msc_csv_callbacks *cb;
    char delimiter;
    struct chunk ring[RING];   /* chunk k in ring[k % RING] */
    long next, consumed;       /* chunks taken by workers; chunks replayed */
    long ahead;                /* how far workers may run ahead of the caller */
    char *carry;               /* read past the last chunk's last newline */
    size_t carry_len, carry_cap;
    int started, eof, failed;  /* failed: a read error or UTF-16; err says which */
    struct msc_error err;
    unsigned long long bytes;
    _Atomic int stop;
};

/* Reads the next chunk (under the lock): the carry, then more, up to the first
 * newline at or past chunk_bytes; what was read past it is the next
 * carry. The first read of the file is CHUNK bytes, the block
 * msc_csv_read_stream looks for the delimiter in too. Returns -1 with
 * cs->failed set and cs->err saying why. */
static int take_chunk(struct chunked *cs, struct chunk *c)
{
    const size_t step = chunk_bytes;
    size_t scanned = 0, cut = 0;
    c->len = 0;
    if (msc_grow(&c->raw, &c->cap, cs->carry_len + 1, 1) < 0)
        goto nomem;
    if (cs->carry_len)
        memcpy(c->raw, cs->carry, cs->carry_len);
    c->len = cs->carry_len;
    cs->carry_len = 0;
    for (;;) {
        size_t i = scanned > step - 1 ? scanned : step - 1;
        for (; i < c->len; i++)
            if (c->raw[i] == '\n' || (c->raw[i] == '\r' && i + 1 < c->len)) {
                cut = i + 1 + (c->raw[i] == '\r' && c->raw[i + 1] == '\n');
                break;
            } else if (c->raw[i] == '\r') {
                break; /* CR or CRLF: the next read tells */
            }
        scanned = i;
        if (cut)
            break;
        int first = !cs->started;
        size_t want = first ? CHUNK : step;
        if (c->len + want > c->cap && msc_grow(&c->raw, &c->cap, c->len + want, 1) < 0)
            goto nomem;
        size_t got = fread(c->raw + c->len, 1, want, cs->f), read = got;
        cs->started = 1;
        if (first) {
            long skip = file_start(c->raw, got, cs->name, &cs->delimiter, &cs->err);
            if (skip < 0) {
                cs->failed = 1;
                return -1;
            }
            memmove(c->raw, c->raw + skip, got - (size_t)skip);
            cs->bytes += (unsigned long long)skip;
            got -= (size_t)skip;
        }
        if (read == 0) {
            if (ferror(cs->f)) {
                cs->failed = 1;
                msc_error_set(&cs->err, MSC_ERR_INPUT, "%s: read error: %s", cs->name, strerror(errno));
                return -1;
            }
            cs->eof = 1;
            cut = c->len;
            break;
        }
        cs->bytes += got;
        c->len += got;
    }
    if (c->len > cut) {
        if (msc_grow(&cs->carry, &cs->carry_cap, c->len - cut, 1) < 0)
            goto nomem;
        memcpy(cs->carry, c->raw + cut, c->len - cut);
        cs->carry_len = c->len - cut;
        c->len = cut;
    }
    c->last = cs->eof;
    return 0;
nomem:
    cs->failed = 1;
    out_of_memory(cs->name, &cs->err);
    return -1;
}

static int keep_going(void *sink, struct batch *out)
{
    (void)out;
    return ((struct chunked *)sink)->stop;
}

/* Parses chunk k as if a row began at its start (outside the lock). */
static void parse_chunk(struct chunked *cs, struct chunk *c, long k, char delimiter)
{
    struct reader r;
    memset(&c->info, 0, sizeof c->info);
    c->out.len = 0;
    if (reader_init(&r, &c->info, &c->out, keep_going, cs, delimiter, 1, k == 0 ? 0 : 1) < 0) {
        c->status = out_of_memory(cs->name, &c->err);
        return;
    }
    if (cs->cb->prepare && cs->cb->prepare_with && cs->cb->prepared_size <= MSC_CSV_PREPARED_MAX) {
        r.cb = cs->cb;
        r.with = atomic_load(cs->cb->prepare_with);
    }
    feed_block(&r, c->raw, c->len);
    if (c->last)
        reader_fini(&r);
    c->ends_in_row = !c->last && r.row_start >= 0;
    c->lines = reader_lines(&r);
    c->index_end = r.index;
    c->status = reader_status(&r, 0, cs->name, &c->err);
    csv_free(&r.p);
    free(r.ptrs);
}

/* The caller's thread is the one that cannot be split, since it runs the
 * callbacks in order: when workers and caller outnumber the cores, a fair
 * scheduler gave it two thirds of one and the run took a quarter longer.
 * On Linux a nice value is a thread's own: the workers step back, the
 * caller keeps a core whenever it can run, and the workers take the rest. */
static void step_back(void)
{
#ifdef __linux__
    errno = 0;
    int nice = getpriority(PRIO_PROCESS, 0);
    if (errno == 0)
        setpriority(PRIO_PROCESS, 0, nice + 10 > 19 ? 19 : nice + 10);
#endif
}

static void *chunk_worker(void *arg)
{
    struct chunked *cs = arg;
    step_back();
    pthread_mutex_lock(&cs->lock);
    for (;;) {
        while (!cs->stop && !cs->eof && !cs->failed && cs->next - cs->consumed >= cs->ahead)
            pthread_cond_wait(&cs->changed, &cs->lock);
        if (cs->stop || cs->eof || cs->failed)
            break;
        long k = cs->next;
        struct chunk *c = &cs->ring[k % RING];
        if (take_chunk(cs, c) < 0)
            break;
        cs->next++;
        char delimiter = cs->delimiter;
        pthread_mutex_unlock(&cs->lock);
        parse_chunk(cs, c, k, delimiter);
        pthread_mutex_lock(&cs->lock);
        c->done = 1;
        pthread_cond_broadcast(&cs->changed);
    }
    pthread_cond_broadcast(&cs->changed);
    pthread_mutex_unlock(&cs->lock);
    return NULL;
}

/* The caller's own reader, for the stretches the workers' chunks cannot
 * be trusted: from the start of a chunk that ends inside a row (or the
 * first chunk after the start, when no header came before it) until a
 * chunk leaves it between rows, where the workers' next chunk begins. */
struct resync {
    struct reader r;
    struct batch out;
    int active;
};

/* Feeds chunk c to the caller's reader; 1 when it may hand back to the
 * workers' chunks, with *line and *index where they go on. */
static int resync_chunk(struct resync *rs, const struct chunk *c, long *line, long *index)
{
    feed_block(&rs->r, c->raw, c->len);
    if (c->last)
        reader_fini(&rs->r);
    *line = rs->r.line;
    *index = rs->r.index;
    return !c->last && !halted(&rs->r) && rs->r.row_start < 0 && rs->r.index > 0;
}

static enum msc_status read_chunked(FILE *f, const char *name, const struct msc_csv_callbacks *cb,
                                    void *ctx, struct msc_csv_info *info, struct msc_error *err)
{
    struct chunked cs;
    memset(&cs, 0, sizeof cs);
    cs.f = f;
    cs.name = name;
    cs.cb = cb;
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    int nworkers = cores < 1 ? 1 : cores > MAX_WORKERS ? MAX_WORKERS : (int)cores;
    cs.ahead = 2 * nworkers + 2;
    pthread_mutex_init(&cs.lock, NULL);
    pthread_cond_init(&cs.changed, NULL);
    pthread_t th[MAX_WORKERS];
    int started = 0;
    while (started < nworkers && pthread_create(&th[started], NULL, chunk_worker, &cs) == 0)
        started++;

    struct direct d;
    struct resync rs;
    struct unpack u;
    memset(&u, 0, sizeof u);
    enum msc_status st = MSC_OK;
    long k = 0, line = 1, index = 0; /* the next chunk, physical line and row */
    direct_init(&d, cb, ctx);
    memset(&rs, 0, sizeof rs);
    while (started && st == MSC_OK) {
        pthread_mutex_lock(&cs.lock);
        while (!(k < cs.next && cs.ring[k % RING].done) && !(k >= cs.next && (cs.eof || cs.failed)))
            pthread_cond_wait(&cs.changed, &cs.lock);
        int more = k < cs.next;
        pthread_mutex_unlock(&cs.lock);
        if (!more) {
            if (cs.failed) {
                st = cs.err.status;
                *err = cs.err;
            }
            break;
        }
        struct chunk *c = &cs.ring[k % RING];
        if (!rs.active && ((k > 0 && index == 0) || c->ends_in_row)) {
            if (reader_init(&rs.r, info, &rs.out, deliver_direct, &d, cs.delimiter, line, index) < 0) {
                st = out_of_memory(name, err);
                break;
            }
            rs.active = 1;
        }
        if (rs.active) {
            if (resync_chunk(&rs, c, &line, &index)) {
                csv_free(&rs.r.p);
                rs.active = 0;
            } else if (halted(&rs.r)) {
                st = reader_status(&rs.r, 0, name, err);
            }
        } else if (c->status != MSC_OK) {
            st = c->status;
            *err = c->err;
            info->lines = line - 1 + c->lines;
        } else {
            long index_off = k == 0 ? 0 : index - 1;
            if (replay(&c->out, cb, ctx, &u, line - 1, index_off) != 0)
                st = out_of_memory(name, err);
            info->rows += c->info.rows;
            info->bad_rows += c->info.bad_rows;
            line += c->lines;
            index = index_off + c->index_end;
        }
        pthread_mutex_lock(&cs.lock);
        c->done = 0;
        cs.consumed = ++k;
        pthread_cond_broadcast(&cs.changed);
        pthread_mutex_unlock(&cs.lock);
    }
    pthread_mutex_lock(&cs.lock);
    cs.stop = 1;
    pthread_cond_broadcast(&cs.changed);
    pthread_mutex_unlock(&cs.lock);
    for (int i = 0; i < started; i++)
        pthread_join(th[i], NULL);

    if (!started) {
        st = msc_csv_read_stream(f, name, cb, ctx, info, err);
    } else if (rs.active) {
        info->lines = reader_lines(&rs.r);
        if (st == MSC_OK)
            st = reader_status(&rs.r, 1, name, err);
        csv_free(&rs.r.p);
    } else if (st == MSC_OK) {
        info->lines = line - 1;
        if (index == 0)
            st = no_header(name, err);
    }
    if (started) {
        info->delimiter = cs.delimiter;
        info->bytes = cs.bytes;
    }
    for (int i = 0; i < RING; i++) {
        free(cs.ring[i].raw);
        free(cs.ring[i].out.data);
    }
    free(cs.carry);
    free(rs.out.data);
    free(u.ptrs);
    free(u.ahead);
    direct_release(&d);
    pthread_mutex_destroy(&cs.lock);
    pthread_cond_destroy(&cs.changed);
    return st;
}

enum msc_status msc_csv_read_file(const char *path, const char *name,
                                  const struct msc_csv_callbacks *cb, void *ctx,
                                  struct msc_csv_info *info, struct msc_error *err)
{
    memset(info, 0, sizeof *info);
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (!f)
        return msc_error_set(err, MSC_ERR_INPUT, "%s: cannot open: %s", name, strerror(errno));
    enum msc_status st = msc_csv_read_open(f, name, cb, ctx, info, err);
    if (f != stdin)
        fclose(f);
    return st;
}

enum msc_status msc_csv_read_open(FILE *f, const char *name, const struct msc_csv_callbacks *cb,
                                  void *ctx, struct msc_csv_info *info, struct msc_error *err)
{
    memset(info, 0, sizeof *info);
    return read_chunked(f, name, cb, ctx, info, err);
}
