/*
 * model.h: what the records mean.
 *
 * The model holds what must outlive a single row: people (technicians),
 * clients with their endpoints and revenue by month, the tickets table keyed
 * by id with per-ticket aggregates of their time entries, and the data
 * quality log. Time entries and surveys are never stored: the loader
 * (model/load.h) turns each into a struct msc_entry or msc_survey and hands
 * it to the KPI modules as it streams by. Memory grows with tickets, not
 * with time entries, and the tickets go in two steps once they have done
 * their work: their ids when every file is read (msc_model_end_load), the
 * table after the modules' per-ticket pass (msc_model_end_tickets).
 */
#ifndef MSC_MODEL_MODEL_H
#define MSC_MODEL_MODEL_H

#include <stddef.h>
#include <stdint.h>

#include "model/dq.h"
#include "model/period.h"
#include "model/settings.h"
#include "util/arena.h"
#include "util/names.h"
#include "util/schema.h"

enum msc_milestone { MSC_TRIAGE = 0, MSC_ENGAGEMENT, MSC_COMPLETION, MSC_MILESTONES };

/* A PSA's own SLA verdict. */
enum msc_verdict { MSC_VERDICT_NONE = 0, MSC_VERDICT_MET, MSC_VERDICT_MISSED, MSC_VERDICT_EXCLUDED };

/* A ticket, in 80 bytes: 2M of them are most of a large run's memory. Its
 * due and done times are kept as seconds after created in 32 bits, read
 * and written through msc_ticket_due/_done and msc_ticket_set_due/_done; a
 * ticket with one further than 68 years from created (a mistyped year)
 * keeps them whole in the model's side table instead (`wide`). */
struct msc_ticket {
    int64_t created;
    int64_t completed;          /* completed, else resolved: when the ticket closed;
                                 * resolved, else completed, is msc_ticket_resolved */
    double estimated_hours;     /* NAN when missing */
    int client;                 /* client id, -1 none */
    int person;                 /* the ticket's resource, -1 unassigned */
    int32_t at[2 * MSC_MILESTONES]; /* due[3], done[3]: see above */
    /* counts; 0 when the cell is empty (the loader caps them at 1e6) */
    unsigned escalations : 20;
    unsigned verdicts : 2 * MSC_MILESTONES; /* msc_ticket_verdict */
    unsigned reactive : 1;
    /* Aggregates of the ticket's kept time entries (any date or type). */
    unsigned multi_person : 1;
    unsigned wide : 1;          /* at[0] is its index in the model's wide table */
    unsigned reopens : 20;
    int first_person;
    int entries;
    double hours;
};

struct msc_person {
    double weekly_hours;
    double hourly_cost;         /* NAN: the default_hourly_cost setting */
    int64_t start_day, end_day; /* employment window from resources.csv; INT64_MIN/MAX open */
    int64_t first_entry, last_entry; /* starts of their time entries, for the implicit window */
    const char *email;          /* resources.csv email, trimmed; NULL: none (arena) */
    double monthly_pay;         /* NAN when not given (the bonus as a share of pay) */
    const char *team;           /* resources.csv team; "" when none; arena */
    unsigned listed : 1;        /* in resources.csv */
    unsigned excluded : 1;      /* include = false */
    unsigned named_in_work : 1; /* named in tickets or time entries */
};

struct msc_client_row {
    int ym;                     /* y * 12 + m - 1, or -1 for every month */
    double endpoints;
    double revenue;             /* NAN when missing */
    double included_hours;      /* hours a month the agreement covers; NAN when missing */
};

struct msc_client {
    const char *agreement;      /* the last agreement its rows name; "" when none; arena */
    unsigned listed : 1;
    unsigned in_tickets : 1;    /* named by a kept ticket */
    int64_t first_work, last_work; /* earliest and latest ticket created or entry start */
    struct msc_client_row *rows;
    size_t nrows, cap;
};

/* A time entry as the modules see it. */
struct msc_entry {
    int person;                 /* always >= 0 */
    const struct msc_ticket *ticket; /* a kept ticket, or NULL */
    int unknown_ticket;         /* named a ticket id that is not kept */
    int client;                 /* the ticket's client, else its own cell; -1 none */
    int64_t start, end, entered; /* entered may be MSC_TIME_NONE */
    double hours;
    double hours_billed;        /* NAN when not given */
    int billable;               /* 1, 0, or -1 when not given */
    unsigned absence : 1;       /* PTO, Holiday, Sick, Vacation */
    unsigned client_work : 1;   /* utilized: a client work type on a ticket or client */
};

