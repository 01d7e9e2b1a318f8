/* load.c: rows to records, with every rejection and warning logged. */
#include "model/load.h"
#include "read/csvread.h"
#include "read/dateorder.h"
#include "read/field.h"
#include "read/profile.h"
#include "util/mem.h"

#include <errno.h>
#include <fcntl.h>
#include <stdatomic.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>


/* The date fields of each file. */
static const int date_fields[MSC_FILE_COUNT][8] = {
    {MSC_T_CREATED, MSC_T_FR_DUE, MSC_T_FR, MSC_T_RP_DUE, MSC_T_RP, MSC_T_RES_DUE, MSC_T_RES,
     MSC_T_COMPLETED},
    {MSC_E_START, MSC_E_END, MSC_E_DATE, MSC_E_ENTERED, -1, -1, -1, -1},
    {MSC_S_RECEIVED, -1, -1, -1, -1, -1, -1, -1},
    {-1, -1, -1, -1, -1, -1, -1, -1},
    {MSC_R_START, MSC_R_END, -1, -1, -1, -1, -1, -1},
};

/* The fields whose names are looked up, hashed ahead: ticket references
 * first, which are hashed folded too (names.h, msc_names_hash). */
static const int name_fields[MSC_FILE_COUNT][4] = {
    {MSC_T_ID, MSC_T_NUMBER, MSC_T_CLIENT, MSC_T_RESOURCE},
    {MSC_E_TICKET, MSC_E_RESOURCE, MSC_E_CLIENT, -1},
    {MSC_S_TICKET, MSC_S_RESOURCE, MSC_S_CLIENT, -1},
    {-1, -1, -1, -1},
    {-1, -1, -1, -1},
};
static const int ticket_name_fields[MSC_FILE_COUNT] = {2, 1, 1, 0, 0};

/* What the parser threads read a row with (csvread.h, prepare): set once
 * the header is mapped and never changed after. */
struct prep {
    struct msc_header_map map;
    const struct msc_profile *profile;
    enum msc_date_order order;
    int pending;                 /* the day/month order was still open */
    int field[8], name[4];       /* date and name fields, by slot */
    int name_keyed[4];           /* the name is a ticket reference */
    int n, nnames;
};

/* A row's dates and names as the parser thread read them. */
enum { NOT_PREPARED = -1 };
struct prepared {
    int64_t t[8];
    signed char st[8];           /* MSC_FIELD_*, or NOT_PREPARED */
    int votes;                   /* a date puts the year last (row_votes) */
    struct msc_name_hashes name[4];
};
_Static_assert(sizeof(struct prepared) <= MSC_CSV_PREPARED_MAX, "a prepared row fits the reader's buffer");

struct loader {
    struct msc_model *m;
    enum msc_file file;
    const struct msc_load_sink *sink;
    struct msc_file_info *info;
    const struct msc_profile *profile; /* forced, or NULL to detect */
    struct msc_header_map map;
    const struct msc_profile *used_profile;
    enum msc_date_order date_order;
    FILE *spool;                 /* a copy of a pipe or stdin, or NULL */
    /* The day/month order is inferred from the date columns and not yet
     * known: no date so far put the year last. */
    int order_pending, fatal;
    int date_cols[8];
    size_t ndate_cols;
    char delimiter;
    struct {
        char name[48];
        unsigned flags;
    } types[32];                 /* ticket and work types seen (type_flags) */
    int ntypes;
    int decimal_comma;
    const struct msc_csv_row *row;
    int warned;                  /* the current row has a warning */
    int rejected;
    struct msc_error *err;
    enum msc_status status;      /* a header fault found in the callback */
    struct prep prep;
    const void *_Atomic prep_with; /* &prep once the header is mapped */
    signed char date_slot[MSC_MAX_FIELDS], name_slot[MSC_MAX_FIELDS]; /* field -> slot, or -1 */
};

static int in_words(const char *words, const char *s);

/* A row's cell of a field, "" when absent or one of the profile's words
 * for empty. */
static const char *cell_in(const struct msc_header_map *map, const struct msc_profile *p,
                           const struct msc_csv_row *row, int field)
{
    int c = map->col[field];
    const char *s = c >= 0 && (size_t)c < row->nfields ? row->fields[c] : "";
    if (p->empty_words && *s) {
        char folded[16];
        if (msc_name_fold(s, folded, sizeof folded) < sizeof folded && in_words(p->empty_words, folded))
            return "";
    }
    return s;
}

static const char *cell(const struct loader *ld, int field)
{
    return cell_in(&ld->map, ld->used_profile, ld->row, field);
}

/* In a parser thread: the row's dates, and the hashes of its names. While
 * the order is open, a date that puts the year last is left to on_row
 * (which then settles the order); any other reads alike in both orders
 * (data-model.md). */
static void prepare_row(const void *with, const struct msc_csv_row *row, void *out)
{
    const struct prep *p = with;
    struct prepared *d = out;
    for (int i = 0; i < p->nnames; i++)
        msc_names_hash(cell_in(&p->map, p->profile, row, p->name[i]), p->name_keyed[i], &d->name[i]);
    d->votes = 0;
    for (int i = 0; i < p->n; i++) {
        size_t c = (size_t)p->map.col[p->field[i]];
        if (p->pending && c < row->nfields && msc_date_vote(row->fields[c]) != MSC_VOTE_NONE) {
            d->votes = 1;
            d->st[i] = NOT_PREPARED;
            continue;
        }
        int64_t t = MSC_TIME_NONE;
        d->st[i] = (signed char)msc_parse_datetime(cell_in(&p->map, p->profile, row, p->field[i]), p->order, &t);
        d->t[i] = t;
    }
}

