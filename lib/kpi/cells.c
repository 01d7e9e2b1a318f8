/* cells.c: rows of periods, dense by subject while they are well filled. */
#include "kpi/cells.h"
#include "util/mem.h"

#include <stdlib.h>
#include <string.h>

void msc_cells_init(struct msc_cells *c) { memset(c, 0, sizeof *c); }

static void row_release(struct msc_cells_row *r)
{
    free(r->sum);
    free(r->col);
    free(r->used);
}

void msc_cells_release(struct msc_cells *c)
{
    for (int l = 0; l < MSC_LEVELS; l++) {
        struct msc_cells_level *L = &c->level[l];
        for (size_t i = 0; i < L->nrows; i++)
            row_release(&L->rows[i]);
        free(L->rows);
        free(L->index);
    }
    memset(c, 0, sizeof *c);
}

/* A row may be dense up to this many columns: at least a quarter used. */
static size_t dense_limit(size_t count) { return 4 * count + 16; }

static size_t hash_period(int64_t period, size_t mask)
{
    uint64_t h = (uint64_t)period * 0x9E3779B97F4A7C15ull;
    return (size_t)(h ^ (h >> 29)) & mask;
}

static size_t hash_col(int col, size_t mask)
{
    uint64_t h = (uint64_t)(uint32_t)col * 0xC2B2AE3D27D4EB4Full;
    return (size_t)(h ^ (h >> 31)) & mask;
}

/* The row's index in L, or -1. */
static long find_row(const struct msc_cells_level *L, int64_t period)
{
    if (L->last < L->nrows && L->rows[L->last].period == period)
        return (long)L->last;
    if (!L->nindex)
        return -1;
    size_t mask = L->nindex - 1;
    for (size_t i = hash_period(period, mask);; i = (i + 1) & mask) {
        uint32_t r = L->index[i];
        if (!r)
            return -1;
        if (L->rows[r - 1].period == period)
            return (long)r - 1;
    }
}

static void index_put(uint32_t *index, size_t nindex, int64_t period, uint32_t row)
{
    size_t i = hash_period(period, nindex - 1);
    while (index[i])
        i = (i + 1) & (nindex - 1);
    index[i] = row;
}

static struct msc_cells_row *add_row(struct msc_cells_level *L, int64_t period)
{
    if ((L->nrows + 1) * 2 > L->nindex) {
        size_t n = L->nindex ? L->nindex * 2 : 16;
        uint32_t *index = msc_calloc(n, sizeof *index);
        if (!index)
            return NULL;
        for (size_t r = 0; r < L->nrows; r++)
            index_put(index, n, L->rows[r].period, (uint32_t)r + 1);
        free(L->index);
        L->index = index;
        L->nindex = n;
    }
    if (msc_grow(&L->rows, &L->cap, L->nrows + 1, sizeof *L->rows) < 0)
        return NULL;
    struct msc_cells_row *r = &L->rows[L->nrows];
    memset(r, 0, sizeof *r);
    r->period = period;
    index_put(L->index, L->nindex, period, (uint32_t)++L->nrows);
    return r;
}

/* The slot of col in a sparse row: its own, or the empty one it would take. */
static size_t sparse_slot(const struct msc_cells_row *r, int col)
{
    size_t mask = r->width - 1, i = hash_col(col, mask);
    while (r->col[i] >= 0 && r->col[i] != col)
        i = (i + 1) & mask;
    return i;
}

/* The column in slot i of a row, or -1 when the slot is empty. */
static int column(const struct msc_cells_row *r, size_t i)
{
    if (r->col)
        return r->col[i];
    return r->used[i / 64] >> i % 64 & 1 ? (int)i : -1;
}

/* Lays the row out anew, dense with width columns or sparse with width
 * slots, moving its sums (never adding them, so they stay exact). */
