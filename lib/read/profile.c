/* profile.c: the built-in PSA profiles (psa-profiles.md) and map files. */
#include "read/profile.h"
#include "read/field.h"
#include "util/arena.h"
#include "util/inifile.h"
#include "util/mem.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Required columns per file: each entry lists alternatives. */
static const int required[MSC_FILE_COUNT][3][3] = {
    {{MSC_T_ID, MSC_T_NUMBER, -1}, {MSC_T_CREATED, -1}, {MSC_T_CLIENT, -1}},
    {{MSC_E_RESOURCE, -1}, {MSC_E_START, MSC_E_DATE, -1}, {-1}},
    {{MSC_S_SCORE, -1}, {-1}, {-1}},
    {{MSC_C_CLIENT, -1}, {MSC_C_ENDPOINTS, -1}, {-1}},
    {{MSC_R_RESOURCE, -1}, {-1}, {-1}},
};

/* generic: the canonical names only. */
static const struct msc_profile generic = {
    .name = "generic",
    .default_order = MSC_DATE_MDY,
    .survey_scale_min = 0,
    .survey_scale_max = 10,
};

/* The headers of psa-profiles.md's tables 9.1 to 9.3 (tests/unit/test_profile.c
 * holds a copy and checks each is read as its field), with the names the
 * REST API and the UI exports use where the tables list only one. */
static const struct msc_profile autotask = {
    .name = "autotask",
    .headers[MSC_FILE_TICKETS] = {
        [MSC_T_ID] = "id|Ticket ID",
        [MSC_T_NUMBER] = "ticketNumber|Ticket Number|Autotask Ticket Number",
        [MSC_T_TITLE] = "title",
        [MSC_T_CREATED] = "createDate|Create Date/Time|Created",
        [MSC_T_CLIENT] = "companyName|Account|Organization|Company|companyID",
        [MSC_T_STATUS] = "status",
        [MSC_T_PRIORITY] = "priority",
        [MSC_T_QUEUE] = "queueID|Queue",
        [MSC_T_TYPE] = "ticketType|Ticket Type|issueType|subIssueType|ticketCategory|source",
        [MSC_T_RESOURCE] = "assignedResourceName|Primary Resource|assignedResourceID",
        [MSC_T_FR_DUE] = "firstResponseDueDateTime",
        [MSC_T_FR] = "firstResponseDateTime",
        [MSC_T_RP_DUE] = "resolutionPlanDueDateTime",
        [MSC_T_RP] = "resolutionPlanDateTime",
        [MSC_T_RES_DUE] = "resolvedDueDateTime|dueDateTime",
        [MSC_T_RES] = "resolvedDateTime",
        [MSC_T_COMPLETED] = "completedDate|Complete Date",
        [MSC_T_ESTIMATE] = "estimatedHours|Estimated Hours",
        [MSC_T_FR_MET] = "IsFirstResponseMet",
        [MSC_T_RP_MET] = "IsResolutionPlanMet",
        /* The ticket-level flag stands in for the per-event one. */
        [MSC_T_RES_MET] = "IsResolutionMet|serviceLevelAgreementHasBeenMet",
    },
    .headers[MSC_FILE_TIME] = {
        [MSC_E_ID] = "id",
        [MSC_E_TICKET] = "ticketNumber|Autotask Ticket Number|ticketID",
        [MSC_E_RESOURCE] = "resourceName|Resource|resourceID",
        [MSC_E_START] = "startDateTime|Start Date/Time",
        [MSC_E_END] = "endDateTime|End Date/Time",
        [MSC_E_DATE] = "dateWorked",
        [MSC_E_HOURS] = "hoursWorked",
        [MSC_E_BILLED] = "hoursToBill",
        [MSC_E_NON_BILLABLE] = "isNonBillable",
        /* PTO and holidays are billing codes: without them absences count as capacity. */
        [MSC_E_TYPE] = "workType|Work Type|billingCodeName|billingCodeID|roleID|timeEntryType",
        [MSC_E_CLIENT] = "companyName|Account",
        [MSC_E_ENTERED] = "createDateTime",
    },
    .headers[MSC_FILE_SURVEYS] = {
        [MSC_S_ID] = "id",
        [MSC_S_TICKET] = "ticketNumber|ticketID",
        [MSC_S_RESOURCE] = "resourceName",
        [MSC_S_CLIENT] = "companyName|companyID",
        [MSC_S_RECEIVED] = "completeDate|sendDate",
        [MSC_S_SCORE] = "surveyRating|resourceRating|companyRating|contactRating",
    },
    .default_order = MSC_DATE_MDY,
    .survey_scale_min = 0,
    .survey_scale_max = 10,
};