/* Lets the parser threads read the rows to come. */
static void publish_prep(struct loader *ld)
{
    struct prep *p = &ld->prep;
    p->map = ld->map;
    p->profile = ld->used_profile;
    p->order = ld->date_order;
    p->pending = ld->order_pending;
    for (int i = 0; i < 8 && date_fields[ld->file][i] >= 0; i++)
        if (ld->map.col[date_fields[ld->file][i]] >= 0) {
            ld->date_slot[date_fields[ld->file][i]] = (signed char)p->n;
            p->field[p->n++] = date_fields[ld->file][i];
        }
    for (int i = 0; i < 4 && name_fields[ld->file][i] >= 0; i++)
        if (ld->map.col[name_fields[ld->file][i]] >= 0) {
            ld->name_slot[name_fields[ld->file][i]] = (signed char)p->nnames;
            p->name_keyed[p->nnames] = i < ticket_name_fields[ld->file];
            p->name[p->nnames++] = name_fields[ld->file][i];
        }
    if (p->n || p->nnames)
        atomic_store(&ld->prep_with, p);
}

/* A name cell's hashes as the parser thread worked them out, or NULL. */
static const struct msc_name_hashes *hashes(const struct loader *ld, int field)
{
    const struct prepared *d = ld->row->prepared;
    int i = ld->name_slot[field];
    return d && i >= 0 ? &d->name[i] : NULL;
}

/* A date cell: as the parser thread read it, else read now. */
static int read_time(struct loader *ld, int field, int64_t *t)
{
    const struct prepared *d = ld->row->prepared;
    int i = ld->date_slot[field];
    if (d && i >= 0 && d->st[i] != NOT_PREPARED) {
        if (d->st[i] == MSC_FIELD_OK)
            *t = d->t[i];
        return d->st[i];
    }
    return msc_parse_datetime(cell(ld, field), ld->date_order, t);
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
    return msc_field_names[ld->file][field];
}

