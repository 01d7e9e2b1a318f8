/* settings.c: defaults from kpis.md and the INI reader (libinih). */
#include "model/settings.h"
#include "read/field.h"
#include "util/inifile.h"
#include "util/mem.h"
#include "util/names.h"

#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum key_type { K_TEXT, K_NUMBER, K_LIST, K_HOLIDAYS, K_DAYS, K_CLOCK, K_CHOICE };

struct key {
    const char *name;
    enum key_type type;
    size_t offset;
    size_t size;            /* K_TEXT, K_LIST: buffer size */
    const char *choices;    /* K_CHOICE: "a|b|c", stored as the index */
    double max;             /* K_NUMBER: the largest sensible value (0: none) */
    int above_zero;         /* K_NUMBER: 0 itself is not allowed */
};

#define F(field) offsetof(struct msc_settings, field)
#define TEXT(n, field) {.name = n, .type = K_TEXT, .offset = F(field), .size = sizeof ((struct msc_settings *)0)->field}
#define LIST(n, field) {.name = n, .type = K_LIST, .offset = F(field), .size = sizeof ((struct msc_settings *)0)->field}
#define NUMBER(n, field, most, positive) \
    {.name = n, .type = K_NUMBER, .offset = F(field), .max = most, .above_zero = positive}
#define CHOICE(n, field, list) {.name = n, .type = K_CHOICE, .offset = F(field), .choices = list}

static const struct key keys[] = {
    TEXT("msp_name", msp_name),
    TEXT("mail_to", mail_to),
    TEXT("mail_from", mail_from),
    TEXT("mail_subject_prefix", mail_subject_prefix),
    TEXT("sendmail", sendmail),
    TEXT("timezone", timezone),
    TEXT("plugin_dir", plugin_dir),
    CHOICE("decimal_separator", decimal_comma, "auto|dot|comma"),
    CHOICE("date_order", date_order, "mdy|dmy|ymd|auto"),
    LIST("reactive_types", reactive_types),
    LIST("non_client_work_types", non_client_work_types),
    LIST("absence_work_types", absence_work_types),
    {.name = "holidays", .type = K_HOLIDAYS},
    {.name = "business_days", .type = K_DAYS},
    {.name = "business_start", .type = K_CLOCK, .offset = F(calendar.open_sec)},
    {.name = "business_end", .type = K_CLOCK, .offset = F(calendar.close_sec)},
    CHOICE("mttr_clock", calendar.calendar_clock, "business|calendar"),
    NUMBER("realtime_minutes", realtime_minutes, 525600, 0),
    NUMBER("long_entry_hours", long_entry_hours, 8784, 1),
    CHOICE("utilization_basis", utilization_billable, "worked|billable"),
    NUMBER("positive_min", positive_min, 1, 0),
    NUMBER("negative_max", negative_max, 1, 0),
    NUMBER("survey_scale_max", survey_scale_max, 1e6, 1),
    NUMBER("default_hourly_cost", default_hourly_cost, 0, 0),
    NUMBER("tier_a", tier_a, 0, 0),
    NUMBER("tier_b", tier_b, 0, 0),
    NUMBER("tier_c", tier_c, 0, 0),
    NUMBER("amber_band", amber_band, 1, 0),
    NUMBER("coverage_slack_hours", coverage_slack_hours, 8784, 0),
    NUMBER("max_rejected_share", max_rejected_share, 1, 0),
    CHOICE("coach_sheets", coach_none, "all|none"),
    NUMBER("min_sample", min_sample, 1e6, 0),
    NUMBER("tech_score_target", tech_score_target, 100, 0),
    NUMBER("pool_share", bonus.pool_share, 1, 0),
    LIST("managed_agreements", bonus.managed_agreements),
    LIST("team", bonus.team),
    LIST("goals", bonus.goals),
    CHOICE("payout", bonus.payout, "per_goal|all_or_nothing"),
    CHOICE("split", bonus.split, "available_hours|equal"),
};

/* The goals list into its ids; -1 with a message when one is too long or
 * there are too many. */