static const struct msc_profile connectwise = {
    .name = "connectwise",
    .headers[MSC_FILE_TICKETS] = {
        [MSC_T_ID] = "id|TicketNbr|SR_Service_RecID|Ticket #",
        [MSC_T_TITLE] = "summary",
        [MSC_T_CREATED] = "_info.dateEntered|dateEntered|date_entered|Entered|date_opened",
        [MSC_T_CLIENT] = "company_name|company|Company",
        [MSC_T_STATUS] = "status|status_description",
        [MSC_T_PRIORITY] = "priority",
        [MSC_T_QUEUE] = "board|board_name",
        [MSC_T_TYPE] = "type|ServiceType|recordType|subType|item|source",
        [MSC_T_RESOURCE] = "owner|resources|resource_list|Resource",
        [MSC_T_FR] = "dateResponded|date_responded_utc|Responded|acknowledgement_date",
        [MSC_T_RP] = "dateResplan|date_resplan_utc",
        [MSC_T_RES_DUE] = "requiredDate|Date_Required",
        [MSC_T_RES] = "dateResolved|date_resolved_utc",
        [MSC_T_COMPLETED] = "closedDate|date_closed",
        [MSC_T_ESTIMATE] = "budgetHours|Hours Budget",
        [MSC_T_FR_MET] = "MetResponseSLA",
        [MSC_T_RES_MET] = "isInSla",
    },
    .headers[MSC_FILE_TIME] = {
        [MSC_E_ID] = "id|Time_RecID",
        [MSC_E_TICKET] = "chargeToId|SR_Service_RecID|ticketID",
        [MSC_E_RESOURCE] = "member|member_id|enteredBy|name",
        [MSC_E_START] = "timeStart|time_start",
        [MSC_E_END] = "timeEnd|time_end",
        [MSC_E_DATE] = "Date_Start|dateStart|timeStart",
        [MSC_E_HOURS] = "actualHours|hours_actual|hours|actualMinutes@min",
        [MSC_E_BILLED] = "hoursBilled|Billable_Hrs",
        [MSC_E_BILLABLE] = "billableOption",
        [MSC_E_TYPE] = "workType|workRole",
        [MSC_E_CLIENT] = "company|company_name",
        [MSC_E_ENTERED] = "dateEntered|date_entered_utc",
    },
    .headers[MSC_FILE_SURVEYS] = {
        [MSC_S_ID] = "id",
        [MSC_S_TICKET] = "ticketId",
        [MSC_S_CLIENT] = "company",
        [MSC_S_RECEIVED] = "dateEntered|_info.dateEntered",
        [MSC_S_SCORE] = "totalPoints",
    },
    .true_words = "billable",
    .false_words = "do not bill|no charge",
    .none_words = "no default",
    .default_order = MSC_DATE_MDY,
    .survey_scale_min = 0,
    .survey_scale_max = 10,
};