struct msc_survey {
    int person;                 /* the survey's resource, else the ticket's; -1 none */
    int client;                 /* its own client, else the ticket's; -1 none */
    int64_t received;
    double ratio;               /* score / scale_max, 0..1 */
    int word;                   /* rated with a word rather than a number */
};

enum msc_file_state { MSC_FILE_ABSENT = 0, MSC_FILE_READ, MSC_FILE_SKIPPED };

struct msc_file_info {
    enum msc_file_state state;
    const char *path;           /* arena */
    const char *note;           /* why it was skipped, or absent; arena */
    const char *profile;        /* the profile it was read with */
    const char *date_order;     /* how its day/month order was inferred, or NULL; arena */
    const char *fields_found, *fields_missing; /* canonical fields; arena */
    unsigned has_field;         /* bit per canonical field found */
    char delimiter;
    long rows_read, rows_used, rows_rejected, rows_warned;
    unsigned long long bytes;
    /* An optional file found unusable only after rows of it were counted
     * (its dates need both day/month orders, the second far into it):
     * it cannot be skipped unless the load starts again without it. */
    int refused_late;
};

struct msc_model {
    const struct msc_settings *settings;
    enum msc_period_kind period_kind;
    struct msc_arena arena;
    struct msc_names people, clients, ticket_ids;
    struct msc_names ticket_numbers; /* second keys (Autotask ticket numbers) */
    int *ticket_number_index;   /* ticket_numbers id -> ticket id */
    size_t ticket_number_cap;
    struct msc_person *person;  /* by people id */
    size_t person_cap;
    struct msc_client *client;  /* by clients id */
    size_t client_cap;
    struct msc_ticket *ticket;  /* by ticket_ids id; NULL after msc_model_end_tickets */
    size_t ticket_cap;
    struct msc_ticket_wide {
        int64_t at[2 * MSC_MILESTONES];
    } *wide;                    /* times of tickets that do not fit 32 bits */
    size_t nwide, wide_cap;
    /* Tickets created per client and period of the report's range, client
     * after client; made when the tickets go (msc_model_end_tickets). */
    unsigned *created;
    size_t created_periods;
    struct msc_dq dq;
    struct msc_file_info file[MSC_FILE_COUNT];
    int has_escalations, has_reopens; /* the tickets file has the column */
    /* kpis.md "Data coverage": the data's start (earliest kept ticket
     * created or time-entry start), its end (the latest, absence entries
     * left out: they are booked ahead) and the earliest time entry, where
     * capacity starts. MSC_TIME_NONE while nothing was kept. */
    int64_t data_start, data_end, entries_start;
    /* The report's range and as-of time, set before tickets are dispatched. */
    int64_t first_period, last_period;
    int64_t as_of;
    int nomem;                  /* sticky: an allocation failed somewhere */
};

void msc_model_init(struct msc_model *m, const struct msc_settings *s, enum msc_period_kind kind);
void msc_model_release(struct msc_model *m);

/* Interns a person or client, growing the side tables; -1 for an empty
 * name, -2 on no memory (and m->nomem is set). */
int msc_model_person(struct msc_model *m, const char *name);
int msc_model_client(struct msc_model *m, const char *name);

/* Every file is read: frees what only the loader needs, the ticket ids
 * and second keys (80 MB at 2M tickets); tickets can no longer be found
 * by reference (msc_model_find_ticket gives -1). */
void msc_model_end_load(struct msc_model *m);

/* The per-ticket pass is over: counts the tickets created per client and
 * period of the report's range (msc_model_tickets_created), then frees the
 * tickets (160 MB at 2M tickets), which nothing reads afterwards; -1 on no
 * memory. */
int msc_model_end_tickets(struct msc_model *m);
/* Tickets created for a client in a period of the range; 0 outside it. */
unsigned msc_model_tickets_created(const struct msc_model *m, int client, int64_t period);

/* The kept ticket a reference names (its id, else its second key), or
 * -1; h: the reference's hashes worked out ahead (names.h), or NULL. */
int msc_model_find_ticket(struct msc_model *m, const char *ref, const struct msc_name_hashes *h);

/* msc_model_person and _client, given the name's hashes worked out ahead. */
int msc_model_person_hashed(struct msc_model *m, const char *name, const struct msc_name_hashes *h);
int msc_model_client_hashed(struct msc_model *m, const char *name, const struct msc_name_hashes *h);
/* Makes ref a second key of ticket id; -1 on no memory. */
int msc_model_ticket_alias(struct msc_model *m, const char *ref, int id);

