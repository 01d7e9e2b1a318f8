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

struct reader {
    struct csv_parser p;
    const struct msc_csv_callbacks *cb;
    void *ctx;
    struct msc_csv_info *info;
    char delimiter;

    char *buf; /* the current row's field bytes, each NUL-terminated */
    size_t buf_len, buf_cap;
    size_t *offs;
    size_t nfields, offs_cap;
    const char **ptrs;
    size_t ptrs_cap;

    long line;      /* the physical line being fed */
    long row_start; /* line the current row began on, or -1 */
    long index;
    int nul_in_row;
    int nomem, stop;
    /* The header row itself could not be read (NUL byte, broken or unclosed
     * quoting): the file is unusable, since taking a later row as the
     * header would misread every column. */
    int header_fault;
    long header_line;
    char header_reason[112];
};

/* Windows-1252 0x80..0x9F; the five undefined bytes keep their C1 code point. */
static const unsigned short cp1252_high[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

int msc_utf8_valid(const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s, *end = p + len;
    /* Most exports are ASCII: test eight bytes at a time first. */
    while (end - p >= 8) {
        uint64_t w;
        memcpy(&w, p, 8);
        if (w & 0x8080808080808080ull)
            break;
        p += 8;
    }
    while (p < end) {
        unsigned c = *p;
        if (c < 0x80) {
            p++;
            continue;
        }
        size_t n;
        unsigned min;
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
        p += n + 1;
    }
    return 1;
}

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

static void on_field(void *data, size_t len, void *ud)
{
    struct reader *r = ud;
    const char *s = data ? data : "";
    if (r->stop || r->nomem)
        return;
    if (data && memchr(s, '\0', len))
        r->nul_in_row = 1;
    /* Windows-1252 grows by at most 3x; reserve for the worst case. */
    size_t worst = msc_utf8_valid(s, len) ? len : 3 * len;
    if ((r->buf_len + worst + 1 > r->buf_cap &&
         msc_grow(&r->buf, &r->buf_cap, r->buf_len + worst + 1, 1) < 0) ||
        (r->nfields + 1 > r->offs_cap &&
         msc_grow(&r->offs, &r->offs_cap, r->nfields + 1, sizeof *r->offs) < 0)) {
        r->nomem = 1;
        return;
    }
    r->offs[r->nfields++] = r->buf_len;
    char *dst = r->buf + r->buf_len;
    if (worst == len) {
        memcpy(dst, s, len);
        dst[len] = '\0';
        r->buf_len += len + 1;
    } else {
        r->buf_len += msc_cp1252_to_utf8(s, len, dst, worst + 1) + 1;
    }
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
    snprintf(msg, sizeof msg, "%s (row skipped)", reason);
    r->info->bad_rows++;
    if (r->cb->on_bad)
        r->cb->on_bad(r->ctx, line, msg);
}

static void reset_row(struct reader *r)
{
    r->buf_len = 0;
    r->nfields = 0;
    r->nul_in_row = 0;
    r->row_start = -1;
}

static void on_row_end(int c, void *ud)
{
    struct reader *r = ud;
    long line = r->row_start >= 0 ? r->row_start : r->line;
    if (r->stop || r->nomem || r->header_fault)
        goto done;
    if (msc_grow(&r->ptrs, &r->ptrs_cap, r->nfields + 1, sizeof *r->ptrs) < 0) {
        r->nomem = 1;
        goto done;
    }
    int blank = 1;
    for (size_t i = 0; i < r->nfields; i++) {
        r->ptrs[i] = r->buf + r->offs[i];
        if (r->ptrs[i][0])
            blank = 0;
    }
    if (blank && !r->nul_in_row)
        goto done;
    if (r->nul_in_row) {
        bad_row(r, line, "NUL byte in a field");
        goto done;
    }
    struct msc_csv_row row = {r->ptrs, r->nfields, line, r->index, r->delimiter};
    if (r->index > 0)
        r->info->rows++;
    r->index++;
    if (r->cb->on_row(r->ctx, &row) != 0)
        r->stop = 1;
done:
    reset_row(r);
    (void)c;
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
    size_t n = csv_parse(&r->p, seg, len, on_field, on_row_end, r);
    if (n < len && !r->stop && !r->nomem && !r->header_fault) {
        if (csv_error(&r->p) == CSV_ENOMEM) {
            r->nomem = 1;
            return;
        }
        char reason[96];
        snprintf(reason, sizeof reason, "malformed quoting near byte %zu of line %ld", n + 1, r->line);
        bad_row(r, r->row_start >= 0 ? r->row_start : r->line, reason);
        csv_free(&r->p);
        reset_row(r);
        if (parser_start(r) < 0)
            r->nomem = 1;
        /* The rest of this line is dropped with the row. */
    } else if (ends_line && r->p.pstate != 0 && r->row_start < 0) {
        r->row_start = r->line;
    }
    if (ends_line)
        r->line++;
}

enum msc_status msc_csv_read_stream(FILE *f, const char *name,
                                    const struct msc_csv_callbacks *cb, void *ctx,
                                    struct msc_csv_info *info, struct msc_error *err)
{
    struct reader r;
    enum msc_status st = MSC_OK;
    char *chunk = msc_malloc(CHUNK);
    memset(&r, 0, sizeof r);
    memset(info, 0, sizeof *info);
    r.cb = cb;
    r.ctx = ctx;
    r.info = info;
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
    free(r.buf);
    free(r.offs);
    free(r.ptrs);
    return st;
}

/*
 * The pipeline: a second thread runs libcsv and packs the rows into
 * batches; the caller's thread unpacks them and runs the callbacks, so
 * parsing and the work on each row share the machine's two cores. A batch
 * is a byte string of events:
 *   'R' line index delimiter nfields (len bytes NUL)*nfields
 *   'B' line len bytes NUL
 * At most QUEUE batches wait at once, so memory stays bounded.
 */
#define BATCH_BYTES (256 * 1024)
#define QUEUE 4

struct batch {
    char *data;
    size_t len, cap;
};

struct pipeline {
    pthread_mutex_t lock;
    pthread_cond_t changed;
    struct batch queue[QUEUE]; /* filled batches, oldest at head */
    size_t head, count;
    struct batch spare[QUEUE + 1]; /* empty buffers to reuse */
    size_t nspare;
    struct batch cur;          /* being filled by the parser thread */
    int done, stop, nomem;
    /* the parser thread's job */
    FILE *f;
    const char *name;
    struct msc_csv_info *info;
    struct msc_error err;
    enum msc_status status;
};

static int put(struct pipeline *pp, const void *p, size_t n)
{
    if (pp->cur.len + n > pp->cur.cap && msc_grow(&pp->cur.data, &pp->cur.cap, pp->cur.len + n, 1) < 0)
        return -1;
    memcpy(pp->cur.data + pp->cur.len, p, n);
    pp->cur.len += n;
    return 0;
}

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

static int pack_row(void *ctx, const struct msc_csv_row *row)
{
    struct pipeline *pp = ctx;
    uint32_t n = (uint32_t)row->nfields;
    if (put(pp, "R", 1) < 0 || put(pp, &row->line, sizeof row->line) < 0 ||
        put(pp, &row->index, sizeof row->index) < 0 || put(pp, &row->delimiter, 1) < 0 ||
        put(pp, &n, sizeof n) < 0)
        return pp->nomem = 1;
    for (size_t i = 0; i < row->nfields; i++) {
        uint32_t len = (uint32_t)strlen(row->fields[i]);
        if (put(pp, &len, sizeof len) < 0 || put(pp, row->fields[i], len + 1) < 0)
            return pp->nomem = 1;
    }
    return pp->cur.len >= BATCH_BYTES ? push(pp) : 0;
}

static void pack_bad(void *ctx, long line, const char *reason)
{
    struct pipeline *pp = ctx;
    uint32_t len = (uint32_t)strlen(reason);
    if (put(pp, "B", 1) < 0 || put(pp, &line, sizeof line) < 0 || put(pp, &len, sizeof len) < 0 ||
        put(pp, reason, len + 1) < 0)
        pp->nomem = 1;
}

static void *parse_thread(void *arg)
{
    static const struct msc_csv_callbacks pack = {pack_row, pack_bad};
    struct pipeline *pp = arg;
    pp->status = msc_csv_read_stream(pp->f, pp->name, &pack, pp, pp->info, &pp->err);
    if (pp->status == MSC_OK && !pp->nomem)
        push(pp);
    pthread_mutex_lock(&pp->lock);
    pp->done = 1;
    pthread_cond_broadcast(&pp->changed);
    pthread_mutex_unlock(&pp->lock);
    return NULL;
}

/* Replays one batch into the callbacks; 1 when they asked to stop. */
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
    if (st == MSC_OK && (stopped || pp.nomem))
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
