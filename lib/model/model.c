/* model.c: people, clients and tickets. */
#include "model/model.h"
#include "read/field.h"
#include "util/mem.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

void msc_model_init(struct msc_model *m, const struct msc_settings *s, enum msc_period_kind kind)
{
    memset(m, 0, sizeof *m);
    m->settings = s;
    m->period_kind = kind;
    msc_arena_init(&m->arena);
    msc_names_init(&m->people);
    msc_names_init(&m->clients);
    msc_names_init_keys(&m->ticket_ids);
    msc_names_init_keys(&m->ticket_numbers);
    msc_dq_init(&m->dq);
    m->data_start = m->data_end = m->entries_start = MSC_TIME_NONE;
    m->as_of = MSC_TIME_NONE;
}

void msc_model_release(struct msc_model *m)
{
    for (size_t i = 0; i < msc_names_count(&m->clients); i++)
        free(m->client[i].rows);
    free(m->person);
    free(m->client);
    free(m->ticket);
    free(m->wide);
    free(m->created);
    msc_names_release(&m->people);
    msc_names_release(&m->clients);
    msc_names_release(&m->ticket_ids);
    msc_names_release(&m->ticket_numbers);
    free(m->ticket_number_index);
    msc_dq_release(&m->dq);
    msc_arena_release(&m->arena);
}

/* Interns name in names, keeping the side table (elem bytes a record) one
 * record ahead so that a new id always has its slot; init fills a new one.
 * Returns the id, -1 for an empty name, -2 on no memory. */
static int intern(struct msc_model *m, struct msc_names *names, void *table, size_t *cap,
                  size_t elem, const char *name, const struct msc_name_hashes *h, void (*init)(void *rec))
{
    size_t before = msc_names_count(names);
    if (msc_grow(table, cap, before + 1, elem) < 0) {
        m->nomem = 1;
        return -2;
    }
    int id = msc_names_intern_hashed(names, name, h);
    if (id == -2)
        m->nomem = 1;
    else if (id >= 0 && (size_t)id >= before)
        init((char *)*(void **)table + (size_t)id * elem);
    return id;
}

static void init_person(void *rec)
{
    struct msc_person *p = rec;
    memset(p, 0, sizeof *p);
    p->weekly_hours = 40;
    p->hourly_cost = NAN;
    p->monthly_pay = NAN;
    p->team = "";
    p->start_day = INT64_MIN;
    p->end_day = INT64_MAX;
    p->first_entry = MSC_TIME_NONE;
    p->last_entry = MSC_TIME_NONE;
}

static void init_client(void *rec)
{
    struct msc_client *c = rec;
    memset(c, 0, sizeof *c);
    c->first_work = c->last_work = MSC_TIME_NONE;
    c->agreement = "";
}

int msc_model_person_hashed(struct msc_model *m, const char *name, const struct msc_name_hashes *h)
{
    return intern(m, &m->people, &m->person, &m->person_cap, sizeof *m->person, name, h, init_person);
}

int msc_model_client_hashed(struct msc_model *m, const char *name, const struct msc_name_hashes *h)
{
    return intern(m, &m->clients, &m->client, &m->client_cap, sizeof *m->client, name, h, init_client);
}

int msc_model_find_ticket(struct msc_model *m, const char *ref, const struct msc_name_hashes *h)
{
    int id = msc_names_find_hashed(&m->ticket_ids, ref, h);
    if (id < 0 && (id = msc_names_find_hashed(&m->ticket_numbers, ref, h)) >= 0)
        id = m->ticket_number_index[id];
    return id;
}

int msc_model_person(struct msc_model *m, const char *name) { return msc_model_person_hashed(m, name, NULL); }

int msc_model_client(struct msc_model *m, const char *name) { return msc_model_client_hashed(m, name, NULL); }


void msc_model_end_load(struct msc_model *m)
{
    msc_names_forget(&m->ticket_ids);
    msc_names_release(&m->ticket_numbers);
    msc_names_init_keys(&m->ticket_numbers);
    free(m->ticket_number_index);
    m->ticket_number_index = NULL;
    m->ticket_number_cap = 0;
}

int msc_model_end_tickets(struct msc_model *m)
{
    size_t nclients = msc_names_count(&m->clients), nperiods = (size_t)(m->last_period - m->first_period + 1);
    unsigned *created = msc_calloc(nclients * nperiods + 1, sizeof *created);
    if (!created)
        return -1;
    for (size_t i = 0; i < msc_names_count(&m->ticket_ids); i++) {
        const struct msc_ticket *t = &m->ticket[i];
        int64_t p = msc_period_of(m->period_kind, t->created) - m->first_period;
        if (t->client >= 0 && p >= 0 && (size_t)p < nperiods)
            created[(size_t)t->client * nperiods + (size_t)p]++;
    }
    free(m->created);
    m->created = created;
    m->created_periods = nperiods;
    free(m->ticket);
    free(m->wide);
    m->ticket = NULL;
    m->wide = NULL;
    m->ticket_cap = m->nwide = m->wide_cap = 0;
    return 0;
}

unsigned msc_model_tickets_created(const struct msc_model *m, int client, int64_t period)
{
    int64_t p = period - m->first_period;
    if (!m->created || client < 0 || (size_t)client >= msc_names_count(&m->clients) || p < 0 ||
        (size_t)p >= m->created_periods)
        return 0;
    return m->created[(size_t)client * m->created_periods + (size_t)p];
}