/* A ticket created at `created`, with no other time, client or person. */
void msc_ticket_init(struct msc_ticket *t, int64_t created);
/* Sets time i (see msc_ticket_at) in the model's wide table; -1 on no memory. */
int msc_ticket_set_wide(struct msc_model *m, struct msc_ticket *t, int i, int64_t v);

/* Sets time i: due[k] is k, done[k] is MSC_MILESTONES + k; MSC_TIME_NONE
 * is missing. -1 on no memory. */
static inline int msc_ticket_set_at(struct msc_model *m, struct msc_ticket *t, int i, int64_t v)
{
    /* v - created in 32 bits, INT32_MIN being "missing"; created is a
     * date of years 1 to 9999, far from overflowing. */
    if (t->wide || (v != MSC_TIME_NONE && !(t->created > INT64_MIN / 2 && t->created < INT64_MAX / 2 &&
                                             v > t->created + INT32_MIN && v <= t->created + INT32_MAX)))
        return msc_ticket_set_wide(m, t, i, v);
    t->at[i] = v == MSC_TIME_NONE ? INT32_MIN : (int32_t)(v - t->created);
    return 0;
}
static inline int msc_ticket_set_due(struct msc_model *m, struct msc_ticket *t, enum msc_milestone k,
                                     int64_t v)
{
    return msc_ticket_set_at(m, t, (int)k, v);
}
static inline int msc_ticket_set_done(struct msc_model *m, struct msc_ticket *t, enum msc_milestone k,
                                      int64_t v)
{
    return msc_ticket_set_at(m, t, MSC_MILESTONES + (int)k, v);
}
static inline void msc_ticket_set_verdict(struct msc_ticket *t, enum msc_milestone k, enum msc_verdict v)
{
    unsigned shift = 2 * (unsigned)k;
    t->verdicts = (t->verdicts & ~(3u << shift)) | ((unsigned)v & 3u) << shift;
}

/* MSC_TIME_NONE when missing. */
static inline int64_t msc_ticket_at(const struct msc_model *m, const struct msc_ticket *t, int i)
{
    if (t->wide)
        return m->wide[t->at[0]].at[i];
    return t->at[i] == INT32_MIN ? MSC_TIME_NONE : t->created + t->at[i];
}
static inline int64_t msc_ticket_due(const struct msc_model *m, const struct msc_ticket *t,
                                     enum msc_milestone k)
{
    return msc_ticket_at(m, t, (int)k);
}
/* done[MSC_COMPLETION] is `resolved`. */
static inline int64_t msc_ticket_done(const struct msc_model *m, const struct msc_ticket *t,
                                      enum msc_milestone k)
{
    return msc_ticket_at(m, t, MSC_MILESTONES + (int)k);
}
/* resolved, else completed: the end of mttr. */
static inline int64_t msc_ticket_resolved(const struct msc_model *m, const struct msc_ticket *t)
{
    int64_t resolved = msc_ticket_done(m, t, MSC_COMPLETION);
    return resolved != MSC_TIME_NONE ? resolved : t->completed;
}
static inline enum msc_verdict msc_ticket_verdict(const struct msc_ticket *t, enum msc_milestone k)
{
    return (enum msc_verdict)(t->verdicts >> (2 * (int)k) & 3);
}

/* A person on the scorecard: named in tickets or time entries, or listed
 * in resources.csv, and not include = false. */
int msc_model_is_tech(const struct msc_model *m, int person);

/* Endpoint-months and revenue of a client for a period (kpis.md: a month
 * row wins over the undated row; weeks weigh 7 / 30.4375). Either out may be
 * NULL; revenue is NAN when no month of the period has a revenue figure.
 * Returns 0 when the client has no row for any of the months. */
int msc_model_client_money(const struct msc_model *m, int client, int64_t period,
                           double *endpoint_months, double *revenue);

/* How the data covers a period (kpis.md "Data coverage"), as flags:
 * none when covered at both ends. */
enum {
    MSC_COVER_NO_START = 1, /* the data starts after the period's start + slack */
    MSC_COVER_NO_END = 2,   /* the data ends before the period's end - slack */
    MSC_COVER_NONE = 4      /* no data at all: the period ends at or before the
                             * data's start, or starts after its end */
};
unsigned msc_model_coverage(const struct msc_model *m, int64_t period);
/* The last period covered at its end; only when m->data_end is known. */
int64_t msc_model_last_covered(const struct msc_model *m);

/* Included hours of a client's agreement for a period, summed over its
 * months as endpoints are; NAN when no month of the period gives them. */
double msc_model_client_included(const struct msc_model *m, int client, int64_t period);

/* The hourly cost of a person's hours. */
double msc_model_hourly_cost(const struct msc_model *m, int person);

#endif
