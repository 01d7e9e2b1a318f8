/* csvread.c: libcsv driven line by line so rows know their physical line. */
#include "read/csvread.h"
#include "util/mem.h"

#include <csv.h>
#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define CHUNK 65536

/*
 * Rows are packed, as they are parsed, into a batch: a byte string of
 * records
 *   'R' line index delimiter nfields (len bytes NUL)*nfields
 *   'B' line len reason NUL
 * (line and index are longs, len and nfields uint32_t, unaligned). Packing
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

    size_t row_at;  /* offset of the current row's record in out */
    uint32_t nfields;
    int nonempty, nul_in_row;
    /* Whether the segment being fed, and any fed since the last field
     * ended, has a NUL byte or bytes that are not UTF-8: one test per line
     * spares the test per field in the usual clean export. */
    int seg_dirty, dirty;

    long line;      /* the physical line being fed */
    long row_start; /* line the current row began on, or -1 */
    long index;
    int nomem, stop;
    /* The header row itself could not be read (NUL byte, broken or unclosed
     * quoting): the file is unusable, since taking a later row as the
     * header would misread every column. */
    int header_fault;
    long header_line;
    char header_reason[112];
};

#define ROW_HEAD (1 + 2 * sizeof(long) + 1 + sizeof(uint32_t))

/* Windows-1252 0x80..0x9F; the five undefined bytes keep their C1 code point. */
static const unsigned short cp1252_high[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

size_t msc_cp1252_to_utf8(const char *s, size_t len, char *out, size_t cap)
{
    size_t o = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned c = (unsigned char)s[i];
        unsigned char enc[3];
        size_t n;
        if (c >= 0x80 && c < 0xA0)
            c = cp1252_high[c - 0x80];
        if (c < 0x80) {
            enc[0] = (unsigned char)c;
            n = 1;
        } else if (c < 0x800) {
            enc[0] = (unsigned char)(0xC0 | (c >> 6));
            enc[1] = (unsigned char)(0x80 | (c & 0x3F));
            n = 2;
        } else {
            enc[0] = (unsigned char)(0xE0 | (c >> 12));
            enc[1] = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
            enc[2] = (unsigned char)(0x80 | (c & 0x3F));
            n = 3;
        }
        for (size_t k = 0; k < n; k++, o++)
            if (o < cap)
                out[o] = (char)enc[k];
    }
    if (cap)
        out[o < cap ? o : cap - 1] = '\0';
    return o;
}

/* The length of the valid UTF-8 sequence at p, or 0. */
static size_t utf8_seq(const unsigned char *p, const unsigned char *end)
{
    unsigned c = *p, min;
    size_t n;
    if ((c & 0xE0) == 0xC0) n = 1, min = 0x80, c &= 0x1F;
    else if ((c & 0xF0) == 0xE0) n = 2, min = 0x800, c &= 0x0F;
    else if ((c & 0xF8) == 0xF0) n = 3, min = 0x10000, c &= 0x07;
    else return 0;
    if ((size_t)(end - p) <= n)
        return 0;
    for (size_t i = 1; i <= n; i++) {
        if ((p[i] & 0xC0) != 0x80)
            return 0;
        c = (c << 6) | (p[i] & 0x3F);
    }
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
        return 0;
    return n + 1;
}

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
            size_t n = utf8_seq(p, end);
            if (!n)
                cls |= TEXT_NOT_UTF8;
            p += n ? n : 1;
        }
    }
    return cls;
}