static int split_goals(struct msc_bonus_settings *b, char *msg, size_t cap)
{
    b->ngoals = 0;
    for (const char *p = b->goals; *p;) {
        size_t len = strcspn(p, ","), skip = strspn(p, " \t");
        size_t n = len > skip ? len - skip : 0;
        while (n > 0 && (p[skip + n - 1] == ' ' || p[skip + n - 1] == '\t'))
            n--;
        if (n >= sizeof b->goal[0] || (n > 0 && b->ngoals == MSC_BONUS_GOALS)) {
            if (msg)
                snprintf(msg, cap, n >= sizeof b->goal[0] ? "a KPI id is too long" : "more than %d goals",
                         MSC_BONUS_GOALS);
            return -1;
        }
        if (n > 0) {
            memcpy(b->goal[b->ngoals], p + skip, n);
            b->goal[b->ngoals++][n] = '\0';
        }
        p += len + (p[len] == ',');
    }
    return 0;
}

void msc_settings_init(struct msc_settings *s)
{
    memset(s, 0, sizeof *s);
    s->decimal_comma = -1;
    s->date_order = MSC_DATE_AUTO;
    strcpy(s->reactive_types, "Incident, Service Request, Problem, Alert");
    strcpy(s->non_client_work_types, "Internal, Meeting, Training, Admin, PTO, Holiday, Sick, Vacation");
    strcpy(s->absence_work_types, "PTO, Holiday, Sick, Vacation");
    for (int d = 0; d < 5; d++)
        s->calendar.business_day[d] = 1;
    s->calendar.open_sec = 8 * 3600;
    s->calendar.close_sec = 17 * 3600;
    s->realtime_minutes = 30;
    s->long_entry_hours = 16;
    s->positive_min = 0.8;
    s->negative_max = 0.4;
    s->survey_scale_max = NAN;
    s->default_hourly_cost = 0;
    s->tier_a = 150;
    s->tier_b = 100;
    s->tier_c = 60;
    s->amber_band = 0.10;
    s->coverage_slack_hours = 72;
    s->max_rejected_share = 0.02;
    s->min_sample = 5;
    s->tech_score_target = 90;
    s->bonus.pool_share = 0.03;
    strcpy(s->bonus.goals, "mttr, csat_positive, sla_triage");
    split_goals(&s->bonus, NULL, 0);
}

void msc_settings_release(struct msc_settings *s)
{
    free(s->calendar.holidays);
    s->calendar.holidays = NULL;
    s->calendar.nholidays = 0;
    free(s->kpi);
    s->kpi = NULL;
    s->nkpi = s->kpi_cap = 0;
}

int msc_settings_add_holiday(struct msc_settings *s, int64_t day)
{
    struct msc_calendar *c = &s->calendar;
    if (msc_calendar_is_holiday(c, day))
        return 0;
    int64_t *h = msc_realloc(c->holidays, (c->nholidays + 1) * sizeof *h);
    if (!h)
        return -1;
    size_t i = c->nholidays;
    while (i > 0 && h[i - 1] > day) {
        h[i] = h[i - 1];
        i--;
    }
    h[i] = day;
    c->holidays = h;
    c->nholidays++;
    return 0;
}

struct load_state {
    struct msc_settings *s;
    int seen_holidays;
    char msg[256];
    int line;
};

/* A number, with an optional trailing '%' meaning hundredths (then
 * *percent, when given, is set). */
static int parse_amount(const char *v, double *out, int *percent_sign)
{
    char buf[64];
    size_t n = strlen(v);
    while (n && (v[n - 1] == ' ' || v[n - 1] == '\t'))
        n--;
    int percent = n && v[n - 1] == '%';
    if (percent)
        n--;
    if (n >= sizeof buf)
        return -1;
    memcpy(buf, v, n);
    buf[n] = '\0';
    if (msc_parse_number(buf, 0, out) != MSC_FIELD_OK)
        return -1;
    if (percent)
        *out /= 100;
    if (percent_sign)
        *percent_sign = percent;
    return 0;
}

/* Calls fn on each trimmed, non-empty item of a comma-separated list. */
static int each_item(const char *v, int (*fn)(struct load_state *, const char *), struct load_state *ls)
{
    char item[64];
    while (*v) {
        const char *comma = strchr(v, ',');
        size_t len = comma ? (size_t)(comma - v) : strlen(v);
        while (len && (*v == ' ' || *v == '\t'))
            v++, len--;
        while (len && (v[len - 1] == ' ' || v[len - 1] == '\t'))
            len--;
        if (len >= sizeof item)
            return -1;
        memcpy(item, v, len);
        item[len] = '\0';
        if (len && fn(ls, item) < 0)
            return -1;
        if (!comma)
            break;
        v = comma + 1;
    }
    return 0;
}

