/* review.c: one client's figures for a quarterly business review (review.h). */
#include "report/review.h"
#include "report/gate.h"
#include "util/mem.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* The KPIs a client sees, in the order of the workbook, each with the words
 * it is shown under; tickets created come first and are counted here. */
static const struct {
    const char *id, *name;
} shown[MSC_REVIEW_ROWS - 1] = {
    {"tickets_per_endpoint", "Reactive tickets per endpoint per month"},
    {"mttr", "Mean time to resolution (business hours)"},
    {"sla_triage", "First response within SLA"},
    {"sla_engagement", "Resolution plan within SLA"},
    {"sla_completion", "Resolved within SLA"},
    {"csat_positive", "Positive satisfaction surveys"},
    {"hours", "Hours delivered"},
};

int msc_report_find_client(const struct msc_report *r, const char *name, int *closest)
{
    const struct msc_model *m = r->model;
    /* Finding interns nothing: the table is only read. */
    int id = msc_names_find((struct msc_names *)&m->clients, name);
    if (id >= 0 && (m->client[id].listed || m->client[id].in_tickets))
        return id;
    *closest = msc_gate_closest_client(m, name);
    return -1;
}

void msc_report_review_clients(const struct msc_report *r, unsigned char *active)
{
    size_t n = msc_names_count(&r->model->clients);
    memset(active, 0, n);
    for (size_t i = 0; i < r->count; i++)
        if (r->rows[i].level == MSC_LEVEL_CLIENT && r->rows[i].subject >= 0 && (size_t)r->rows[i].subject < n)
            active[r->rows[i].subject] = 1;
}

static void count_created(const struct msc_report *r, int client, double *value, size_t n)
{
    const struct msc_model *m = r->model;
    for (size_t i = 0; i < n; i++)
        value[i] = msc_model_tickets_created(m, client, m->first_period + (int64_t)i);
    /* A period the data does not reach has no count, not 0. */
    for (size_t i = 0; i < n; i++)
        if (msc_model_coverage(m, m->first_period + (int64_t)i) & MSC_COVER_NONE)
            value[i] = NAN;
}

int msc_report_review(const struct msc_report *r, int client, struct msc_review *out)
{
    const struct msc_model *m = r->model;
    memset(out, 0, sizeof *out);
    out->client = client;
    out->nperiods = (size_t)(m->last_period - m->first_period + 1);
    for (int i = 0; i < MSC_REVIEW_ROWS; i++) {
        struct msc_review_row *row = &out->row[out->nrows];
        int k = i ? msc_report_kpi_index(r, shown[i - 1].id) : -1;
        if (i && (k < 0 || !r->kpi[k].selected))
            continue;
        if (!(row->value = msc_calloc(out->nperiods, sizeof *row->value))) {
            msc_review_release(out);
            return -1;
        }
        out->nrows++;
        if (!i) {
            *row = (struct msc_review_row){"Tickets created", MSC_UNIT_POINTS, MSC_LOWER, NAN, 1, row->value};
            count_created(r, client, row->value, out->nperiods);
            continue;
        }
        const struct msc_kpi_module *mod = r->kpi[k].mod;
        *row = (struct msc_review_row){shown[i - 1].name, mod->unit, mod->better, r->kpi[k].target, 0,
                                       row->value};
        for (size_t p = 0; p < out->nperiods; p++)
            row->value[p] = msc_report_value(r, k, MSC_LEVEL_CLIENT, client, m->first_period + (int64_t)p);
    }
    return 0;
}

void msc_review_release(struct msc_review *v)
{
    for (int i = 0; i < v->nrows; i++)
        free(v->row[i].value);
    memset(v, 0, sizeof *v);
}