static const struct msc_profile halopsa = {
    .name = "halopsa",
    .headers[MSC_FILE_TICKETS] = {
        [MSC_T_ID] = "faultid|Ticket ID|id",
        [MSC_T_TITLE] = "summary|symptom|Subject",
        [MSC_T_CREATED] = "dateoccurred|dateoccured|Date Opened|Date Occurred",
        [MSC_T_CLIENT] = "client_name|aareadesc|Client|Customer",
        [MSC_T_STATUS] = "tstatusdesc|status_id",
        [MSC_T_PRIORITY] = "pdesc|Priority Description|priority_id",
        [MSC_T_QUEUE] = "team|sectio_|Section",
        [MSC_T_TYPE] = "rtdesc|Ticket Type|tickettype_id|category_1|category_2|category_3|category_4|Category",
        [MSC_T_RESOURCE] = "uname|Agent|agent_id",
        [MSC_T_FR_DUE] = "respondbydate|FRespondByDate|Target Response Date",
        [MSC_T_FR] = "responsedate|fresponsedate|Date Responded|Responded Date",
        [MSC_T_RES_DUE] = "fixbydate|Target Resolution Date|Resolution Date",
        [MSC_T_RES] = "dateclosed|datecleared|Date Resolved|Date Closed",
        [MSC_T_COMPLETED] = "dateclosed|datecleared|Date Closed",
        [MSC_T_ESTIMATE] = "estimate",
        [MSC_T_FR_MET] = "slaresponsestate|Response State",
        [MSC_T_RES_MET] = "slastate|Resolution State",
        [MSC_T_SLA_EXCLUDED] = "excludefromsla|FexcludefromSLA",
    },
    .headers[MSC_FILE_TIME] = {
        [MSC_E_ID] = "actionnumber|id",
        [MSC_E_TICKET] = "faultid|ticket_id|Ticket ID",
        [MSC_E_RESOURCE] = "who|Performed By|who_agentid",
        [MSC_E_START] = "actionarrivaldate",
        [MSC_E_END] = "actioncompletiondate",
        [MSC_E_DATE] = "whe_|datetime|When",
        [MSC_E_HOURS] = "timetaken|Time Taken",
        [MSC_E_BILLED] = "actionchargehours",
        [MSC_E_TYPE] = "outcome|actoutcome",
        [MSC_E_ENTERED] = "actiondatecreated",
    },
    .headers[MSC_FILE_SURVEYS] = {
        [MSC_S_TICKET] = "fbfaultid",
        [MSC_S_RECEIVED] = "fbdate|datecreated",
        [MSC_S_SCORE] = "fbscore|satisfactionlevel",
    },
    /* SLA states: I(n) met, O(ut) missed; E(xcluded) is read everywhere. */
    .true_words = "i",
    .false_words = "o",
    /* HaloPSA is sold mostly in the UK, Europe and Australia. */
    .default_order = MSC_DATE_DMY,
    .survey_scale_min = 1,
    .survey_scale_max = 4,
};

const struct msc_profile *const msc_profiles[] = {&generic, &autotask, &connectwise, &halopsa, NULL};

const struct msc_profile *msc_profile_find(const char *name)
{
    for (int i = 0; msc_profiles[i]; i++)
        if (strcmp(msc_profiles[i]->name, name) == 0)
            return msc_profiles[i];
    return NULL;
}