static int add_holiday(struct load_state *ls, const char *item)
{
    int64_t t;
    if (msc_parse_datetime(item, MSC_DATE_YMD, &t) != MSC_FIELD_OK || t % 86400 != 0) {
        snprintf(ls->msg, sizeof ls->msg, "'%s' is not a date (YYYY-MM-DD)", item);
        return -1;
    }
    if (msc_settings_add_holiday(ls->s, t / 86400) < 0) {
        snprintf(ls->msg, sizeof ls->msg, "out of memory");
        return -1;
    }
    return 0;
}

static int add_day(struct load_state *ls, const char *item)
{
    static const char *const names[7] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
    char folded[16];
    msc_name_fold(item, folded, sizeof folded);
    for (int d = 0; d < 7; d++)
        if (strncmp(folded, names[d], 3) == 0) {
            ls->s->calendar.business_day[d] = 1;
            return 0;
        }
    snprintf(ls->msg, sizeof ls->msg, "'%s' is not a day of the week", item);
    return -1;
}

/* Whether a time zone name resolves in the tz database: a TZ the C library
 * cannot find is UTC to it, silently, and every time would move. Only
 * database names (Europe/Berlin, UTC) are taken, not POSIX rule strings. */
static int known_zone(const char *name)
{
    if (!*name || name[0] == '/' || strstr(name, "..") || strspn(name,
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/_+-") != strlen(name))
        return 0;
    const char *dir = getenv("TZDIR");
    char path[512], magic[4];
    snprintf(path, sizeof path, "%s/%s", dir && *dir ? dir : "/usr/share/zoneinfo", name);
    FILE *f = fopen(path, "rb");
    int ok = f && fread(magic, 1, 4, f) == 4 && memcmp(magic, "TZif", 4) == 0;
    if (f)
        fclose(f);
    return ok;
}

static int set_key(struct load_state *ls, const struct key *k, const char *v)
{
    struct msc_settings *s = ls->s;
    char *field = (char *)s + k->offset;
    switch (k->type) {
    case K_TEXT:
    case K_LIST:
        if (strlen(v) >= k->size) {
            snprintf(ls->msg, sizeof ls->msg, "value longer than %zu characters", k->size - 1);
            return -1;
        }
        /* A CR or LF would end a mail header early (msp_name goes into the
         * subject); no other control character belongs in a setting either. */
        for (const char *p = v; *p; p++)
            if (((unsigned char)*p < 0x20 && *p != '\t') || *p == 0x7F) {
                snprintf(ls->msg, sizeof ls->msg, "holds a control character (byte 0x%02X)",
                         (unsigned char)*p);
                return -1;
            }
        if (k->offset == F(timezone) && *v && !known_zone(v)) {
            const char *dir = getenv("TZDIR");
            snprintf(ls->msg, sizeof ls->msg,
                     "'%.60s' is not a time zone of the tz database (%s), e.g. America/New_York",
                     v, dir && *dir ? dir : "/usr/share/zoneinfo");
            return -1;
        }
        strcpy(field, v);
        return 0;
    case K_NUMBER: {
        double *d = (double *)(void *)field;
        if (parse_amount(v, d, NULL) < 0 || *d < 0 || (k->above_zero && *d == 0)) {
            snprintf(ls->msg, sizeof ls->msg, "'%s' is not a number %s 0", v, k->above_zero ? ">" : ">=");
            return -1;
        }
        if (k->max > 0 && *d > k->max) {
            snprintf(ls->msg, sizeof ls->msg, "'%s' is more than %g", v, k->max);
            return -1;
        }
        return 0;
    }
    case K_HOLIDAYS:
        if (!ls->seen_holidays) {
            msc_settings_release(s);
            ls->seen_holidays = 1;
        }
        return each_item(v, add_holiday, ls);
    case K_DAYS:
        memset(s->calendar.business_day, 0, sizeof s->calendar.business_day);
        return each_item(v, add_day, ls);
    case K_CLOCK: {
        int h, m, end = 0;
        if (sscanf(v, "%2d:%2d%n", &h, &m, &end) != 2 || v[end] || h < 0 || h > 24 || m < 0 ||
            m > 59 || h * 60 + m > 24 * 60) {
            snprintf(ls->msg, sizeof ls->msg, "'%s' is not a time of day (HH:MM)", v);
            return -1;
        }
        *(int *)(void *)field = h * 3600 + m * 60;
        return 0;
    }
    case K_CHOICE: {
        char folded[32];
        msc_name_fold(v, folded, sizeof folded);
        const char *c = k->choices;
        for (int i = 0; *c; i++) {
            size_t len = strcspn(c, "|");
            if (strlen(folded) == len && strncmp(folded, c, len) == 0) {
                /* decimal_separator: auto|dot|comma is stored as -1, 0, 1. */
                *(int *)(void *)field = k->offset == F(decimal_comma) ? i - 1 : i;
                return 0;
            }
            c += len + (c[len] == '|');
        }
        snprintf(ls->msg, sizeof ls->msg, "'%s' is not one of %s", v, k->choices);
        return -1;
    }
    }
    return -1;
}

static int on_key(void *user, const char *section, const char *name, const char *value)
{
    struct load_state *ls = user;
    if (ls->msg[0])
        return 0; /* report the first error only */
    int is_target = strcmp(section, "targets") == 0, is_weight = strcmp(section, "weights") == 0;
    if (is_target || is_weight) {
        struct msc_kpi_setting one = {.weight = is_weight, .line = ls->line};
        if (strlen(name) >= sizeof one.id) {
            snprintf(ls->msg, sizeof ls->msg, "unknown KPI '%.60s' in [%s] (see --list-kpis)", name, section);
            return 0;
        }
        if (parse_amount(value, &one.value, &one.percent) < 0 || one.value < 0) {
            snprintf(ls->msg, sizeof ls->msg, "%s: '%s' is not a number >= 0", name, value);
            return 0;
        }
        strcpy(one.id, name);
        snprintf(one.text, sizeof one.text, "%s", value);
        struct msc_settings *s = ls->s;
        if (msc_grow(&s->kpi, &s->kpi_cap, s->nkpi + 1, sizeof *s->kpi) < 0) {
            snprintf(ls->msg, sizeof ls->msg, "out of memory");
            return 0;
        }
        s->kpi[s->nkpi++] = one;
        return 1;
    }
    /* The bonus keys are plain names ("team", "goals"), so they belong to
     * their section; any key there turns the bonus on. */
    int in_bonus = strcmp(section, "bonus") == 0;
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
        if (strcmp(keys[i].name, name) != 0)
            continue;
        int bonus_key = keys[i].offset >= F(bonus) && keys[i].offset < F(bonus) + sizeof ls->s->bonus;
        if (bonus_key != in_bonus) {
            snprintf(ls->msg, sizeof ls->msg, bonus_key ? "%s belongs in [bonus]" : "%s does not belong in [bonus]", name);
            return 0;
        }
        ls->s->bonus.on |= in_bonus;
        if (keys[i].offset == F(bonus.goals))
            ls->s->bonus.goals_line = ls->line;
        if (set_key(ls, &keys[i], value) < 0 ||
            (keys[i].offset == F(bonus.goals) && split_goals(&ls->s->bonus, ls->msg, sizeof ls->msg) < 0)) {
            char detail[200];
            snprintf(detail, sizeof detail, "%.199s", ls->msg);
            snprintf(ls->msg, sizeof ls->msg, "%.40s: %s", name, detail);
            return 0;
        }
        return 1;
    }
    snprintf(ls->msg, sizeof ls->msg, "unknown key '%s'", name);
    return 0;
}

enum msc_status msc_settings_load(struct msc_settings *s, const char *path, struct msc_error *err)
{
    struct load_state ls = {s, 0, "", 0};
    snprintf(s->path, sizeof s->path, "%s", path);
    int rc = msc_ini_parse_file(path, on_key, &ls, &ls.line);
    if (rc == -1)
        return msc_error_set(err, MSC_ERR_USAGE, "%s: cannot open settings file", path);
    if (rc == -3)
        return msc_error_set(err, MSC_ERR_USAGE, "%s: not a settings file (a folder?)", path);
    if (rc == -2)
        return msc_error_set(err, MSC_ERR_NOMEM, "%s: out of memory", path);
    if (rc > 0)
        return msc_error_set(err, MSC_ERR_USAGE, "%s:%d: %s", path, rc,
                             ls.msg[0] ? ls.msg : "syntax error (expected key = value or [section])");
    if (s->calendar.close_sec <= s->calendar.open_sec)
        return msc_error_set(err, MSC_ERR_USAGE, "%s: business_end must be after business_start", path);
    return MSC_OK;
}
