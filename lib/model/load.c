/* load.c: rows to records, with every rejection and warning logged. */
#include "model/load.h"
#include "read/csvread.h"
#include "read/field.h"
#include "util/mem.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const msc_file_names[MSC_FILE_COUNT] = {
    "tickets.csv", "time_entries.csv", "surveys.csv", "clients.csv", "resources.csv",
};

/* Canonical fields per file (data-model.md), in header-matching form. */
enum { T_ID, T_CREATED, T_CLIENT, T_TYPE, T_RESOURCE, T_FR_DUE, T_FR, T_RP_DUE, T_RP, T_RES_DUE,
       T_RES, T_COMPLETED, T_ESTIMATE, T_ESCALATIONS, T_REOPENS, T_FR_MET, T_RP_MET, T_RES_MET };
static const char *const ticket_fields[] = {
    "ticket_id", "created", "client", "ticket_type", "resource", "first_response_due",
    "first_response", "resolution_plan_due", "resolution_plan", "resolved_due", "resolved",
    "completed", "estimated_hours", "escalations", "reopens", "first_response_met",
    "resolution_plan_met", "resolved_met", NULL};

enum { E_TICKET, E_RESOURCE, E_START, E_END, E_DATE, E_HOURS, E_BILLED, E_BILLABLE, E_TYPE,
       E_CLIENT, E_ENTERED };
static const char *const entry_fields[] = {
    "ticket_id", "resource", "start", "end", "date_worked", "hours_worked", "hours_billed",
    "billable", "work_type", "client", "entered", NULL};

enum { S_TICKET, S_RESOURCE, S_CLIENT, S_RECEIVED, S_SCORE, S_SCALE };
static const char *const survey_fields[] = {
    "ticket_id", "resource", "client", "received", "score", "scale_max", NULL};

enum { C_CLIENT, C_ENDPOINTS, C_REVENUE, C_MONTH };
static const char *const client_fields[] = {"client", "endpoints", "monthly_revenue", "month", NULL};

enum { R_RESOURCE, R_WEEKLY, R_COST, R_START, R_END, R_INCLUDE };
static const char *const resource_fields[] = {
    "resource", "weekly_hours", "hourly_cost", "start_date", "end_date", "include", NULL};

static const char *const *const file_fields[MSC_FILE_COUNT] = {
    ticket_fields, entry_fields, survey_fields, client_fields, resource_fields};

/* Required columns; a '|' joins alternatives ("start|date_worked"). */
static const char *const required_columns[MSC_FILE_COUNT][4] = {
    {"ticket_id", "created", "client", NULL},
    {"resource", "start|date_worked", NULL},
    {"score", NULL},
    {"client", "endpoints", NULL},
    {"resource", NULL},
};

#define MAX_FIELDS 24
#define PROFILE_SCALE_MAX 10 /* the generic profile's survey scale */

struct loader {
    struct msc_model *m;
    enum msc_file file;
    const struct msc_load_sink *sink;
    struct msc_file_info *info;
    int col[MAX_FIELDS];         /* field -> column, -1 absent */
    int decimal_comma;
    const struct msc_csv_row *row;
    int warned;                  /* the current row has a warning */
    int rejected;
    struct msc_error *err;
    enum msc_status status;      /* a header fault found in the callback */
};

