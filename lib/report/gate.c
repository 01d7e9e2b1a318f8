/* gate.c: the data-quality gate and the names that do not line up. */
#include "report/gate.h"
#include "util/mem.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Rejected rows a file may always have: one bad row of twenty is a typo,
 * not a broken export. */
#define REJECTED_FLOOR 10
/* Names are compared on their first bytes only; longer ones are cut. */
#define NAME_MAX_BYTES 64

void msc_gate_init(struct msc_gate *g) { memset(g, 0, sizeof *g); }

void msc_gate_release(struct msc_gate *g)
{
    for (size_t i = 0; i < g->nproblems; i++)
        free(g->problems[i]);
    free(g->problems);
    msc_gate_init(g);
}

static int add_problem(struct msc_gate *g, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static int add_problem(struct msc_gate *g, const char *fmt, ...)
{
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    char **grown = msc_realloc(g->problems, (g->nproblems + 1) * sizeof *grown);
    if (!grown)
        return -1;
    g->problems = grown;
    if (!(g->problems[g->nproblems] = msc_strdup(buf)))
        return -1;
    g->nproblems++;
    return 0;
}

/* Folded to ASCII lower case and cut, for the edit distance. */
static size_t folded(const char *s, char *buf)
{
    size_t n = 0;
    for (; s[n] && n < NAME_MAX_BYTES; n++)
        buf[n] = (char)(s[n] >= 'A' && s[n] <= 'Z' ? s[n] - 'A' + 'a' : s[n]);
    buf[n] = '\0';
    return n;
}

/* Levenshtein distance between a and b (lengths la, lb), or bound when it
 * is at least bound: a candidate that cannot beat the best so far costs
 * one comparison of lengths. */
static size_t distance(const char *a, size_t la, const char *b, size_t lb, size_t bound)
{
    if ((la > lb ? la - lb : lb - la) >= bound)
        return bound;
    size_t row[NAME_MAX_BYTES + 1];
    for (size_t j = 0; j <= lb; j++)
        row[j] = j;
    for (size_t i = 1; i <= la; i++) {
        size_t diag = row[0], best = row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t up = row[j];
            size_t d = diag + (a[i - 1] != b[j - 1]);
            if (up + 1 < d)
                d = up + 1;
            if (row[j - 1] + 1 < d)
                d = row[j - 1] + 1;
            row[j] = d;
            diag = up;
            if (d < best)
                best = d;
        }
        if (best >= bound)
            return bound;
    }
    return row[lb] < bound ? row[lb] : bound;
}

/* The client on the other side (other(c) true) closest to a name. */
static int closest_to(const struct msc_model *m, const char *name,
                      int (*other)(const struct msc_model *, int))
{
    char a[NAME_MAX_BYTES + 1], b[NAME_MAX_BYTES + 1];
    size_t la = folded(name, a), best = (size_t)-1;
    int found = -1;
    for (size_t c = 0; c < msc_names_count(&m->clients); c++) {
        if (!other(m, (int)c))
            continue;
        size_t lb = folded(msc_names_display(&m->clients, (int)c), b);
        size_t d = distance(a, la, b, lb, best);
        if (d < best) {
            best = d;
            found = (int)c;
        }
    }
    return found;
}

static int closest(const struct msc_model *m, int id, int (*other)(const struct msc_model *, int))
{
    return closest_to(m, msc_names_display(&m->clients, id), other);
}

static int is_known(const struct msc_model *m, int c) { return m->client[c].listed || m->client[c].in_tickets; }

int msc_gate_closest_client(const struct msc_model *m, const char *name)
{
    return closest_to(m, name, is_known);
}

static int is_listed(const struct msc_model *m, int c) { return m->client[c].listed; }

static int worked_unlisted(const struct msc_model *m, int c)
{
    return !m->client[c].listed && m->client[c].first_work != MSC_TIME_NONE;
}

static int has_endpoints(const struct msc_client *c)
{
    for (size_t i = 0; i < c->nrows; i++)
        if (c->rows[i].endpoints > 0)
            return 1;
    return 0;
}

static void add_name(struct msc_name_list *l, const struct msc_model *m, int client,
                     int (*other)(const struct msc_model *, int))
{
    if (l->count < MSC_GATE_NAMES) {
        l->item[l->count].client = client;
        l->item[l->count++].closest = closest(m, client, other);
    }
    l->total++;
}

int msc_gate_idle(const struct msc_model *m, int client)
{
    const struct msc_client *c = &m->client[client];
    int64_t from = msc_period_start(m->period_kind, m->first_period);
    int64_t to = msc_period_end(m->period_kind, m->last_period);
    return c->listed && has_endpoints(c) &&
           (c->first_work == MSC_TIME_NONE || c->first_work >= to || c->last_work < from);
}

static void match_names(struct msc_gate *g, const struct msc_model *m)
{
    for (size_t i = 0; i < msc_names_count(&m->clients); i++) {
        const struct msc_client *c = &m->client[i];
        if (c->in_tickets && !c->listed)
            add_name(&g->unlisted, m, (int)i, is_listed);
        else if (msc_gate_idle(m, (int)i))
            add_name(&g->idle, m, (int)i, worked_unlisted);
    }
}

int msc_gate_check(struct msc_gate *g, const struct msc_model *m)
{
    for (int f = 0; f < MSC_FILE_COUNT; f++) {
        const struct msc_file_info *fi = &m->file[f];
        size_t plen = strlen(fi->path ? fi->path : "");
        if (fi->state == MSC_FILE_SKIPPED) {
            const char *why = fi->note ? fi->note : "";
            int located = plen && strncmp(why, fi->path, plen) == 0; /* "PATH:LINE: ..." */
            if (add_problem(g, "%s%s%s; the file was skipped, so its KPIs have no value",
                            located ? "" : fi->path, located ? "" : ": ", why) < 0)
                return -1;
        } else if (fi->state == MSC_FILE_READ && fi->rows_rejected > REJECTED_FLOOR &&
                   (double)fi->rows_rejected > m->settings->max_rejected_share * (double)fi->rows_read &&
                   add_problem(g, "%s: %ld of %ld rows rejected (%.1f%%; at most %g%% is expected)",
                               fi->path, fi->rows_rejected, fi->rows_read,
                               100.0 * (double)fi->rows_rejected / (double)fi->rows_read,
                               m->settings->max_rejected_share * 100) < 0)
            return -1;
    }
    if (m->file[MSC_FILE_CLIENTS].state != MSC_FILE_READ)
        return 0;
    match_names(g, m);
    size_t ticket_clients = 0, matched = 0;
    for (size_t i = 0; i < msc_names_count(&m->clients); i++) {
        ticket_clients += m->client[i].in_tickets;
        matched += m->client[i].in_tickets && m->client[i].listed;
    }
    if (ticket_clients && !matched) {
        const struct msc_name_match *first = &g->unlisted.item[0];
        return add_problem(g, "no ticket's client is listed in %s (tickets say '%s'; the closest "
                              "listed name is '%s'): the names must match",
                           m->file[MSC_FILE_CLIENTS].path, msc_names_display(&m->clients, first->client),
                           first->closest >= 0 ? msc_names_display(&m->clients, first->closest) : "");
    }
    return 0;
}
