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
#include "util/schema.h"


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