/* Header names match ignoring case, spaces, _ # ( ) / . and -. */
static void header_key(const char *s, char *out, size_t cap)
{
    size_t n = 0;
    for (; *s && n + 1 < cap; s++) {
        unsigned char c = (unsigned char)*s;
        if (strchr(" _#()/.-\t", c))
            continue;
        out[n++] = (char)(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
    out[n] = '\0';
}

static const char *cell(const struct loader *ld, int field)
{
    int c = ld->col[field];
    return c >= 0 && (size_t)c < ld->row->nfields ? ld->row->fields[c] : "";
}

static int is_blank(const char *s)
{
    for (; *s; s++)
        if (!strchr(" \t\r\n\f\v", *s))
            return 0;
    return 1;
}

static int present(const struct loader *ld, int field) { return !is_blank(cell(ld, field)); }

static const char *field_name(const struct loader *ld, int field)
{
    return file_fields[ld->file][field];
}

static void log_item(struct loader *ld, enum msc_severity sev, int field, const char *reason)
{
    int column = field >= 0 && ld->col[field] >= 0 ? ld->col[field] + 1 : 0;
    if (msc_dq_add(&ld->m->dq, (int)ld->file, ld->row->line, column, sev, reason,
                   field >= 0 ? cell(ld, field) : NULL) < 0)
        ld->m->nomem = 1;
}

/* A reason: a generic fault ("missing required field") is followed by the
 * field's name; a specific one ("duplicate ticket id") names itself. */
static void compose(const struct loader *ld, int field, const char *what, const char *consequence,
                    char *reason, size_t cap)
{
    static const char *const generic[] = {"missing required field", "unparseable date",
                                          "unparseable number", "unparseable boolean",
                                          "unparseable count", "unparseable SLA flag",
                                          "number out of range", "negative count",
                                          "due time before created", NULL};
    int name_it = 0;
    for (int i = 0; generic[i] && field >= 0; i++)
        name_it |= strcmp(what, generic[i]) == 0;
    int n = name_it ? snprintf(reason, cap, "%s: %s", what, field_name(ld, field))
                    : snprintf(reason, cap, "%s", what);
    if (consequence && n >= 0 && (size_t)n < cap)
        snprintf(reason + n, cap - (size_t)n, " (%s)", consequence);
}

/* Rejects the row for its first fault; returns -1 so callers can return it. */
static int reject(struct loader *ld, int field, const char *what)
{
    char reason[160];
    compose(ld, field, what, NULL, reason, sizeof reason);
    log_item(ld, MSC_REJECTED, field, reason);
    ld->rejected = 1;
    return -1;
}

/* Logs a warning; the row is kept. */
static void warn(struct loader *ld, int field, const char *what, const char *consequence)
{
    char reason[200];
    compose(ld, field, what, consequence, reason, sizeof reason);
    log_item(ld, MSC_WARNING, field, reason);
    ld->warned = 1;
}

/* An optional date-time: a bad one is a warning and reads as missing. */
static int64_t opt_time(struct loader *ld, int field)
{
    int64_t t = MSC_TIME_NONE;
    int st = msc_parse_datetime(cell(ld, field), ld->m->settings->date_order, &t);
    if (st == MSC_FIELD_BAD)
        warn(ld, field, "unparseable date", "treated as missing");
    return st == MSC_FIELD_OK ? t : MSC_TIME_NONE;
}

/* An optional number >= 0: a bad or negative one is a warning, NAN. */
static double opt_number(struct loader *ld, int field)
{
    double v = NAN;
    int st = msc_parse_number(cell(ld, field), ld->decimal_comma, &v);
    if (st == MSC_FIELD_BAD) {
        warn(ld, field, "unparseable number", "treated as missing");
        return NAN;
    }
    if (st == MSC_FIELD_OK && v < 0) {
        warn(ld, field, "number out of range", "treated as missing");
        return NAN;
    }
    return st == MSC_FIELD_OK ? v : NAN;
}

/* An optional boolean: 1, 0, or -1 when missing or bad (bad warns). */
static int opt_bool(struct loader *ld, int field)
{
    int b = -1;
    if (msc_parse_bool(cell(ld, field), &b) == MSC_FIELD_BAD) {
        warn(ld, field, "unparseable boolean", "treated as missing");
        return -1;
    }
    return b;
}

/* escalations / reopens: a count >= 0 or a boolean word; empty is 0. */
static int opt_count(struct loader *ld, int field)
{
    double v;
    int b;
    const char *s = cell(ld, field);
    int st = msc_parse_number(s, ld->decimal_comma, &v);
    if (st == MSC_FIELD_EMPTY)
        return 0;
    if (st == MSC_FIELD_OK && v >= 0)
        return v > 1e6 ? 1000000 : (int)ceil(v);
    if (st == MSC_FIELD_OK) {
        warn(ld, field, "negative count", "treated as 0");
        return 0;
    }
    if (msc_parse_bool(s, &b) == MSC_FIELD_OK)
        return b;
    warn(ld, field, "unparseable count", "treated as 0");
    return 0;
}

/* A PSA SLA verdict: true/false words, or excluded / E / n/a. */
static unsigned char opt_verdict(struct loader *ld, int field)
{
    const char *s = cell(ld, field);
    char folded[16];
    int b;
    if (is_blank(s))
        return MSC_VERDICT_NONE;
    msc_name_fold(s, folded, sizeof folded);
    if (!strcmp(folded, "excluded") || !strcmp(folded, "e") || !strcmp(folded, "n/a") ||
        !strcmp(folded, "na"))
        return MSC_VERDICT_EXCLUDED;
    if (msc_parse_bool(s, &b) == MSC_FIELD_OK)
        return b ? MSC_VERDICT_MET : MSC_VERDICT_MISSED;
    warn(ld, field, "unparseable SLA flag", "computed from the times");
    return MSC_VERDICT_NONE;
}

static void note_end(struct msc_model *m, int64_t t)
{
    if (t != MSC_TIME_NONE && (m->data_end == MSC_TIME_NONE || t > m->data_end))
        m->data_end = t;
}

static int load_ticket(struct loader *ld)
{
    struct msc_model *m = ld->m;
    static const int required[] = {T_ID, T_CREATED, T_CLIENT};
    for (size_t i = 0; i < 3; i++)
        if (!present(ld, required[i]))
            return reject(ld, required[i], "missing required field");
    int64_t created;
    if (msc_parse_datetime(cell(ld, T_CREATED), m->settings->date_order, &created) != MSC_FIELD_OK)
        return reject(ld, T_CREATED, "unparseable date");
    if (msc_names_find(&m->ticket_ids, cell(ld, T_ID)) >= 0)
        return reject(ld, T_ID, "duplicate ticket id");

    struct msc_ticket t;
    memset(&t, 0, sizeof t);
    t.created = created;
    t.first_person = -1;
    t.client = msc_model_client(m, cell(ld, T_CLIENT));
    t.person = msc_model_person(m, cell(ld, T_RESOURCE));
    if (t.person >= 0)
        m->person[t.person].named_in_work = 1;
    t.reactive = !present(ld, T_TYPE) || msc_name_in_list(cell(ld, T_TYPE), m->settings->reactive_types);
    static const int due[] = {T_FR_DUE, T_RP_DUE, T_RES_DUE}, done[] = {T_FR, T_RP, T_RES},
                     met[] = {T_FR_MET, T_RP_MET, T_RES_MET};
    for (int k = 0; k < MSC_MILESTONES; k++) {
        t.due[k] = opt_time(ld, due[k]);
        t.done[k] = opt_time(ld, done[k]);
        t.verdict[k] = opt_verdict(ld, met[k]);
        if (t.due[k] != MSC_TIME_NONE && t.due[k] < created)
            warn(ld, due[k], "due time before created", "kept");
    }
    int64_t completed = opt_time(ld, T_COMPLETED), resolved = t.done[MSC_COMPLETION];
    t.completed = completed != MSC_TIME_NONE ? completed : resolved;
    t.resolved = resolved != MSC_TIME_NONE ? resolved : completed;
    if (t.resolved != MSC_TIME_NONE && t.resolved < created)
        warn(ld, -1, "resolved/completed before created (left out of mttr)", NULL);
    t.estimated_hours = opt_number(ld, T_ESTIMATE);
    t.escalations = opt_count(ld, T_ESCALATIONS);
    t.reopens = opt_count(ld, T_REOPENS);

    int id = msc_names_intern(&m->ticket_ids, cell(ld, T_ID));
    if (id < 0 || msc_grow(&m->ticket, &m->ticket_cap, (size_t)id + 1, sizeof *m->ticket) < 0) {
        m->nomem = 1;
        return -1;
    }
    m->ticket[id] = t;
    note_end(m, created);
    return 0;
}

static int load_entry(struct loader *ld)
{
    struct msc_model *m = ld->m;
    const struct msc_settings *set = m->settings;
    if (!present(ld, E_RESOURCE))
        return reject(ld, E_RESOURCE, "missing required field");
    if (!present(ld, E_START) && !present(ld, E_DATE))
        return reject(ld, E_START, "missing required field: start or date_worked");
    if (!present(ld, E_HOURS) && !(present(ld, E_START) && present(ld, E_END)))
        return reject(ld, E_HOURS, "missing required field");

    /* start, else date_worked at midnight: either may stand in for the other. */
    int64_t start = MSC_TIME_NONE, day = MSC_TIME_NONE, end = MSC_TIME_NONE;
    int st_start = msc_parse_datetime(cell(ld, E_START), set->date_order, &start);
    int st_day = msc_parse_datetime(cell(ld, E_DATE), set->date_order, &day);
    if (st_start == MSC_FIELD_BAD && st_day != MSC_FIELD_OK)
        return reject(ld, E_START, "unparseable date");
    if (st_day == MSC_FIELD_BAD && st_start != MSC_FIELD_OK)
        return reject(ld, E_DATE, "unparseable date");
    int st_end = msc_parse_datetime(cell(ld, E_END), set->date_order, &end);
    double hours = NAN;
    int st_hours = msc_parse_number(cell(ld, E_HOURS), ld->decimal_comma, &hours);
    int have_span = st_start == MSC_FIELD_OK && st_end == MSC_FIELD_OK;
    if (st_hours == MSC_FIELD_BAD && !have_span)
        return reject(ld, E_HOURS, "unparseable number");
    if (st_hours == MSC_FIELD_OK && (hours < 0 || hours > 24 * 366))
        return reject(ld, E_HOURS, "number out of range");
    if (st_hours != MSC_FIELD_OK && have_span && end < start)
        return reject(ld, E_END, "end before start");

    if (st_start == MSC_FIELD_BAD)
        warn(ld, E_START, "unparseable date", "date_worked used");
    if (st_day == MSC_FIELD_BAD)
        warn(ld, E_DATE, "unparseable date", "start used");
    if (st_end == MSC_FIELD_BAD)
        warn(ld, E_END, "unparseable date", "treated as missing");
    if (st_hours == MSC_FIELD_BAD)
        warn(ld, E_HOURS, "unparseable number", "end - start used");

    struct msc_entry e;
    memset(&e, 0, sizeof e);
    e.start = st_start == MSC_FIELD_OK ? start : day;
    if (st_hours != MSC_FIELD_OK)
        hours = (double)(end - start) / 3600;
    e.hours = hours;
    e.end = st_end == MSC_FIELD_OK ? end : e.start + (int64_t)llround(hours * 3600);
    e.entered = opt_time(ld, E_ENTERED);
    e.billable = opt_bool(ld, E_BILLABLE);
    opt_number(ld, E_BILLED);
    if (hours > set->long_entry_hours) {
        char what[64];
        snprintf(what, sizeof what, "time entry over %g hours (kept)", set->long_entry_hours);
        warn(ld, -1, what, NULL);
    }

    e.person = msc_model_person(m, cell(ld, E_RESOURCE));
    if (e.person < 0)
        return -1;
    struct msc_person *p = &m->person[e.person];
    p->named_in_work = 1;
    if (p->first_entry == MSC_TIME_NONE || e.start < p->first_entry)
        p->first_entry = e.start;
    if (p->last_entry == MSC_TIME_NONE || e.start > p->last_entry)
        p->last_entry = e.start;

    int on_ticket = present(ld, E_TICKET);
    if (on_ticket) {
        int id = msc_names_find(&m->ticket_ids, cell(ld, E_TICKET));
        if (id >= 0) {
            struct msc_ticket *t = &m->ticket[id];
            e.ticket = t;
            if (t->entries++ == 0)
                t->first_person = e.person;
            else if (t->first_person != e.person)
                t->multi_person = 1;
            t->hours += hours;
        } else {
            e.unknown_ticket = 1;
            warn(ld, E_TICKET, "ticket id not in tickets.csv", "kept; not counted for ticket KPIs");
        }
    }
    e.client = e.ticket ? e.ticket->client : msc_model_client(m, cell(ld, E_CLIENT));
    const char *type = cell(ld, E_TYPE);
    e.absence = msc_name_in_list(type, set->absence_work_types);
    e.client_work = (on_ticket || present(ld, E_CLIENT)) &&
                    !msc_name_in_list(type, set->non_client_work_types);
    note_end(m, e.start);
    if (ld->sink && ld->sink->entry)
        ld->sink->entry(ld->sink->ctx, &e);
    return 0;
}

static int load_survey(struct loader *ld)
{
    struct msc_model *m = ld->m;
    const struct msc_settings *set = m->settings;
    if (!present(ld, S_SCORE))
        return reject(ld, S_SCORE, "missing required field");
    double score, scale = NAN;
    int word = msc_parse_number(cell(ld, S_SCORE), ld->decimal_comma, &score) != MSC_FIELD_OK;
    if (word && msc_parse_rating(cell(ld, S_SCORE), &score) != MSC_FIELD_OK)
        return reject(ld, S_SCORE, "unparseable score");

    const struct msc_ticket *t = NULL;
    int unknown_ticket = 0;
    if (present(ld, S_TICKET)) {
        int id = msc_names_find(&m->ticket_ids, cell(ld, S_TICKET));
        t = id >= 0 ? &m->ticket[id] : NULL;
        unknown_ticket = id < 0;
    }
    int64_t received = MSC_TIME_NONE;
    int st_received = msc_parse_datetime(cell(ld, S_RECEIVED), set->date_order, &received);
    int64_t fallback = t ? t->completed : MSC_TIME_NONE;
    if (st_received == MSC_FIELD_BAD && fallback == MSC_TIME_NONE)
        return reject(ld, S_RECEIVED, "unparseable date");
    if (st_received == MSC_FIELD_EMPTY && fallback == MSC_TIME_NONE)
        return reject(ld, S_RECEIVED, "missing required field: received (no completed ticket to take it from)");

    if (!word) {
        int st_scale = msc_parse_number(cell(ld, S_SCALE), ld->decimal_comma, &scale);
        if (st_scale != MSC_FIELD_OK || !(scale > 0))
            scale = isnan(set->survey_scale_max) ? PROFILE_SCALE_MAX : set->survey_scale_max;
        if (score < 0 || score > scale)
            return reject(ld, S_SCORE, "number out of range");
        if (st_scale == MSC_FIELD_BAD || (st_scale == MSC_FIELD_OK && !(scale > 0)))
            warn(ld, S_SCALE, "unparseable number", "the default scale used");
        score /= scale;
    }
    if (st_received == MSC_FIELD_BAD)
        warn(ld, S_RECEIVED, "unparseable date", "the ticket's completed time used");
    if (unknown_ticket)
        warn(ld, S_TICKET, "ticket id not in tickets.csv", "kept; not counted for ticket KPIs");

    struct msc_survey s;
    s.received = st_received == MSC_FIELD_OK ? received : fallback;
    s.ratio = score;
    s.word = word;
    s.person = present(ld, S_RESOURCE) ? msc_model_person(m, cell(ld, S_RESOURCE)) : t ? t->person : -1;
    s.client = present(ld, S_CLIENT) ? msc_model_client(m, cell(ld, S_CLIENT)) : t ? t->client : -1;
    if (m->nomem)
        return -1;
    if (ld->sink && ld->sink->survey)
        ld->sink->survey(ld->sink->ctx, &s);
    return 0;
}

static int load_client(struct loader *ld)
{
    struct msc_model *m = ld->m;
    if (!present(ld, C_CLIENT))
        return reject(ld, C_CLIENT, "missing required field");
    if (!present(ld, C_ENDPOINTS))
        return reject(ld, C_ENDPOINTS, "missing required field");
    double endpoints;
    if (msc_parse_number(cell(ld, C_ENDPOINTS), ld->decimal_comma, &endpoints) != MSC_FIELD_OK)
        return reject(ld, C_ENDPOINTS, "unparseable number");
    int ym = -1;
    if (present(ld, C_MONTH)) {
        int y, mo, n = 0;
        const char *s = cell(ld, C_MONTH);
        while (*s == ' ')
            s++;
        if (sscanf(s, "%4d-%2d%n", &y, &mo, &n) != 2 || !is_blank(s + n) || y < 1 || mo < 1 || mo > 12)
            return reject(ld, C_MONTH, "unparseable month (YYYY-MM)");
        ym = y * 12 + mo - 1;
    }
    if (endpoints < 0)
        return reject(ld, C_ENDPOINTS, "number out of range");
    int id = msc_names_find(&m->clients, cell(ld, C_CLIENT));
    if (id >= 0)
        for (size_t i = 0; i < m->client[id].nrows; i++)
            if (m->client[id].rows[i].ym == ym)
                return reject(ld, C_CLIENT, ym < 0 ? "duplicate client" : "duplicate client month");
    double revenue = opt_number(ld, C_REVENUE);
    id = msc_model_client(m, cell(ld, C_CLIENT));
    struct msc_client *c = id >= 0 ? &m->client[id] : NULL;
    if (!c || msc_grow(&c->rows, &c->cap, c->nrows + 1, sizeof *c->rows) < 0) {
        m->nomem = 1;
        return -1;
    }
    c->listed = 1;
    c->rows[c->nrows++] = (struct msc_client_row){ym, endpoints, revenue};
    return 0;
}

static int load_resource(struct loader *ld)
{
    struct msc_model *m = ld->m;
    if (!present(ld, R_RESOURCE))
        return reject(ld, R_RESOURCE, "missing required field");
    int id = msc_names_find(&m->people, cell(ld, R_RESOURCE));
    if (id >= 0 && m->person[id].listed)
        return reject(ld, R_RESOURCE, "duplicate resource");
    double weekly = opt_number(ld, R_WEEKLY), cost = opt_number(ld, R_COST);
    int64_t start = opt_time(ld, R_START), end = opt_time(ld, R_END);
    int include = opt_bool(ld, R_INCLUDE);
    id = msc_model_person(m, cell(ld, R_RESOURCE));
    if (id < 0)
        return -1;
    struct msc_person *p = &m->person[id];
    p->listed = 1;
    p->excluded = include == 0;
    if (!isnan(weekly))
        p->weekly_hours = weekly;
    p->hourly_cost = cost;
    if (start != MSC_TIME_NONE)
        p->start_day = start / 86400;
    if (end != MSC_TIME_NONE)
        p->end_day = end / 86400;
    return 0;
}

static int (*const load_row[MSC_FILE_COUNT])(struct loader *) = {
    load_ticket, load_entry, load_survey, load_client, load_resource};

/* Lists the header row for a message: "a, b, c" (cut when long). */
static void list_headers(const struct msc_csv_row *row, char *buf, size_t cap)
{
    size_t n = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < row->nfields && n + 8 < cap; i++)
        n += (size_t)snprintf(buf + n, cap - n, "%s'%s'", i ? ", " : "", row->fields[i]);
    if (n >= cap)
        strcpy(buf + cap - 5, "...");
}

static int map_header(struct loader *ld, const struct msc_csv_row *row)
{
    const char *const *fields = file_fields[ld->file];
    char key[64], want[64];
    for (int f = 0; f < MAX_FIELDS; f++)
        ld->col[f] = -1;
    for (size_t c = row->nfields; c-- > 0;) {
        header_key(row->fields[c], key, sizeof key);
        for (int f = 0; fields[f]; f++) {
            header_key(fields[f], want, sizeof want);
            if (strcmp(key, want) == 0)
                ld->col[f] = (int)c; /* walking backwards: the first repeat wins */
        }
    }
    for (int r = 0; required_columns[ld->file][r]; r++) {
        const char *alts = required_columns[ld->file][r];
        int found = 0;
        for (int f = 0; fields[f]; f++) {
            size_t len = strlen(fields[f]);
            const char *p = strstr(alts, fields[f]);
            if (ld->col[f] >= 0 && p && (p == alts || p[-1] == '|') && (p[len] == '\0' || p[len] == '|'))
                found = 1;
        }
        if (!found) {
            char headers[600];
            list_headers(row, headers, sizeof headers);
            msc_error_set(ld->err, MSC_ERR_INPUT,
                          "%s:1: missing required column '%s' (columns found: %s)",
                          ld->info->path, alts, headers);
            return -1;
        }
    }
    if (ld->file == MSC_FILE_TICKETS) {
        ld->m->has_escalations = ld->col[T_ESCALATIONS] >= 0;
        ld->m->has_reopens = ld->col[T_REOPENS] >= 0;
    }
    return 0;
}

static int on_row(void *ctx, const struct msc_csv_row *row)
{
    struct loader *ld = ctx;
    if (row->index == 0) {
        /* The decimal separator follows the delimiter unless the settings fix it. */
        ld->decimal_comma = ld->m->settings->decimal_comma >= 0 ? ld->m->settings->decimal_comma
                                                                : row->delimiter == ';';
        if (map_header(ld, row) < 0) {
            ld->status = MSC_ERR_INPUT;
            return 1;
        }
        return 0;
    }
    ld->row = row;
    ld->warned = ld->rejected = 0;
    ld->info->rows_read++;
    load_row[ld->file](ld);
    if (ld->m->nomem) {
        ld->status = MSC_ERR_NOMEM;
        return 1;
    }
    if (ld->rejected)
        ld->info->rows_rejected++;
    else
        ld->info->rows_used++;
    if (ld->warned && !ld->rejected)
        ld->info->rows_warned++;
    return 0;
}

static void on_bad(void *ctx, long line, const char *reason)
{
    struct loader *ld = ctx;
    ld->info->rows_read++;
    ld->info->rows_rejected++;
    if (msc_dq_add(&ld->m->dq, (int)ld->file, line, 0, MSC_REJECTED, reason, NULL) < 0)
        ld->m->nomem = 1;
}

enum msc_status msc_load_file(struct msc_model *m, enum msc_file which, const char *path,
                              const struct msc_load_sink *sink, struct msc_error *err)
{
    struct msc_file_info *info = &m->file[which];
    struct loader ld;
    memset(&ld, 0, sizeof ld);
    ld.m = m;
    ld.file = which;
    ld.sink = sink;
    ld.info = info;
    ld.err = err;
    info->path = msc_arena_strdup(&m->arena, path);
    info->profile = "generic";
    if (!info->path)
        return msc_error_set(err, MSC_ERR_NOMEM, "out of memory");

    static const struct msc_csv_callbacks cb = {on_row, on_bad};
    struct msc_csv_info csv = {0};
    struct msc_error local = {0};
    enum msc_status st;
    st = msc_csv_read_file(path, path, &cb, &ld, &csv, &local);
    if (ld.status != MSC_OK)
        st = ld.status;
    if (st == MSC_OK && m->nomem)
        st = msc_error_set(&local, MSC_ERR_NOMEM, "out of memory");
    else if (ld.status == MSC_ERR_INPUT)
        local = *err;
    else if (ld.status == MSC_ERR_NOMEM)
        msc_error_set(&local, MSC_ERR_NOMEM, "%s: out of memory", path);
    info->delimiter = csv.delimiter;
    info->bytes = csv.bytes;
    if (st == MSC_OK) {
        info->state = MSC_FILE_READ;
        return MSC_OK;
    }
    if (st == MSC_ERR_INPUT && which != MSC_FILE_TICKETS) {
        /* An optional file with a fault is skipped; its KPIs have no value. */
        info->state = MSC_FILE_SKIPPED;
        info->note = msc_arena_strdup(&m->arena, local.msg);
        info->rows_read = info->rows_used = info->rows_rejected = info->rows_warned = 0;
        return info->note ? MSC_OK : msc_error_set(err, MSC_ERR_NOMEM, "out of memory");
    }
    *err = local;
    return st;
}