int msc_utf8_valid(const char *s, size_t len)
{
    return !(text_class(s, len) & TEXT_NOT_UTF8);
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

/* A row the reader cannot deliver: reason says why, without "(row skipped)". */
static void bad_row(struct reader *r, long line, const char *reason)
{
    if (r->index == 0) {
        /* No header yet: this was the header. Stop; see header_fault. */
        r->header_fault = 1;
        r->header_line = line;
        snprintf(r->header_reason, sizeof r->header_reason, "%s", reason);
        return;
    }
    char msg[160];
    uint32_t n = (uint32_t)snprintf(msg, sizeof msg, "%s (row skipped)", reason);
    if (n >= sizeof msg)
        n = sizeof msg - 1;
    r->info->bad_rows++;
    if (reserve(r, 1 + sizeof line + sizeof n + n + 1) < 0)
        return;
    char *p = r->out->data + r->out->len;
    *p++ = 'B';
    memcpy(p, &line, sizeof line);
    p += sizeof line;
    memcpy(p, &n, sizeof n);
    p += sizeof n;
    memcpy(p, msg, n + 1);
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
        bad_row(r, line, "NUL byte in a field");
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

/* Feeds one segment that ends at a newline or at the chunk's end. */
static void feed(struct reader *r, const char *seg, size_t len, int ends_line)
{
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
        char reason[96];
        long at = r->row_start >= 0 ? r->row_start : r->line;
        snprintf(reason, sizeof reason, "malformed quoting near byte %zu of line %ld", n + 1, r->line);
        csv_free(&r->p);
        reset_row(r);
        if (parser_start(r) < 0)
            r->nomem = 1;
        else
            bad_row(r, at, reason);
        /* The rest of this line is dropped with the row. */
    } else if (ends_line && r->p.pstate != 0 && r->row_start < 0) {
        r->row_start = r->line;
    }
    if (ends_line)
        r->line++;
}

/* Reads f to its end, packing records into *out and handing them to
 * deliver as they complete. */
static enum msc_status read_packed(FILE *f, const char *name, struct batch *out,
                                   int (*deliver_fn)(void *, struct batch *), void *sink,
                                   struct msc_csv_info *info, struct msc_error *err)
{
    struct reader r;
    enum msc_status st = MSC_OK;
    char *chunk = msc_malloc(CHUNK);
    memset(&r, 0, sizeof r);
    memset(info, 0, sizeof *info);
    r.info = info;
    r.out = out;
    r.deliver = deliver_fn;
    r.sink = sink;
    r.line = 1;
    r.row_start = -1;
    if (!chunk)
        return msc_error_set(err, MSC_ERR_NOMEM, "%s: out of memory", name);

    int first = 1, started = 0, line_open = 0;
    size_t got;
    while ((got = fread(chunk, 1, CHUNK, f)) > 0) {
        const char *p = chunk;
        info->bytes += got;
        if (first) {
            first = 0;
            /* With a byte-order mark, or without one: ASCII text as UTF-16
             * has every other byte 0 (little-endian: the second, big: the first). */
            if (got >= 2 && (((unsigned char)p[0] == 0xFF && (unsigned char)p[1] == 0xFE) ||
                             ((unsigned char)p[0] == 0xFE && (unsigned char)p[1] == 0xFF) ||
                             (got >= 4 && p[0] && !p[1] && p[2] && !p[3]) ||
                             (got >= 4 && !p[0] && p[1] && !p[2] && p[3]))) {
                st = msc_error_set(err, MSC_ERR_INPUT,
                                   "%s:1:1: the file is UTF-16 text; export or save it as UTF-8 "
                                   "(Excel: CSV UTF-8) and run again", name);
                goto out;
            }
            if (got >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0) {
                p += 3;
                got -= 3;
            }
            r.delimiter = sniff_delimiter(p, got);
            info->delimiter = r.delimiter;
            if (parser_start(&r) < 0) {
                st = msc_error_set(err, MSC_ERR_NOMEM, "%s: out of memory", name);
                goto out;
            }
            started = 1;
        }
        const char *end = p + got;
        while (p < end && !r.stop && !r.nomem && !r.header_fault) {
            const char *nl = memchr(p, '\n', (size_t)(end - p));
            const char *stop = nl ? nl + 1 : end;
            feed(&r, p, (size_t)(stop - p), nl != NULL);
            line_open = nl == NULL;
            p = stop;
        }
        if (r.stop || r.nomem || r.header_fault)
            break;
    }
    if (ferror(f)) {
        st = msc_error_set(err, MSC_ERR_INPUT, "%s: read error: %s", name, strerror(errno));
        goto out;
    }
    if (started && !r.stop && !r.nomem && !r.header_fault &&
        csv_fini(&r.p, on_field, on_row_end, &r) != 0 && csv_error(&r.p) == CSV_EPARSE) {
        long at = r.row_start >= 0 ? r.row_start : r.line;
        long last = line_open ? r.line : r.line - 1;
        char reason[112];
        snprintf(reason, sizeof reason, "unclosed quote: the row swallowed %ld more line%s to the end of the file",
                 last - at, last - at == 1 ? "" : "s");
        reset_row(&r);
        bad_row(&r, at, reason);
    }
    info->lines = line_open ? r.line : r.line - 1;
    if (r.nomem || r.stop)
        st = msc_error_set(err, MSC_ERR_NOMEM, "%s: out of memory", name);
    else if (r.header_fault)
        st = msc_error_set(err, MSC_ERR_INPUT, "%s:%ld: the header line cannot be read: %s", name,
                           r.header_line, r.header_reason);
    else if (r.index == 0)
        st = msc_error_set(err, MSC_ERR_INPUT, "%s: the file is empty (no header line)", name);
out:
    if (started)
        csv_free(&r.p);
    free(chunk);
    return st;
}

/* Unpacks a batch into the callbacks; 1 when they asked to stop. */
static int replay(const struct batch *b, const struct msc_csv_callbacks *cb, void *ctx,
                  const char ***ptrs, size_t *cap)
{
    const char *p = b->data, *end = b->data + b->len;
    while (p < end) {
        char kind = *p++;
        long line;
        uint32_t n;
        memcpy(&line, p, sizeof line);
        p += sizeof line;
        if (kind == 'B') {
            memcpy(&n, p, sizeof n);
            p += sizeof n;
            if (cb->on_bad)
                cb->on_bad(ctx, line, p);
            p += n + 1;
            continue;
        }
        struct msc_csv_row row = {NULL, 0, line, 0, 0};
        memcpy(&row.index, p, sizeof row.index);
        p += sizeof row.index;
        row.delimiter = *p++;
        memcpy(&n, p, sizeof n);
        p += sizeof n;
        if (msc_grow(ptrs, cap, (size_t)n + 1, sizeof **ptrs) < 0)
            return 1;
        for (uint32_t i = 0; i < n; i++) {
            uint32_t len;
            memcpy(&len, p, sizeof len);
            p += sizeof len;
            (*ptrs)[i] = p;
            p += len + 1;
        }
        row.fields = *ptrs;
        row.nfields = n;
        if (cb->on_row(ctx, &row) != 0)
            return 1;
    }
    return 0;
}

/* In the caller's thread: each record goes to the callbacks at once. */
struct direct {
    const struct msc_csv_callbacks *cb;
    void *ctx;
    const char **ptrs;
    size_t cap;
};

static int deliver_direct(void *sink, struct batch *out)
{
    struct direct *d = sink;
    int stop = replay(out, d->cb, d->ctx, &d->ptrs, &d->cap);
    out->len = 0;
    return stop;
}

enum msc_status msc_csv_read_stream(FILE *f, const char *name,
                                    const struct msc_csv_callbacks *cb, void *ctx,
                                    struct msc_csv_info *info, struct msc_error *err)
{
    struct direct d = {cb, ctx, NULL, 0};
    struct batch out = {NULL, 0, 0};
    enum msc_status st = read_packed(f, name, &out, deliver_direct, &d, info, err);
    free(out.data);
    free(d.ptrs);
    return st;
}

/*
 * The pipeline: a second thread runs libcsv and packs rows into batches;
 * the caller's thread unpacks them and runs the callbacks, so parsing and
 * the work on each row share the machine's two cores. At most QUEUE
 * batches wait at once, so memory stays bounded.
 */
#define BATCH_BYTES (256 * 1024)
#define QUEUE 4

struct pipeline {
    pthread_mutex_t lock;
    pthread_cond_t changed;
    struct batch queue[QUEUE]; /* filled batches, oldest at head */
    size_t head, count;
    struct batch spare[QUEUE + 1]; /* empty buffers to reuse */
    size_t nspare;
    struct batch cur;          /* being filled by the parser thread */
    int done, stop;
    /* the parser thread's job */
    FILE *f;
    const char *name;
    struct msc_csv_info *info;
    struct msc_error err;
    enum msc_status status;
};

/* Hands the current batch to the caller's thread; 1 when it asked to stop. */
static int push(struct pipeline *pp)
{
    pthread_mutex_lock(&pp->lock);
    while (pp->count == QUEUE && !pp->stop)
        pthread_cond_wait(&pp->changed, &pp->lock);
    int stop = pp->stop;
    if (!stop) {
        pp->queue[(pp->head + pp->count++) % QUEUE] = pp->cur;
        pp->cur = pp->nspare ? pp->spare[--pp->nspare] : (struct batch){NULL, 0, 0};
        pp->cur.len = 0;
        pthread_cond_broadcast(&pp->changed);
    }
    pthread_mutex_unlock(&pp->lock);
    return stop;
}

static int deliver_batched(void *sink, struct batch *out)
{
    return out->len >= BATCH_BYTES ? push(sink) : 0;
}

static void *parse_thread(void *arg)
{
    struct pipeline *pp = arg;
    pp->status = read_packed(pp->f, pp->name, &pp->cur, deliver_batched, pp, pp->info, &pp->err);
    if (pp->status == MSC_OK && pp->cur.len)
        push(pp);
    pthread_mutex_lock(&pp->lock);
    pp->done = 1;
    pthread_cond_broadcast(&pp->changed);
    pthread_mutex_unlock(&pp->lock);
    return NULL;
}

static enum msc_status read_pipelined(FILE *f, const char *name, const struct msc_csv_callbacks *cb,
                                      void *ctx, struct msc_csv_info *info, struct msc_error *err)
{
    struct pipeline pp;
    pthread_t th;
    memset(&pp, 0, sizeof pp);
    pp.f = f;
    pp.name = name;
    pp.info = info;
    pthread_mutex_init(&pp.lock, NULL);
    pthread_cond_init(&pp.changed, NULL);
    if (pthread_create(&th, NULL, parse_thread, &pp) != 0) {
        pthread_mutex_destroy(&pp.lock);
        pthread_cond_destroy(&pp.changed);
        return msc_csv_read_stream(f, name, cb, ctx, info, err);
    }
    const char **ptrs = NULL;
    size_t cap = 0;
    int stopped = 0;
    for (;;) {
        pthread_mutex_lock(&pp.lock);
        while (pp.count == 0 && !pp.done)
            pthread_cond_wait(&pp.changed, &pp.lock);
        if (pp.count == 0) {
            pthread_mutex_unlock(&pp.lock);
            break;
        }
        struct batch b = pp.queue[pp.head];
        pp.head = (pp.head + 1) % QUEUE;
        pp.count--;
        pthread_cond_broadcast(&pp.changed);
        pthread_mutex_unlock(&pp.lock);
        if (!stopped)
            stopped = replay(&b, cb, ctx, &ptrs, &cap);
        pthread_mutex_lock(&pp.lock);
        if (stopped)
            pp.stop = 1;
        b.len = 0;
        if (pp.nspare < QUEUE + 1)
            pp.spare[pp.nspare++] = b;
        else
            free(b.data);
        pthread_cond_broadcast(&pp.changed);
        pthread_mutex_unlock(&pp.lock);
    }
    pthread_join(th, NULL);
    for (size_t i = 0; i < pp.nspare; i++)
        free(pp.spare[i].data);
    free(pp.cur.data);
    free(ptrs);
    pthread_mutex_destroy(&pp.lock);
    pthread_cond_destroy(&pp.changed);
    enum msc_status st = pp.status;
    if (st == MSC_OK && stopped)
        st = msc_error_set(&pp.err, MSC_ERR_NOMEM, "%s: out of memory", name);
    if (st != MSC_OK)
        *err = pp.err;
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
    enum msc_status st = read_pipelined(f, name, cb, ctx, info, err);
    if (f != stdin)
        fclose(f);
    return st;
}
