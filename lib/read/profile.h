/*
 * profile.h: what a PSA's export calls things.
 *
 * A profile is data, not code: for each input file, the header names that
 * fill each canonical field (data-model.md), and the value conventions of
 * that PSA (extra true/false words such as HaloPSA's SLA states I/O/E or
 * ConnectWise's billableOption, the survey scale). Built-in profiles are
 * generic, autotask, connectwise and halopsa (psa-profiles.md); a map file
 * (msc_profile_load_map) describes any other export.
 *
 * Header names match ignoring case, spaces, _ # ( ) / . and -. An alias
 * ending in "@min" holds minutes (hours = value / 60). Where several aliases
 * of one field are present, the one listed first wins. Every profile also
 * reads each field under its canonical name, after its own names, so that
 * a hand-fixed export with one PSA header left in it loses no field.
 *
 *     const struct msc_profile *p = msc_profile_find("autotask");
 *     struct msc_header_map map;
 *     msc_profile_map_header(p, MSC_FILE_TICKETS, headers, n, &map);
 */
#ifndef MSC_READ_PROFILE_H
#define MSC_READ_PROFILE_H

#include <stddef.h>

#include "util/error.h"

enum msc_file {
    MSC_FILE_TICKETS = 0, MSC_FILE_TIME, MSC_FILE_SURVEYS, MSC_FILE_CLIENTS, MSC_FILE_RESOURCES,
    MSC_FILE_COUNT
};

/* The canonical file name of each kind ("tickets.csv", ...). */
extern const char *const msc_file_names[MSC_FILE_COUNT];

/* Canonical fields of each file, in the order of the name tables below.
 * Every field of data-model.md is one, so that a map may name any of them;
 * those no KPI reads yet (title, queue, agreement, email ...) are mapped
 * and reported as found, and otherwise left alone. */
enum { MSC_T_ID, MSC_T_NUMBER, MSC_T_CREATED, MSC_T_CLIENT, MSC_T_TYPE, MSC_T_RESOURCE,
       MSC_T_FR_DUE, MSC_T_FR, MSC_T_RP_DUE, MSC_T_RP, MSC_T_RES_DUE, MSC_T_RES, MSC_T_COMPLETED,
       MSC_T_ESTIMATE, MSC_T_ESCALATIONS, MSC_T_REOPENS, MSC_T_FR_MET, MSC_T_RP_MET, MSC_T_RES_MET,
       MSC_T_SLA_EXCLUDED, MSC_T_TITLE, MSC_T_QUEUE, MSC_T_PRIORITY, MSC_T_STATUS, MSC_T_COUNT };
enum { MSC_E_TICKET, MSC_E_RESOURCE, MSC_E_START, MSC_E_END, MSC_E_DATE, MSC_E_HOURS,
       MSC_E_BILLED, MSC_E_BILLABLE, MSC_E_NON_BILLABLE, MSC_E_TYPE, MSC_E_CLIENT, MSC_E_ENTERED,
       MSC_E_ID, MSC_E_COUNT };
enum { MSC_S_TICKET, MSC_S_RESOURCE, MSC_S_CLIENT, MSC_S_RECEIVED, MSC_S_SCORE, MSC_S_SCALE,
       MSC_S_ID, MSC_S_COUNT };
enum { MSC_C_CLIENT, MSC_C_ENDPOINTS, MSC_C_REVENUE, MSC_C_MONTH, MSC_C_AGREEMENT, MSC_C_INCLUDED,
       MSC_C_COUNT };
enum { MSC_R_RESOURCE, MSC_R_WEEKLY, MSC_R_COST, MSC_R_START, MSC_R_END, MSC_R_INCLUDE,
       MSC_R_TEAM, MSC_R_EMAIL, MSC_R_PAY, MSC_R_COUNT };

#define MSC_MAX_FIELDS 24

extern const char *const *const msc_field_names[MSC_FILE_COUNT]; /* NULL-terminated */
extern const int msc_field_count[MSC_FILE_COUNT];

struct msc_profile {
    const char *name;
    /* Per file, per canonical field: '|'-separated header names, or NULL. */
    const char *headers[MSC_FILE_COUNT][MSC_MAX_FIELDS];
    /* Extra value words, folded, '|'-separated: read as true / false /
     * missing in boolean and SLA-flag fields. */
    const char *true_words, *false_words, *none_words;
    const char *empty_words;         /* cells that mean "no value" (ServiceNow's "?") */
    int date_order;                  /* 0: the settings' order; else 1 + enum msc_date_order */
    /* The day/month order of a file whose dates read both ways (none
     * needs one order): MSC_DATE_MDY or MSC_DATE_DMY. */
    int default_order;
    double survey_scale_min, survey_scale_max;
};

struct msc_header_map {
    int col[MSC_MAX_FIELDS];         /* field -> column, -1 absent */
    unsigned char minutes[MSC_MAX_FIELDS]; /* the column holds minutes */
    int passed_over[MSC_MAX_FIELDS]; /* a later alias also present (not used), or -1 */
    int found, required_missing;     /* fields mapped; required ones missing */
    const char *missing;             /* the first missing required field (alternatives joined by |) */
};

const struct msc_profile *msc_profile_find(const char *name);
/* The built-in profiles, generic first; NULL-terminated. */
extern const struct msc_profile *const msc_profiles[];

/* Maps a header row for one file; returns map->required_missing, or -1 when
 * out of memory. */
int msc_profile_map_header(const struct msc_profile *p, enum msc_file file,
                           const char *const *headers, size_t n, struct msc_header_map *map);

/* Whether the profile describes this file at all (PSA profiles say nothing
 * of the MSP's own clients.csv and resources.csv). */
int msc_profile_covers(const struct msc_profile *p, enum msc_file file);

/* The profile that recognises the most fields of this header row among
 * those that find every required column; NULL when none does (then *best
 * is the closest one, for the message; NULL too when out of memory). */
const struct msc_profile *msc_profile_detect(enum msc_file file, const char *const *headers,
                                             size_t n, const struct msc_profile **best);

/* A map file: INI, a section per input file ([tickets], [time_entries],
 * [surveys], [clients], [resources]) mapping canonical fields to header
 * names ("created = Opened At | Created"), and a [values] section
 * (true_words, false_words, none_words, empty_words, date_order,
 * survey_scale_min, survey_scale_max); "base = autotask" in [values] starts
 * from a built-in profile. The result is heap-allocated: free with msc_profile_free.
 * Errors: MSC_ERR_USAGE naming the file, line and key. */
enum msc_status msc_profile_load_map(const char *path, struct msc_profile **out,
                                     struct msc_error *err);
void msc_profile_free(struct msc_profile *p);

/* Header matching form: lower case without spaces, _ # ( ) / . and -. */
void msc_header_key(const char *s, char *out, size_t cap);

#endif
