/*
 * settings.h: every target, weight, threshold and list a run uses.
 *
 * msc_settings_init() fills the spec's defaults (kpis.md); msc_settings_load()
 * reads an INI file over them. Keys in [targets] and [weights] are KPI ids,
 * kept as written: which ids exist is known only once plugins are loaded,
 * so the report resolves them (report/report.h);
 * every other key may stand at the top of the file or in any other section
 * (sections only group). An unknown key or a bad value is an error naming
 * the file, line and key. examples/settings.ini lists every key.
 */
#ifndef MSC_MODEL_SETTINGS_H
#define MSC_MODEL_SETTINGS_H

#include "model/period.h"
#include "util/error.h"
#include "util/time.h"

/* One [targets] or [weights] line. */
struct msc_kpi_setting {
    char id[64];
    double value;
    char text[40];              /* the value as written, for messages */
    int weight;                 /* from [weights]; else [targets] */
    int percent;                /* written with a trailing % */
    int line;                   /* in the settings file, for messages */
};

/* The pooled bonus (kpis.md "Pooled bonus"): on when the settings have a
 * [bonus] section with a key in it. Lists are as written; "" is the default
 * (every agreement, every technician). goals is resolved by id in report/. */
#define MSC_BONUS_GOALS 16
enum msc_bonus_payout { MSC_PAYOUT_PER_GOAL = 0, MSC_PAYOUT_ALL_OR_NOTHING };
enum msc_bonus_split { MSC_SPLIT_HOURS = 0, MSC_SPLIT_EQUAL };
struct msc_bonus_settings {
    int on;
    double pool_share;
    char managed_agreements[512];
    char team[512];             /* '|'-separated team names */
    char goals[512];            /* comma-separated KPI ids, as written */
    char goal[MSC_BONUS_GOALS][64]; /* the same, split and trimmed */
    int ngoals;
    int goals_line;             /* in the settings file, for messages; 0: the default */
    int payout;                 /* #define MSC_BONUS_GOALS 16
enum msc_bonus_payout */
    int split;                  /* enum msc_bonus_split */
};

struct msc_settings {
    char msp_name[128];
    char mail_to[1024];         /* comma-separated; --mail-to replaces it */
    char mail_from[256];
    char mail_subject_prefix[128];
    char sendmail[512];         /* "": MSC_MAIL_SENDMAIL; $SENDMAIL wins */
    char timezone[64];
    int decimal_comma;          /* -1: decide per file by its delimiter */
    enum msc_date_order date_order; /* MSC_DATE_AUTO: inferred per file */
    char reactive_types[512];
    char non_client_work_types[512];
    char absence_work_types[256];
    struct msc_calendar calendar; /* holidays, business days and hours, mttr clock */
    double realtime_minutes;
    double long_entry_hours;
    int utilization_billable;   /* utilization_basis = billable */
    double positive_min, negative_max; /* survey bands, as score / scale_max */
    double survey_scale_max;    /* NAN: the profile's default */
    double default_hourly_cost;
    double tier_a, tier_b, tier_c;
    double amber_band;          /* "within 10%" */
    double coverage_slack_hours; /* kpis.md "Data coverage" */
    double max_rejected_share;  /* the data-quality gate */
    /* Coaching (output.md "Coaching"). */
    int coach_none;             /* coach_sheets = none */
    double min_sample;          /* fewer records behind a value: "low sample" */
    double tech_score_target;   /* a tech score on target, 0-100 */
    struct msc_bonus_settings bonus;
    char plugin_dir[512];       /* every *.so in it is a KPI plugin; "": none */
    char path[512];             /* the settings file read, for messages; "" */
    struct msc_kpi_setting *kpi; /* in file order; a later line wins */
    size_t nkpi, kpi_cap;
};

void msc_settings_init(struct msc_settings *s);
void msc_settings_release(struct msc_settings *s);
/* Errors: MSC_ERR_USAGE with "FILE:LINE: ..." naming the key. */
enum msc_status msc_settings_load(struct msc_settings *s, const char *path, struct msc_error *err);
/* Adds a holiday (day number); keeps the list sorted. -1 on no memory. */
int msc_settings_add_holiday(struct msc_settings *s, int64_t day);

#endif