void msc_header_key(const char *s, char *out, size_t cap)
{
    size_t n = 0;
    for (; *s && n + 1 < cap; s++) {
        unsigned char c = (unsigned char)*s;
        if (strchr(" _#()/.-\t\r\n", c))
            continue;
        out[n++] = (char)(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
    out[n] = '\0';
}

/* Finds the first alias present, trying each of the '|'-separated lists in
 * turn; returns its column or -1. *other is the column of another alias
 * present too, or -1. */
static int match_field(const char *const lists[2], const char *const *keys, size_t n, int *minutes,
                       int *other)
{
    char want[128];
    int found = -1;
    *other = -1;
    for (int l = 0; l < 2; l++)
        for (const char *alist = lists[l]; alist && *alist;) {
            size_t len = strcspn(alist, "|");
            char one[128];
            if (len < sizeof one) {
                memcpy(one, alist, len);
                one[len] = '\0';
                char *unit = strstr(one, "@min");
                if (unit)
                    *unit = '\0';
                msc_header_key(one, want, sizeof want);
                for (size_t c = 0; c < n; c++)
                    if (strcmp(keys[c], want) == 0) {
                        if (found < 0) {
                            *minutes = unit != NULL;
                            found = (int)c;
                        } else if ((int)c != found && *other < 0) {
                            *other = (int)c;
                        }
                        break;
                    }
            }
            alist += len + (alist[len] == '|');
        }
    return found;
}

int msc_profile_map_header(const struct msc_profile *p, enum msc_file file,
                           const char *const *headers, size_t n, struct msc_header_map *map)
{
    /* Keys of the header row, computed once, in one buffer. */
    size_t total = 1;
    for (size_t c = 0; c < n; c++)
        total += strlen(headers[c]) + 1;
    char **keys = msc_calloc(n ? n : 1, sizeof *keys);
    char *buf = msc_malloc(total);
    memset(map, 0, sizeof *map);
    for (int f = 0; f < MSC_MAX_FIELDS; f++)
        map->col[f] = -1;
    if (!keys || !buf) {
        free(keys);
        free(buf);
        return -1;
    }
    for (size_t c = 0, at = 0; c < n; c++) {
        size_t len = strlen(headers[c]) + 1;
        keys[c] = buf + at;
        msc_header_key(headers[c], keys[c], len);
        at += len;
    }
    for (int f = 0; f < msc_field_count[file]; f++) {
        int minutes = 0;
        const char *const lists[2] = {p->headers[file][f], msc_field_names[file][f]};
        map->col[f] = match_field(lists, (const char *const *)keys, n, &minutes, &map->passed_over[f]);
        map->minutes[f] = (unsigned char)minutes;
        map->found += map->col[f] >= 0;
    }
    for (int r = 0; r < 3 && required[file][r][0] >= 0; r++) {
        int ok = 0;
        for (int a = 0; required[file][r][a] >= 0; a++)
            ok |= map->col[required[file][r][a]] >= 0;
        if (!ok) {
            static const char *const joined[MSC_FILE_COUNT][3] = {
                {"ticket_id", "created", "client"}, {"resource", "start|date_worked", NULL},
                {"score", NULL, NULL}, {"client", "endpoints", NULL}, {"resource", NULL, NULL}};
            if (!map->required_missing)
                map->missing = joined[file][r];
            map->required_missing++;
        }
    }
    free(buf);
    free(keys);
    return map->required_missing;
}

int msc_profile_covers(const struct msc_profile *p, enum msc_file file)
{
    for (int f = 0; f < msc_field_count[file]; f++)
        if (p->headers[file][f])
            return 1;
    return 0;
}

const struct msc_profile *msc_profile_detect(enum msc_file file, const char *const *headers,
                                             size_t n, const struct msc_profile **best)
{
    const struct msc_profile *pick = NULL, *closest = NULL;
    int pick_found = -1, closest_score = -1;
    for (int i = 0; msc_profiles[i]; i++) {
        struct msc_header_map map;
        int missing = msc_profile_map_header(msc_profiles[i], file, headers, n, &map);
        if (missing < 0) {
            if (best)
                *best = NULL;
            return NULL;
        }
        int score = map.found - 4 * missing;
        if (!closest || score > closest_score) {
            closest = msc_profiles[i];
            closest_score = score;
        }
        if (!missing && map.found > pick_found) {
            pick = msc_profiles[i];
            pick_found = map.found;
        }
    }
    if (best)
        *best = pick ? pick : closest;
    return pick;
}

/* A map file's profile owns its strings. */
struct map_profile {
    struct msc_profile p;
    struct msc_arena arena;
    char msg[256];
};

static int file_of_section(const char *section)
{
    static const char *const sections[MSC_FILE_COUNT] = {"tickets", "time_entries", "surveys",
                                                         "clients", "resources"};
    for (int f = 0; f < MSC_FILE_COUNT; f++)
        if (strcmp(section, sections[f]) == 0)
            return f;
    return -1;
}

static int on_map_key(void *user, const char *section, const char *name, const char *value)
{
    struct map_profile *mp = user;
    if (mp->msg[0])
        return 0;
    char *copy = msc_arena_strdup(&mp->arena, value);
    if (!copy) {
        snprintf(mp->msg, sizeof mp->msg, "out of memory");
        return 0;
    }
    int file = file_of_section(section);
    if (file >= 0) {
        for (int f = 0; f < msc_field_count[file]; f++)
            if (strcmp(msc_field_names[file][f], name) == 0) {
                /* "A | B" in the file: aliases are '|'-separated, spaces ignored by matching. */
                mp->p.headers[file][f] = copy;
                return 1;
            }
        snprintf(mp->msg, sizeof mp->msg, "unknown field '%s' in [%s]", name, section);
        return 0;
    }
    if (strcmp(section, "values") != 0) {
        snprintf(mp->msg, sizeof mp->msg, "unknown section [%s] (tickets, time_entries, surveys, "
                                          "clients, resources, values)", section);
        return 0;
    }
    if (strcmp(name, "base") == 0) {
        const struct msc_profile *base = msc_profile_find(value);
        if (!base) {
            snprintf(mp->msg, sizeof mp->msg, "base: unknown profile '%s'", value);
            return 0;
        }
        for (int f = 0; f < MSC_FILE_COUNT; f++)
            for (int k = 0; k < msc_field_count[f]; k++)
                if (!mp->p.headers[f][k])
                    mp->p.headers[f][k] = base->headers[f][k];
        mp->p.true_words = base->true_words;
        mp->p.false_words = base->false_words;
        mp->p.none_words = base->none_words;
        mp->p.empty_words = base->empty_words;
        mp->p.date_order = base->date_order;
        mp->p.default_order = base->default_order;
        mp->p.survey_scale_min = base->survey_scale_min;
        mp->p.survey_scale_max = base->survey_scale_max;
        return 1;
    }
    if (strcmp(name, "date_order") == 0) {
        static const char *const orders[] = {"mdy", "dmy", "ymd"};
        for (int i = 0; i < 3; i++)
            if (strcmp(value, orders[i]) == 0) {
                mp->p.date_order = i + 1;
                return 1;
            }
        snprintf(mp->msg, sizeof mp->msg, "date_order: '%s' is not mdy, dmy or ymd", value);
        return 0;
    }
    const char **words = !strcmp(name, "true_words") ? &mp->p.true_words
                         : !strcmp(name, "false_words") ? &mp->p.false_words
                         : !strcmp(name, "none_words") ? &mp->p.none_words
                         : !strcmp(name, "empty_words") ? &mp->p.empty_words : NULL;
    if (words) {
        for (char *c = copy; *c; c++)
            *c = (char)(*c >= 'A' && *c <= 'Z' ? *c - 'A' + 'a' : *c);
        *words = copy;
        return 1;
    }
    double *num = !strcmp(name, "survey_scale_min") ? &mp->p.survey_scale_min
                  : !strcmp(name, "survey_scale_max") ? &mp->p.survey_scale_max : NULL;
    if (num) {
        if (msc_parse_number(value, 0, num) != MSC_FIELD_OK) {
            snprintf(mp->msg, sizeof mp->msg, "%s: '%s' is not a number", name, value);
            return 0;
        }
        return 1;
    }
    snprintf(mp->msg, sizeof mp->msg, "unknown key '%s' in [values]", name);
    return 0;
}

enum msc_status msc_profile_load_map(const char *path, struct msc_profile **out,
                                     struct msc_error *err)
{
    struct map_profile *mp = msc_calloc(1, sizeof *mp);
    if (!mp)
        return msc_error_set(err, MSC_ERR_NOMEM, "out of memory");
    msc_arena_init(&mp->arena);
    mp->p.name = "map";
    mp->p.survey_scale_max = 10;
    int rc = msc_ini_parse_file(path, on_map_key, mp, NULL);
    enum msc_status st = MSC_OK;
    if (rc == -1)
        st = msc_error_set(err, MSC_ERR_USAGE, "%s: cannot open map file", path);
    else if (rc == -3)
        st = msc_error_set(err, MSC_ERR_USAGE, "%s: not a map file (a folder?)", path);
    else if (rc == -2)
        st = msc_error_set(err, MSC_ERR_NOMEM, "%s: out of memory", path);
    else if (rc > 0)
        st = msc_error_set(err, MSC_ERR_USAGE, "%s:%d: %s", path, rc,
                           mp->msg[0] ? mp->msg : "syntax error (expected key = value or [section])");
    else if (!(mp->p.survey_scale_max > mp->p.survey_scale_min))
        st = msc_error_set(err, MSC_ERR_USAGE, "%s: survey_scale_max must be above survey_scale_min", path);
    if (st != MSC_OK) {
        msc_profile_free(&mp->p);
        return st;
    }
    *out = &mp->p;
    return MSC_OK;
}

void msc_profile_free(struct msc_profile *p)
{
    if (!p)
        return;
    struct map_profile *mp = (struct map_profile *)p;
    msc_arena_release(&mp->arena);
    free(mp);
}