static int relayout(struct msc_cells_row *r, int dense, size_t width)
{
    struct msc_cells_row n = *r;
    n.width = width;
    n.sum = msc_calloc(width, sizeof *n.sum);
    n.col = dense ? NULL : msc_malloc(width * sizeof *n.col);
    n.used = dense ? msc_calloc((width + 63) / 64, sizeof *n.used) : NULL;
    if (!n.sum || (dense ? !n.used : !n.col)) {
        row_release(&n);
        return -1;
    }
    if (!dense)
        memset(n.col, 0xFF, width * sizeof *n.col);
    for (size_t i = 0; i < r->width; i++) {
        int col = column(r, i);
        if (col < 0)
            continue;
        size_t to = dense ? (size_t)col : sparse_slot(&n, col);
        if (dense)
            n.used[to / 64] |= 1ull << to % 64;
        else
            n.col[to] = col;
        n.sum[to] = r->sum[i];
    }
    row_release(r);
    *r = n;
    return 0;
}

/* The sums of column col of row r, made when new; NULL on no memory. */
static struct msc_sum *sum_of(struct msc_cells *c, struct msc_cells_row *r, int col)
{
    size_t need = (size_t)col + 1;
    if (!r->col && need > r->width) {
        size_t limit = dense_limit(r->count + 1);
        size_t w = r->width * 2 > need ? r->width * 2 : need;
        size_t slots = 4;
        while (slots < 2 * (r->count + 1))
            slots *= 2;
        if (need <= limit ? relayout(r, 1, w < limit ? w : limit) < 0 : relayout(r, 0, slots) < 0)
            return NULL;
    }
    if (!r->col) {
        uint64_t *word = &r->used[col / 64], bit = 1ull << col % 64;
        if (!(*word & bit)) {
            *word |= bit;
            r->count++;
            c->count++;
            r->max_col = col > r->max_col ? col : r->max_col;
        }
        return &r->sum[col];
    }
    size_t i = sparse_slot(r, col);
    if (r->col[i] == col)
        return &r->sum[i];
    /* A new column in a sparse row: dense once well enough filled. */
    size_t cols = (size_t)(col > r->max_col ? col : r->max_col) + 1;
    if (cols <= dense_limit(r->count + 1)) {
        if (relayout(r, 1, cols) < 0)
            return NULL;
        return sum_of(c, r, col);
    }
    if ((r->count + 1) * 2 > r->width) {
        if (relayout(r, 0, r->width * 2) < 0)
            return NULL;
        i = sparse_slot(r, col);
    }
    r->col[i] = col;
    r->count++;
    c->count++;
    r->max_col = col > r->max_col ? col : r->max_col;
    return &r->sum[i];
}

void msc_cells_add(struct msc_cells *c, enum msc_level level, int subject, int64_t period,
                   double num, double den)
{
    struct msc_cells_level *L = &c->level[level];
    long at = find_row(L, period);
    struct msc_cells_row *r = at >= 0 ? &L->rows[at] : add_row(L, period);
    struct msc_sum *s;
    if (!r || !(s = sum_of(c, r, subject + 1))) {
        c->nomem = 1;
        return;
    }
    L->last = (size_t)(r - L->rows);
    s->num += num;
    s->den += den;
}

const struct msc_sum *msc_cells_get(const struct msc_cells *c, enum msc_level level,
                                    int subject, int64_t period)
{
    const struct msc_cells_level *L = &c->level[level];
    long at = find_row(L, period);
    if (at < 0)
        return NULL;
    const struct msc_cells_row *r = &L->rows[at];
    int col = subject + 1;
    if (!r->col)
        return (size_t)col < r->width && column(r, (size_t)col) >= 0 ? &r->sum[col] : NULL;
    size_t i = sparse_slot(r, col);
    return r->col[i] == col ? &r->sum[i] : NULL;
}

int msc_cells_next(const struct msc_cells *c, struct msc_cells_iter *it, struct msc_cell *out)
{
    for (; it->level < MSC_LEVELS; it->level++, it->row = 0) {
        const struct msc_cells_level *L = &c->level[it->level];
        for (; it->row < L->nrows; it->row++, it->i = 0) {
            const struct msc_cells_row *r = &L->rows[it->row];
            while (it->i < r->width) {
                size_t i = it->i++;
                int col = column(r, i);
                if (col < 0)
                    continue;
                out->period = r->period;
                out->subject = col - 1;
                out->level = (enum msc_level)it->level;
                out->sum = r->sum[i];
                return 1;
            }
        }
    }
    return 0;
}
