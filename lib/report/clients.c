/* clients.c: per-client sums of the report's client rows, tiers, ranking. */
/* qsort_r: glibc declares it for _GNU_SOURCE. */
#define _GNU_SOURCE
#include "report/clients.h"
#include "report/gate.h"
#include "util/mem.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* What the figures are made of: the client rows of these KPIs. */
struct sources {
    int tickets, hours, reactive, revenue, labor, billed, usage;
};

struct sums {
    double endpoint_months, months;
    double tickets, hours, reactive_num, reactive_den, revenue, labor;
    double ratio_num[2], ratio_den[2]; /* billed_vs_worked, agreement_usage */
    int has_tickets, has_hours, has_reactive, has_revenue, has_labor, has_endpoints;
};

int msc_clients_revenue_kpi(const struct msc_report *r) { return msc_report_kpi_index(r, "revenue"); }

static void add_row(struct sums *f, const struct sources *k, const struct msc_row *row)
{
    if (row->kpi == k->tickets && !isnan(row->num)) {
        f->tickets += row->num;
        f->has_tickets = 1;
    } else if (row->kpi == k->hours) {
        f->hours += row->value;
        f->has_hours = 1;
    } else if (row->kpi == k->reactive) {
        f->reactive_num += row->num;
        f->reactive_den += row->den;
        f->has_reactive = 1;
    } else if (row->kpi == k->revenue) {
        f->revenue += row->value;
        f->has_revenue = 1;
    } else if (row->kpi == k->labor) {
        f->labor += row->value;
        f->has_labor = 1;
    } else if (row->kpi == k->billed || row->kpi == k->usage) {
        int i = row->kpi == k->usage;
        f->ratio_num[i] += row->num;
        f->ratio_den[i] += row->den;
    }
}

/* Endpoint-months and calendar months of one period, for one client or
 * (client < 0) every listed client. */
static void add_endpoints(const struct msc_model *m, struct sums *f, int client, int64_t period)
{
    int ym[3];
    double w[3], em = 0, sum = 0;
    int n = msc_period_months(m->period_kind, period, ym, w);
    for (int i = 0; i < n; i++)
        sum += w[i];
    /* One client, or all: a pass over every client for each one made the
     * sheet quadratic in clients. */
    size_t c = client >= 0 ? (size_t)client : 0;
    size_t end = client >= 0 ? c + 1 : msc_names_count(&m->clients);
    for (; c < end; c++) {
        double one;
        if (!m->client[c].listed)
            continue;
        if (msc_model_client_money(m, (int)c, period, &one, NULL)) {
            em += one;
            f->has_endpoints = 1;
        }
    }
    f->endpoint_months += em;
    f->months += sum;
}

static void figures(const struct msc_settings *s, const struct sums *f, struct msc_client_figures *out)
{
    out->endpoints = f->has_endpoints && f->months > 0 ? f->endpoint_months / f->months : NAN;
    out->tickets = f->has_tickets ? f->tickets : NAN;
    out->hours = f->has_hours ? f->hours : NAN;
    out->reactive_per_endpoint =
        f->has_reactive && f->reactive_den > 0 ? f->reactive_num / f->reactive_den : NAN;
    out->revenue = f->has_revenue ? f->revenue : NAN;
    out->labor = f->has_labor ? f->labor : NAN;
    out->rate = f->has_revenue && f->has_hours && f->hours > 0 ? f->revenue / f->hours : NAN;
    out->margin = f->has_revenue && f->revenue > 0 ? (f->revenue - f->labor) / f->revenue : NAN;
    out->billed_vs_worked = f->ratio_den[0] > 0 ? f->ratio_num[0] / f->ratio_den[0] : NAN;
    out->agreement_usage = f->ratio_den[1] > 0 ? f->ratio_num[1] / f->ratio_den[1] : NAN;
    double r = out->rate;
    out->tier = isnan(r) ? 0 : r >= s->tier_a ? 'A' : r >= s->tier_b ? 'B' : r >= s->tier_c ? 'C' : 'D';
}

static int by_rate(const void *pa, const void *pb, void *model)
{
    const struct msc_model *m = model;
    const struct msc_client_line *a = pa, *b = pb;
    double ra = a->range.rate, rb = b->range.rate;
    if (isnan(ra) != isnan(rb))
        return isnan(ra) ? 1 : -1;
    if (!isnan(ra) && ra != rb)
        return ra > rb ? -1 : 1;
    return strcmp(msc_names_display(&m->clients, a->client),
                  msc_names_display(&m->clients, b->client));
}

int msc_report_clients(const struct msc_report *r, struct msc_clients *out)
{
    const struct msc_model *m = r->model;
    struct sources k = {msc_report_kpi_index(r, "tickets_per_endpoint"),
                        msc_report_kpi_index(r, "hours"),
                        msc_report_kpi_index(r, "reactive_hours_per_endpoint"),
                        msc_report_kpi_index(r, "revenue"), msc_report_kpi_index(r, "labor_cost"),
                        msc_report_kpi_index(r, "billed_vs_worked"),
                        msc_report_kpi_index(r, "agreement_usage")};
    size_t nclients = msc_names_count(&m->clients);
    memset(out, 0, sizeof *out);
    int *slot = msc_malloc((nclients + 1) * sizeof *slot);
    struct sums *range = msc_calloc(nclients + 2, sizeof *range);
    struct sums *latest = msc_calloc(nclients + 2, sizeof *latest);
    out->line = msc_calloc(nclients + 1, sizeof *out->line);
    if (!slot || !range || !latest || !out->line) {
        free(slot);
        free(range);
        free(latest);
        msc_clients_release(out);
        return -1;
    }
    /* Sums n (past the clients' lines) are all clients'. */
    size_t n = 0;
    for (size_t c = 0; c < nclients; c++)
        slot[c] = -1;
    for (size_t i = 0; i < r->count; i++) {
        const struct msc_row *row = &r->rows[i];
        size_t to;
        if (row->level == MSC_LEVEL_TEAM)
            to = nclients + 1;
        else if (row->level == MSC_LEVEL_CLIENT && row->subject >= 0 &&
                 (size_t)row->subject < nclients) {
            if (slot[row->subject] < 0) {
                slot[row->subject] = (int)n;
                out->line[n++].client = row->subject;
            }
            to = (size_t)slot[row->subject];
        } else
            continue;
        add_row(&range[to], &k, row);
        if (row->period == m->last_period)
            add_row(&latest[to], &k, row);
    }
    out->count = n;
    out->all.client = -1;
    for (size_t i = 0; i <= n; i++) {
        struct msc_client_line *l = i < n ? &out->line[i] : &out->all;
        size_t at = i < n ? i : nclients + 1;
        for (int64_t p = m->first_period; p <= m->last_period; p++)
            if (!(msc_model_coverage(m, p) & MSC_COVER_NONE))
                add_endpoints(m, &range[at], l->client, p);
        add_endpoints(m, &latest[at], l->client, m->last_period);
        figures(m->settings, &range[at], &l->range);
        figures(m->settings, &latest[at], &l->latest);
        l->idle = i < n && msc_gate_idle(m, l->client);
        out->rated += i < n && !isnan(l->range.rate);
    }
    free(slot);
    free(range);
    free(latest);
    if (n > 1)
        qsort_r(out->line, n, sizeof *out->line, by_rate, (void *)m);
    return 0;
}

void msc_clients_release(struct msc_clients *c)
{
    free(c->line);
    memset(c, 0, sizeof *c);
}