static void log_item(struct loader *ld, enum msc_severity sev, int field, const char *reason)
{
    int column = field >= 0 && ld->map.col[field] >= 0 ? ld->map.col[field] + 1 : 0;
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
    int st = read_time(ld, field, &t);
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

/* Whether folded s is one of a '|'-separated word list. */
static int in_words(const char *words, const char *s)
{
    size_t len = strlen(s);
    while (words && *words) {
        size_t n = strcspn(words, "|");
        if (n == len && strncmp(words, s, n) == 0)
            return 1;
        words += n + (words[n] == '|');
    }
    return 0;
}

/* A boolean cell read with the profile's extra words too: MSC_FIELD_OK
 * with *b set, MSC_FIELD_EMPTY (also for the profile's "none" words), or
 * MSC_FIELD_BAD. */
static int read_bool(struct loader *ld, const char *s, int *b)
{
    char folded[32];
    msc_name_fold(s, folded, sizeof folded);
    const struct msc_profile *p = ld->used_profile;
    if (in_words(p->true_words, folded))
        return *b = 1, MSC_FIELD_OK;
    if (in_words(p->false_words, folded))
        return *b = 0, MSC_FIELD_OK;
    if (in_words(p->none_words, folded))
        return MSC_FIELD_EMPTY;
    return msc_parse_bool(s, b);
}

/* An optional boolean: 1, 0, or -1 when missing or bad (bad warns). */
static int opt_bool(struct loader *ld, int field)
{
    int b = -1;
    if (read_bool(ld, cell(ld, field), &b) == MSC_FIELD_BAD) {
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
    if (read_bool(ld, s, &b) == MSC_FIELD_OK)
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
    switch (read_bool(ld, s, &b)) {
    case MSC_FIELD_OK: return b ? MSC_VERDICT_MET : MSC_VERDICT_MISSED;
    case MSC_FIELD_EMPTY: return MSC_VERDICT_NONE;
    }
    warn(ld, field, "unparseable SLA flag", "computed from the times");
    return MSC_VERDICT_NONE;
}

/* Hours as the profile writes them: decimal hours, "h:mm", or minutes for
 * a column the profile marks so. */
static int parse_hours(const struct loader *ld, int field, double *out)
{
    const char *s = cell(ld, field);
    int h, mi, n = 0;
    int st;
    if (strchr(s, ':')) {
        while (*s == ' ')
            s++;
        st = sscanf(s, "%6d:%2d%n", &h, &mi, &n) == 2 && h >= 0 && mi >= 0 && mi < 60 && is_blank(s + n)
                 ? MSC_FIELD_OK : MSC_FIELD_BAD;
        if (st == MSC_FIELD_OK)
            *out = h + mi / 60.0;
        return st;
    }
    st = msc_parse_number(s, ld->decimal_comma, out);
    if (st == MSC_FIELD_OK && ld->map.minutes[field])
        *out /= 60;
    return st;
}

enum { TYPE_ABSENCE = 1, TYPE_NON_CLIENT = 2, TYPE_REACTIVE = 4 };

/* What a ticket or work type is, against the settings' lists. Exports use a
 * handful of types, so each is matched once and remembered. */
static unsigned type_flags(struct loader *ld, const char *s)
{
    for (int i = 0; i < ld->ntypes; i++)
        if (strcmp(ld->types[i].name, s) == 0)
            return ld->types[i].flags;
    const struct msc_settings *set = ld->m->settings;
    unsigned flags = (msc_name_in_list(s, set->absence_work_types) ? TYPE_ABSENCE : 0) |
                     (msc_name_in_list(s, set->non_client_work_types) ? TYPE_NON_CLIENT : 0) |
                     (is_blank(s) || msc_name_in_list(s, set->reactive_types) ? TYPE_REACTIVE : 0);
    size_t len = strlen(s);
    if (ld->ntypes < (int)(sizeof ld->types / sizeof ld->types[0]) && len < sizeof ld->types[0].name) {
        memcpy(ld->types[ld->ntypes].name, s, len + 1);
        ld->types[ld->ntypes++].flags = flags;
    }
    return flags;
}

static void widen(int64_t *first, int64_t *last, int64_t t)
{
    if (*first == MSC_TIME_NONE || t < *first)
        *first = t;
    if (*last == MSC_TIME_NONE || t > *last)
        *last = t;
}

/* A kept ticket's created or time entry's start: how far the data reaches
 * (kpis.md "Data coverage") and when its client was last worked for. */
static void note_work(struct msc_model *m, int client, int64_t t, int absence)
{
    if (m->data_start == MSC_TIME_NONE || t < m->data_start)
        m->data_start = t;
    /* Absences are booked ahead, so they never make an export look fresh. */
    if (!absence && (m->data_end == MSC_TIME_NONE || t > m->data_end))
        m->data_end = t;
    if (client >= 0)
        widen(&m->client[client].first_work, &m->client[client].last_work, t);
}

static int load_ticket(struct loader *ld)
{
    struct msc_model *m = ld->m;
    /* Autotask has a numeric id and a ticket number; either is the key. */
    int key = present(ld, MSC_T_ID) || ld->map.col[MSC_T_NUMBER] < 0 ? MSC_T_ID : MSC_T_NUMBER;
    static const int required[] = {MSC_T_CREATED, MSC_T_CLIENT};
    if (!present(ld, key))
        return reject(ld, key, "missing required field");
    for (size_t i = 0; i < 2; i++)
        if (!present(ld, required[i]))
            return reject(ld, required[i], "missing required field");
    int64_t created;
    if (read_time(ld, MSC_T_CREATED, &created) != MSC_FIELD_OK)
        return reject(ld, MSC_T_CREATED, "unparseable date");
    /* Interning is the duplicate check: no later fault can reject the row. */
    size_t before = msc_names_count(&m->ticket_ids);
    int id = msc_grow(&m->ticket, &m->ticket_cap, before + 1, sizeof *m->ticket) < 0
                 ? -2 : msc_names_intern_hashed(&m->ticket_ids, cell(ld, key), hashes(ld, key));
    if (id < 0) {
        m->nomem = 1;
        return -1;
    }
    if ((size_t)id < before)
        return reject(ld, key, "duplicate ticket id");

    struct msc_ticket t;
    msc_ticket_init(&t, created);
    t.client = msc_model_client_hashed(m, cell(ld, MSC_T_CLIENT), hashes(ld, MSC_T_CLIENT));
    t.person = msc_model_person_hashed(m, cell(ld, MSC_T_RESOURCE), hashes(ld, MSC_T_RESOURCE));
    if (t.person >= 0)
        m->person[t.person].named_in_work = 1;
    t.reactive = (type_flags(ld, cell(ld, MSC_T_TYPE)) & TYPE_REACTIVE) != 0;
    int excluded = opt_bool(ld, MSC_T_SLA_EXCLUDED);
    static const int due[] = {MSC_T_FR_DUE, MSC_T_RP_DUE, MSC_T_RES_DUE}, done[] = {MSC_T_FR, MSC_T_RP, MSC_T_RES},
                     met[] = {MSC_T_FR_MET, MSC_T_RP_MET, MSC_T_RES_MET};
    for (int k = 0; k < MSC_MILESTONES; k++) {
        int64_t due_at = opt_time(ld, due[k]), done_at = opt_time(ld, done[k]);
        unsigned char verdict = opt_verdict(ld, met[k]);
        msc_ticket_set_verdict(&t, k, excluded == 1 ? MSC_VERDICT_EXCLUDED : verdict);
        if (msc_ticket_set_due(m, &t, k, due_at) < 0 || msc_ticket_set_done(m, &t, k, done_at) < 0) {
            m->nomem = 1;
            return -1;
        }
        if (due_at != MSC_TIME_NONE && due_at < created)
            warn(ld, due[k], "due time before created", "kept");
    }
    int64_t completed = opt_time(ld, MSC_T_COMPLETED), resolved = msc_ticket_done(m, &t, MSC_COMPLETION);
    t.completed = completed != MSC_TIME_NONE ? completed : resolved;
    int64_t end = msc_ticket_resolved(m, &t);
    if (end != MSC_TIME_NONE && end < created)
        warn(ld, -1, "resolved/completed before created (left out of mttr)", NULL);
    t.estimated_hours = opt_number(ld, MSC_T_ESTIMATE);
    t.escalations = (unsigned)opt_count(ld, MSC_T_ESCALATIONS);
    t.reopens = (unsigned)opt_count(ld, MSC_T_REOPENS);

    if (key == MSC_T_ID && present(ld, MSC_T_NUMBER) &&
        msc_model_ticket_alias(m, cell(ld, MSC_T_NUMBER), id) < 0) {
        m->nomem = 1;
        return -1;
    }
    m->ticket[id] = t;
    if (t.client >= 0)
        m->client[t.client].in_tickets = 1;
    note_work(m, t.client, created, 0);
    return 0;
}

static int load_entry(struct loader *ld)
{
    struct msc_model *m = ld->m;
    const struct msc_settings *set = m->settings;
    if (!present(ld, MSC_E_RESOURCE))
        return reject(ld, MSC_E_RESOURCE, "missing required field");
    if (!present(ld, MSC_E_START) && !present(ld, MSC_E_DATE))
        return reject(ld, MSC_E_START, "missing required field: start or date_worked");
    if (!present(ld, MSC_E_HOURS) && !(present(ld, MSC_E_START) && present(ld, MSC_E_END)))
        return reject(ld, MSC_E_HOURS, "missing required field");

    /* start, else date_worked at midnight: either may stand in for the other. */
    int64_t start = MSC_TIME_NONE, day = MSC_TIME_NONE, end = MSC_TIME_NONE;
    int st_start = read_time(ld, MSC_E_START, &start);
    int st_day = read_time(ld, MSC_E_DATE, &day);
    if (st_start == MSC_FIELD_BAD && st_day != MSC_FIELD_OK)
        return reject(ld, MSC_E_START, "unparseable date");
    if (st_day == MSC_FIELD_BAD && st_start != MSC_FIELD_OK)
        return reject(ld, MSC_E_DATE, "unparseable date");
    int st_end = read_time(ld, MSC_E_END, &end);
    double hours = NAN;
    int st_hours = parse_hours(ld, MSC_E_HOURS, &hours);
    int have_span = st_start == MSC_FIELD_OK && st_end == MSC_FIELD_OK;
    /* hours_worked may stand out only beside a start and an end that read. */
    if (st_hours == MSC_FIELD_EMPTY && !have_span)
        return reject(ld, MSC_E_HOURS, "missing required field");
    if (st_hours == MSC_FIELD_BAD && !have_span)
        return reject(ld, MSC_E_HOURS, "unparseable number");
    if (st_hours == MSC_FIELD_OK && (hours < 0 || hours > 24 * 366))
        return reject(ld, MSC_E_HOURS, "number out of range");
    if (st_hours != MSC_FIELD_OK && have_span && end < start)
        return reject(ld, MSC_E_END, "end before start");

    if (st_start == MSC_FIELD_BAD)
        warn(ld, MSC_E_START, "unparseable date", "date_worked used");
    if (st_day == MSC_FIELD_BAD)
        warn(ld, MSC_E_DATE, "unparseable date", "start used");
    if (st_end == MSC_FIELD_BAD)
        warn(ld, MSC_E_END, "unparseable date", "treated as missing");
    if (st_hours == MSC_FIELD_BAD)
        warn(ld, MSC_E_HOURS, "unparseable number", "end - start used");

    struct msc_entry e;
    memset(&e, 0, sizeof e);
    e.start = st_start == MSC_FIELD_OK ? start : day;
    if (st_hours != MSC_FIELD_OK)
        hours = (double)(end - start) / 3600;
    e.hours = hours;
    e.end = st_end == MSC_FIELD_OK ? end : e.start + (int64_t)llround(hours * 3600);
    e.entered = opt_time(ld, MSC_E_ENTERED);
    e.hours_billed = opt_number(ld, MSC_E_BILLED);
    e.billable = opt_bool(ld, MSC_E_BILLABLE);
    if (e.billable < 0 && present(ld, MSC_E_NON_BILLABLE)) {
        int non_billable = opt_bool(ld, MSC_E_NON_BILLABLE);
        e.billable = non_billable < 0 ? -1 : !non_billable;
    }
    if (hours > set->long_entry_hours) {
        char what[64];
        snprintf(what, sizeof what, "time entry over %g hours (kept)", set->long_entry_hours);
        warn(ld, -1, what, NULL);
    }

    e.person = msc_model_person_hashed(m, cell(ld, MSC_E_RESOURCE), hashes(ld, MSC_E_RESOURCE));
    if (e.person < 0)
        return -1;
    struct msc_person *p = &m->person[e.person];
    p->named_in_work = 1;
    if (p->first_entry == MSC_TIME_NONE || e.start < p->first_entry)
        p->first_entry = e.start;
    if (p->last_entry == MSC_TIME_NONE || e.start > p->last_entry)
        p->last_entry = e.start;

    int on_ticket = present(ld, MSC_E_TICKET);
    if (on_ticket) {
        int id = msc_model_find_ticket(m, cell(ld, MSC_E_TICKET), hashes(ld, MSC_E_TICKET));
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
            warn(ld, MSC_E_TICKET, "ticket id not in tickets.csv", "kept; not counted for ticket KPIs");
        }
    }
    e.client = e.ticket ? e.ticket->client
                        : msc_model_client_hashed(m, cell(ld, MSC_E_CLIENT), hashes(ld, MSC_E_CLIENT));
    unsigned type = type_flags(ld, cell(ld, MSC_E_TYPE));
    e.absence = (type & TYPE_ABSENCE) != 0;
    e.client_work = (on_ticket || present(ld, MSC_E_CLIENT)) && !(type & TYPE_NON_CLIENT);
    note_work(m, e.client, e.start, e.absence);
    if (m->entries_start == MSC_TIME_NONE || e.start < m->entries_start)
        m->entries_start = e.start;
    if (ld->sink && ld->sink->entry)
        ld->sink->entry(ld->sink->ctx, &e);
    return 0;
}

static int load_survey(struct loader *ld)
{
    struct msc_model *m = ld->m;
    const struct msc_settings *set = m->settings;
    /* received is required only when the rated ticket cannot stand in. */
    const struct msc_ticket *t = NULL;
    int unknown_ticket = 0;
    if (present(ld, MSC_S_TICKET)) {
        int id = msc_model_find_ticket(m, cell(ld, MSC_S_TICKET), hashes(ld, MSC_S_TICKET));
        t = id >= 0 ? &m->ticket[id] : NULL;
        unknown_ticket = id < 0;
    }
    int64_t received = MSC_TIME_NONE, fallback = t ? t->completed : MSC_TIME_NONE;
    int st_received = read_time(ld, MSC_S_RECEIVED, &received);

    /* The first fault in kpis.md's order: missing, unparseable, out of range. */
    if (!present(ld, MSC_S_SCORE))
        return reject(ld, MSC_S_SCORE, "missing required field");
    if (st_received == MSC_FIELD_EMPTY && fallback == MSC_TIME_NONE)
        return reject(ld, MSC_S_RECEIVED, "missing required field: received (no completed ticket to take it from)");
    double score, scale = NAN;
    int word = msc_parse_number(cell(ld, MSC_S_SCORE), ld->decimal_comma, &score) != MSC_FIELD_OK;
    if (word && msc_parse_rating(cell(ld, MSC_S_SCORE), &score) != MSC_FIELD_OK)
        return reject(ld, MSC_S_SCORE, "unparseable score");
    if (st_received == MSC_FIELD_BAD && fallback == MSC_TIME_NONE)
        return reject(ld, MSC_S_RECEIVED, "unparseable date");

    if (!word) {
        double low = ld->used_profile->survey_scale_min;
        int st_scale = msc_parse_number(cell(ld, MSC_S_SCALE), ld->decimal_comma, &scale);
        int bad_scale = st_scale == MSC_FIELD_BAD || (st_scale == MSC_FIELD_OK && !(scale > low));
        if (st_scale != MSC_FIELD_OK || bad_scale)
            scale = isnan(set->survey_scale_max) ? ld->used_profile->survey_scale_max : set->survey_scale_max;
        if (score < low || score > scale)
            return reject(ld, MSC_S_SCORE, "number out of range");
        if (bad_scale)
            warn(ld, MSC_S_SCALE, "unparseable number", "the default scale used");
        score = (score - low) / (scale - low);
    }
    if (st_received == MSC_FIELD_BAD)
        warn(ld, MSC_S_RECEIVED, "unparseable date", "the ticket's completed time used");
    if (unknown_ticket)
        warn(ld, MSC_S_TICKET, "ticket id not in tickets.csv", "kept; not counted for ticket KPIs");

    struct msc_survey s;
    s.received = st_received == MSC_FIELD_OK ? received : fallback;
    s.ratio = score;
    s.word = word;
    s.person = present(ld, MSC_S_RESOURCE)
                   ? msc_model_person_hashed(m, cell(ld, MSC_S_RESOURCE), hashes(ld, MSC_S_RESOURCE))
                   : t ? t->person : -1;
    s.client = present(ld, MSC_S_CLIENT)
                   ? msc_model_client_hashed(m, cell(ld, MSC_S_CLIENT), hashes(ld, MSC_S_CLIENT))
                   : t ? t->client : -1;
    if (m->nomem)
        return -1;
    if (ld->sink && ld->sink->survey)
        ld->sink->survey(ld->sink->ctx, &s);
    return 0;
}

static int load_client(struct loader *ld)
{
    struct msc_model *m = ld->m;
    if (!present(ld, MSC_C_CLIENT))
        return reject(ld, MSC_C_CLIENT, "missing required field");
    if (!present(ld, MSC_C_ENDPOINTS))
        return reject(ld, MSC_C_ENDPOINTS, "missing required field");
    double endpoints;
    if (msc_parse_number(cell(ld, MSC_C_ENDPOINTS), ld->decimal_comma, &endpoints) != MSC_FIELD_OK)
        return reject(ld, MSC_C_ENDPOINTS, "unparseable number");
    int ym = -1;
    if (present(ld, MSC_C_MONTH)) {
        int y, mo, n = 0;
        const char *s = cell(ld, MSC_C_MONTH);
        while (*s == ' ')
            s++;
        if (sscanf(s, "%4d-%2d%n", &y, &mo, &n) != 2 || !is_blank(s + n) || y < 1 || mo < 1 || mo > 12)
            return reject(ld, MSC_C_MONTH, "unparseable month (YYYY-MM)");
        ym = y * 12 + mo - 1;
    }
    if (endpoints < 0)
        return reject(ld, MSC_C_ENDPOINTS, "number out of range");
    int id = msc_names_find(&m->clients, cell(ld, MSC_C_CLIENT));
    if (id >= 0)
        for (size_t i = 0; i < m->client[id].nrows; i++)
            if (m->client[id].rows[i].ym == ym)
                return reject(ld, MSC_C_CLIENT, ym < 0 ? "duplicate client" : "duplicate client month");
    double revenue = opt_number(ld, MSC_C_REVENUE), included = opt_number(ld, MSC_C_INCLUDED);
    id = msc_model_client(m, cell(ld, MSC_C_CLIENT));
    struct msc_client *c = id >= 0 ? &m->client[id] : NULL;
    if (!c || msc_grow(&c->rows, &c->cap, c->nrows + 1, sizeof *c->rows) < 0) {
        m->nomem = 1;
        return -1;
    }
    c->listed = 1;
    c->rows[c->nrows++] = (struct msc_client_row){ym, endpoints, revenue, included};
    if (present(ld, MSC_C_AGREEMENT) && !(c->agreement = msc_arena_strdup(&m->arena, cell(ld, MSC_C_AGREEMENT)))) {
        m->nomem = 1;
        return -1;
    }
    return 0;
}

static int load_resource(struct loader *ld)
{
    struct msc_model *m = ld->m;
    if (!present(ld, MSC_R_RESOURCE))
        return reject(ld, MSC_R_RESOURCE, "missing required field");
    int id = msc_names_find(&m->people, cell(ld, MSC_R_RESOURCE));
    if (id >= 0 && m->person[id].listed)
        return reject(ld, MSC_R_RESOURCE, "duplicate resource");
    double weekly = opt_number(ld, MSC_R_WEEKLY), cost = opt_number(ld, MSC_R_COST);
    int64_t start = opt_time(ld, MSC_R_START), end = opt_time(ld, MSC_R_END);
    int include = opt_bool(ld, MSC_R_INCLUDE);
    id = msc_model_person(m, cell(ld, MSC_R_RESOURCE));
    if (id < 0)
        return -1;
    struct msc_person *p = &m->person[id];
    p->listed = 1;
    p->excluded = include == 0;
    if (!isnan(weekly))
        p->weekly_hours = weekly;
    p->hourly_cost = cost;
    p->monthly_pay = opt_number(ld, MSC_R_PAY);
    if (present(ld, MSC_R_TEAM) && !(p->team = msc_arena_strdup(&m->arena, cell(ld, MSC_R_TEAM)))) {
        m->nomem = 1;
        return -1;
    }
    if (start != MSC_TIME_NONE)
        p->start_day = start / 86400;
    if (end != MSC_TIME_NONE)
        p->end_day = end / 86400;
    if (present(ld, MSC_R_EMAIL)) { /* where --mail-techs sends their own workbook */
        const char *e = cell(ld, MSC_R_EMAIL);
        size_t len = strlen(e);
        while (*e == ' ' || *e == '\t')
            e++, len--;
        while (len && (e[len - 1] == ' ' || e[len - 1] == '\t'))
            len--;
        if (!(p->email = msc_arena_strndup(&m->arena, e, len))) {
            m->nomem = 1;
            return -1;
        }
    }
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

/* Lists the canonical fields of a file that the map found or not; where
 * two headers could fill a field, says which one was used. */
static const char *list_fields(struct loader *ld, const struct msc_csv_row *row, int found)
{
    char buf[1024];
    size_t n = 0;
    buf[0] = '\0';
    for (int f = 0; f < msc_field_count[ld->file] && n < sizeof buf; f++) {
        if ((ld->map.col[f] >= 0) != found)
            continue;
        n += (size_t)snprintf(buf + n, sizeof buf - n, "%s%s", n ? ", " : "",
                              msc_field_names[ld->file][f]);
        if (found && ld->map.passed_over[f] >= 0 && n < sizeof buf)
            n += (size_t)snprintf(buf + n, sizeof buf - n, " (from '%.40s', not '%.40s')",
                                  row->fields[ld->map.col[f]], row->fields[ld->map.passed_over[f]]);
    }
    return msc_arena_strdup(&ld->m->arena, n ? buf : "(none)");
}

/* Whether the file's day/month order is left to its dates (data-model.md):
 * neither the map nor the settings (--date-order) say. */
static int order_inferred(const struct msc_model *m, const struct msc_profile *p)
{
    return !(p && p->date_order) && m->settings->date_order == MSC_DATE_AUTO;
}

/* How far into a file its dates are looked at before its first row is
 * read: a file whose dates put the year last shows it at once, and is then
 * scanned whole; one whose first dates are all year-first (an API export)
 * is not scanned again unless a row further down has a year-last date. */
#define SNIFF_BYTES (1 << 20)

/* Reads the file's date cells (read/dateorder.h), the first limit bytes of
 * them or all (0), and settles the order when they say anything. */
static int scan_dates(struct loader *ld, size_t limit)
{
    const struct msc_profile *p = ld->used_profile;
    const char *path = ld->info->path;
    int fd = ld->spool ? fileno(ld->spool) : open(path, O_RDONLY | O_CLOEXEC);
    struct msc_date_votes v;
    int rc = fd < 0 ? -1 : msc_date_scan(fd, ld->delimiter, ld->date_cols, ld->ndate_cols, limit, &v);
    int e = errno;
    if (fd >= 0 && !ld->spool)
        close(fd);
    if (rc < 0 && e == ENOMEM) {
        ld->m->nomem = 1;
        return -1;
    }
    if (rc < 0) {
        msc_error_set(ld->err, MSC_ERR_INPUT, "%s: cannot read: %s", path, strerror(e));
        return -1;
    }
    if (!v.day_first && !v.month_first && !v.either && limit && !v.whole)
        return 0; /* nothing yet: still pending */
    ld->order_pending = 0;
    if (v.day_first && v.month_first) {
        /* Rows read before a late first year-last date cannot be taken back. */
        ld->fatal = ld->info->rows_read > 0;
        msc_error_set(ld->err, MSC_ERR_INPUT,
                      "%s: dates in both day/month orders: line %ld needs day first ('%s'), "
                      "line %ld month first ('%s'); correct the file or give --date-order",
                      path, v.day_first_line, v.day_first_cell, v.month_first_line, v.month_first_cell);
        return -1;
    }
    char note[200];
    if (v.day_first || v.month_first) {
        ld->date_order = v.day_first ? MSC_DATE_DMY : MSC_DATE_MDY;
        snprintf(note, sizeof note, "%s first (line %ld: '%s' reads no other way)",
                 v.day_first ? "day" : "month", v.day_first ? v.day_first_line : v.month_first_line,
                 v.day_first ? v.day_first_cell : v.month_first_cell);
    } else if (v.either) {
        snprintf(note, sizeof note, "%s first (every date reads both ways: the %s profile's default)",
                 ld->date_order == MSC_DATE_DMY ? "day" : "month", p->name);
    } else {
        return 0; /* no date has the year last: the order changes nothing */
    }
    if (!(ld->info->date_order = msc_arena_strdup(&ld->m->arena, note))) {
        ld->m->nomem = 1;
        return -1;
    }
    return 0;
}

/* The file's day/month order: the map's or the settings' when they say;
 * else what its dates need, read off the whole file before a row with a
 * year-last date is read, so that no row is read in the wrong order and a
 * file that needs both orders is refused before any of it counts; else,
 * when every date reads both ways, the profile's default. */
static int decide_date_order(struct loader *ld, char delimiter)
{
    const int *dates = date_fields[ld->file];
    const struct msc_profile *p = ld->used_profile;
    if (!order_inferred(ld->m, p)) {
        ld->date_order = p->date_order ? (enum msc_date_order)(p->date_order - 1) : ld->m->settings->date_order;
        return 0;
    }
    ld->date_order = (enum msc_date_order)p->default_order;
    ld->delimiter = delimiter;
    for (int i = 0; i < 8 && dates[i] >= 0; i++)
        if (ld->map.col[dates[i]] >= 0)
            ld->date_cols[ld->ndate_cols++] = ld->map.col[dates[i]];
    if (!ld->ndate_cols)
        return 0;
    ld->order_pending = 1;
    return scan_dates(ld, SNIFF_BYTES);
}

/* Whether a row read while the order is pending has a date that votes. */
static int row_votes(const struct loader *ld, const struct msc_csv_row *row)
{
    const struct prepared *d = row->prepared;
    if (d)
        return d->votes;
    for (size_t i = 0; i < ld->ndate_cols; i++)
        if ((size_t)ld->date_cols[i] < row->nfields && msc_date_vote(row->fields[ld->date_cols[i]]) != MSC_VOTE_NONE)
            return 1;
    return 0;
}

/* Two columns of the same name: the first is read (as profiles match
 * headers), and the header line gets a warning naming both. -1 on no memory. */
static int warn_repeated_headers(struct loader *ld, const struct msc_csv_row *row)
{
    struct msc_names seen;
    int *first = msc_malloc((row->nfields + 1) * sizeof *first), rc = first ? 0 : -1;
    char *key = NULL;
    size_t cap = 0;
    msc_names_init(&seen);
    for (size_t c = 0; c < row->nfields && rc == 0; c++) {
        size_t before = msc_names_count(&seen);
        if (msc_grow(&key, &cap, strlen(row->fields[c]) + 1, 1) < 0) {
            rc = -1;
            break;
        }
        msc_header_key(row->fields[c], key, cap);
        int id = *key ? msc_names_intern(&seen, key) : -1;
        if (id < -1)
            rc = -1;
        else if (id >= 0 && (size_t)id == before)
            first[id] = (int)c + 1;
        else if (id >= 0) {
            char reason[96];
            snprintf(reason, sizeof reason,
                     "repeated column name: column %d of that name is read, this one ignored",
                     first[id]);
            rc = msc_dq_add(&ld->m->dq, (int)ld->file, row->line, (int)c + 1, MSC_WARNING, reason,
                            row->fields[c]);
        }
    }
    msc_names_release(&seen);
    free(first);
    free(key);
    return rc;
}

static int map_header(struct loader *ld, const struct msc_csv_row *row)
{
    const struct msc_profile *p = ld->profile, *best = NULL;
    if (p && !msc_profile_covers(p, ld->file))
        p = NULL;
    if (!p)
        p = msc_profile_detect(ld->file, row->fields, row->nfields, &best);
    if (!p && !(p = best)) {
        ld->m->nomem = 1;
        return -1;
    }
    int missing = msc_profile_map_header(p, ld->file, row->fields, row->nfields, &ld->map);
    if (missing < 0) {
        ld->m->nomem = 1;
        return -1;
    }
    if (missing > 0) {
        char headers[600];
        list_headers(row, headers, sizeof headers);
        msc_error_set(ld->err, MSC_ERR_INPUT,
                      "%s:1: missing required column '%s' (%s profile: %s; columns found: %s)",
                      ld->info->path, ld->map.missing, ld->profile ? "the" : "closest", p->name,
                      headers);
        return -1;
    }
    if (warn_repeated_headers(ld, row) < 0)
        ld->m->nomem = 1;
    ld->info->profile = p->name;
    ld->info->fields_found = list_fields(ld, row, 1);
    ld->info->fields_missing = list_fields(ld, row, 0);
    if (!ld->info->fields_found || !ld->info->fields_missing)
        ld->m->nomem = 1;
    for (int f = 0; f < msc_field_count[ld->file]; f++)
        if (ld->map.col[f] >= 0)
            ld->info->has_field |= 1u << f;
    if (ld->file == MSC_FILE_TICKETS) {
        ld->m->has_escalations = ld->map.col[MSC_T_ESCALATIONS] >= 0;
        ld->m->has_reopens = ld->map.col[MSC_T_REOPENS] >= 0;
    }
    ld->used_profile = p;
    return decide_date_order(ld, row->delimiter);
}

/* Rows to come: their ticket id's slot in the ticket table, fetched from
 * memory while the rows before them are loaded. */
static void peek_row(void *ctx, const struct msc_csv_row *row)
{
    struct loader *ld = ctx;
    static const int ticket_field[MSC_FILE_COUNT] = {
        [MSC_FILE_TICKETS] = MSC_T_ID, [MSC_FILE_TIME] = MSC_E_TICKET,
        [MSC_FILE_SURVEYS] = MSC_S_TICKET, [MSC_FILE_CLIENTS] = -1, [MSC_FILE_RESOURCES] = -1};
    int field = ticket_field[ld->file];
    if (field < 0 || !ld->used_profile) /* the header is not mapped yet */
        return;
    const struct msc_csv_row *current = ld->row;
    ld->row = row;
    msc_names_prefetch(&ld->m->ticket_ids, cell(ld, field), hashes(ld, field));
    ld->row = current;
}

static int on_row(void *ctx, const struct msc_csv_row *row)
{
    struct loader *ld = ctx;
    if (row->index == 0) {
        /* The decimal separator follows the delimiter unless the settings fix it. */
        ld->decimal_comma = ld->m->settings->decimal_comma >= 0 ? ld->m->settings->decimal_comma
                                                                : row->delimiter == ';';
        if (map_header(ld, row) < 0) {
            ld->status = ld->m->nomem ? MSC_ERR_NOMEM : MSC_ERR_INPUT;
            return 1;
        }
        publish_prep(ld);
        return 0;
    }
    if (ld->order_pending && row_votes(ld, row) && scan_dates(ld, 0) < 0) {
        ld->status = ld->m->nomem ? MSC_ERR_NOMEM : MSC_ERR_INPUT;
        return 1;
    }
    ld->row = row;
    ld->warned = ld->rejected = 0;
    if (++ld->info->rows_read % MSC_PROGRESS_ROWS == 0 && ld->sink && ld->sink->progress)
        ld->sink->progress(ld->sink->ctx, ld->info->path, ld->info->rows_read);
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

/* Copies a pipe or stdin into an unnamed temporary file, rewound. */
static enum msc_status spool(const char *path, FILE **out, struct msc_error *err)
{
    FILE *in = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (!in)
        return msc_error_set(err, MSC_ERR_INPUT, "%s: cannot open: %s", path, strerror(errno));
    FILE *tmp = tmpfile();
    enum msc_status st = MSC_OK;
    char buf[65536];
    size_t got;
    while (tmp && (got = fread(buf, 1, sizeof buf, in)) > 0 && fwrite(buf, 1, got, tmp) == got)
        ;
    if (ferror(in))
        st = msc_error_set(err, MSC_ERR_INPUT, "%s: read error: %s", path, strerror(errno));
    else if (!tmp || ferror(tmp) || fflush(tmp) != 0 || fseek(tmp, 0, SEEK_SET) != 0)
        st = msc_error_set(err, MSC_ERR_INPUT, "%s: cannot keep a temporary copy to find its "
                           "day/month order (%s); give --date-order", path, strerror(errno));
    if (in != stdin)
        fclose(in);
    if (st != MSC_OK && tmp)
        fclose(tmp);
    else
        *out = tmp;
    return st;
}

enum msc_status msc_load_file(struct msc_model *m, enum msc_file which, const char *path,
                              const struct msc_profile *profile, const struct msc_load_sink *sink,
                              struct msc_error *err)
{
    struct msc_file_info *info = &m->file[which];
    struct loader ld;
    memset(&ld, 0, sizeof ld);
    ld.m = m;
    ld.file = which;
    ld.sink = sink;
    ld.info = info;
    ld.err = err;
    ld.profile = profile;
    memset(ld.date_slot, 0xFF, sizeof ld.date_slot);
    memset(ld.name_slot, 0xFF, sizeof ld.name_slot);
    info->path = msc_arena_strdup(&m->arena, path);
    if (!info->path)
        return msc_error_set(err, MSC_ERR_NOMEM, "out of memory");

    const struct msc_csv_callbacks cb = {on_row, on_bad, peek_row, prepare_row, sizeof(struct prepared),
                                         &ld.prep_with};
    struct msc_csv_info csv = {0};
    struct msc_error local = {0};
    enum msc_status st = MSC_OK;
    struct stat sb;
    /* A pipe cannot be read twice: its dates are read off a copy. */
    if (order_inferred(m, profile) && (strcmp(path, "-") == 0 || (stat(path, &sb) == 0 && !S_ISREG(sb.st_mode))))
        st = spool(path, &ld.spool, &local);
    if (st == MSC_OK)
        st = ld.spool ? msc_csv_read_open(ld.spool, path, &cb, &ld, &csv, &local)
                      : msc_csv_read_file(path, path, &cb, &ld, &csv, &local);
    if (ld.spool)
        fclose(ld.spool);
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
    if (sink && sink->progress)
        sink->progress(sink->ctx, info->path, info->rows_read);
    if (st == MSC_OK) {
        info->state = MSC_FILE_READ;
        return MSC_OK;
    }
    if (st == MSC_ERR_INPUT && which != MSC_FILE_TICKETS && !ld.fatal) {
        /* An optional file with a fault is skipped; its KPIs have no value. */
        info->state = MSC_FILE_SKIPPED;
        info->note = msc_arena_strdup(&m->arena, local.msg);
        info->rows_read = info->rows_used = info->rows_rejected = info->rows_warned = 0;
        return info->note ? MSC_OK : msc_error_set(err, MSC_ERR_NOMEM, "out of memory");
    }
    info->refused_late = st == MSC_ERR_INPUT && which != MSC_FILE_TICKETS && ld.fatal;
    *err = local;
    return st;
}