int msc_model_ticket_alias(struct msc_model *m, const char *ref, int id)
{
    int alias = msc_names_intern(&m->ticket_numbers, ref);
    if (alias == -1)
        return 0;
    if (alias < 0 || msc_grow(&m->ticket_number_index, &m->ticket_number_cap, (size_t)alias + 1,
                              sizeof *m->ticket_number_index) < 0)
        return -1;
    m->ticket_number_index[alias] = id;
    return 0;
}

/* Where a large run's memory goes: keep it at 80 bytes. */
_Static_assert(sizeof(struct msc_ticket) <= 80, "struct msc_ticket grew");

void msc_ticket_init(struct msc_ticket *t, int64_t created)
{
    memset(t, 0, sizeof *t);
    t->created = created;
    t->completed = MSC_TIME_NONE;
    t->estimated_hours = NAN;
    t->client = t->person = t->first_person = -1;
    for (int i = 0; i < 2 * MSC_MILESTONES; i++)
        t->at[i] = INT32_MIN;
}

int msc_ticket_set_wide(struct msc_model *m, struct msc_ticket *t, int i, int64_t v)
{
    if (!t->wide) {
        if (m->nwide >= INT32_MAX || msc_grow(&m->wide, &m->wide_cap, m->nwide + 1, sizeof *m->wide) < 0)
            return -1;
        struct msc_ticket_wide *w = &m->wide[m->nwide];
        for (int j = 0; j < 2 * MSC_MILESTONES; j++)
            w->at[j] = msc_ticket_at(m, t, j);
        t->at[0] = (int32_t)m->nwide++;
        t->wide = 1;
    }
    m->wide[t->at[0]].at[i] = v;
    return 0;
}

int msc_model_is_tech(const struct msc_model *m, int person)
{
    if (person < 0)
        return 0;
    const struct msc_person *p = &m->person[person];
    return !p->excluded && (p->listed || p->named_in_work);
}

/* The row for one calendar month: the month's own row, else the undated one. */
static const struct msc_client_row *month_row(const struct msc_client *c, int ym)
{
    const struct msc_client_row *undated = NULL;
    for (size_t i = 0; i < c->nrows; i++) {
        if (c->rows[i].ym == ym)
            return &c->rows[i];
        if (c->rows[i].ym < 0)
            undated = &c->rows[i];
    }
    return undated;
}

/* Sums of a client's monthly figures over a period's months, each month
 * from its own row and weighted (kpis.md "Months in period"). An optional
 * figure's sum is NAN when no month gives it. Returns whether any month
 * has a row. */
static int month_sums(const struct msc_model *m, int client, int64_t period, double *endpoints,
                      double *revenue, double *included)
{
    int ym[3];
    double weight[3];
    int n = msc_period_months(m->period_kind, period, ym, weight), found = 0;
    *endpoints = 0;
    *revenue = *included = NAN;
    for (int i = 0; i < n; i++) {
        const struct msc_client_row *row = month_row(&m->client[client], ym[i]);
        if (!row)
            continue;
        found = 1;
        *endpoints += row->endpoints * weight[i];
        if (!isnan(row->revenue))
            *revenue = (isnan(*revenue) ? 0 : *revenue) + row->revenue * weight[i];
        if (!isnan(row->included_hours))
            *included = (isnan(*included) ? 0 : *included) + row->included_hours * weight[i];
    }
    return found;
}

int msc_model_client_money(const struct msc_model *m, int client, int64_t period,
                           double *endpoint_months, double *revenue)
{
    double e, r, inc;
    int found = month_sums(m, client, period, &e, &r, &inc);
    if (endpoint_months)
        *endpoint_months = e;
    if (revenue)
        *revenue = r;
    return found;
}

double msc_model_client_included(const struct msc_model *m, int client, int64_t period)
{
    double e, r, inc;
    month_sums(m, client, period, &e, &r, &inc);
    return inc;
}

double msc_model_hourly_cost(const struct msc_model *m, int person)
{
    if (person >= 0 && !isnan(m->person[person].hourly_cost))
        return m->person[person].hourly_cost;
    return m->settings->default_hourly_cost;
}

static int64_t slack_seconds(const struct msc_model *m)
{
    return (int64_t)llround(m->settings->coverage_slack_hours * 3600);
}

unsigned msc_model_coverage(const struct msc_model *m, int64_t period)
{
    if (m->data_end == MSC_TIME_NONE)
        return MSC_COVER_NONE;
    int64_t start = msc_period_start(m->period_kind, period), end = msc_period_end(m->period_kind, period);
    if (end <= m->data_start || start > m->data_end)
        return MSC_COVER_NONE;
    int64_t slack = slack_seconds(m);
    return (m->data_start > start + slack ? MSC_COVER_NO_START : 0) |
           (m->data_end < end - slack ? MSC_COVER_NO_END : 0);
}

int64_t msc_model_last_covered(const struct msc_model *m)
{
    /* The largest period whose end is at most the data's end + slack. */
    return msc_period_of(m->period_kind, m->data_end + slack_seconds(m)) - 1;
}
