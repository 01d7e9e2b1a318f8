/*
 * report.h: the computed KPI table, independent of any output format.
 *
 * One row per (kpi, level, subject, period) that has a value, inside the
 * report's range, sorted as output.md says: by KPI id, level, subject and
 * period, byte order (the team's empty subject first). Beside the rows it
 * carries what writers need to know of each KPI (metadata, target, role,
 * why it has no value), so that writers format and never name a KPI id;
 * figures made from rows (changes, the Clients sheet's totals and tiers,
 * the mail's summary) are made here too (report/clients.h,
 * report/summary.h).
 */
#ifndef MSC_REPORT_REPORT_H
#define MSC_REPORT_REPORT_H

#include <stddef.h>
#include <stdint.h>

#include "kpi/registry.h"
#include "model/model.h"
#include "report/gate.h"

/* 48 bytes: a large run has over a million rows. */
struct msc_row {
    int64_t period;
    double num, den;            /* NAN where the KPI is not a ratio */
    double value;
    double target;              /* NAN: no target */
    int subject;                /* person or client id; -1 for the team */
    short kpi;                  /* registry index (< MSC_MAX_KPIS) */
    unsigned char level;        /* enum msc_level */
    signed char met;            /* 1, 0, or -1 without a target */
};

/* What a KPI is on the Scorecard. */
enum msc_kpi_role {
    MSC_ROLE_SCORE = 0,     /* the overall score (its module's is_score) */
    MSC_ROLE_SCORED,        /* a technician KPI counted in the score (weight > 0) */
    MSC_ROLE_SHOWN,         /* a technician KPI shown beside the score, not counted */
    MSC_ROLE_TEAM           /* team or client values only */
};

struct msc_report_kpi {
    const struct msc_kpi_module *mod; /* id, name, formula, unit, better, levels, value_only */
    double target;                    /* in force: the settings', else the module's; NAN: none */
    double weight;
    enum msc_kpi_role role;
    unsigned char selected;
    /* Whether its inputs were read: a KPI whose file is missing has no
     * rows at all, never zeros (kpis.md "More cases, settled"); why says
     * what is missing ("surveys.csv was not read"). */
    unsigned char available;
    char why[200];
};

struct msc_report {
    const struct msc_model *model;
    struct msc_row *rows;
    size_t count, cap;
    struct msc_report_kpi kpi[MSC_MAX_KPIS];
    size_t nkpis;
    int score;                  /* the score's index; -1 when there is none or it is
                                 * not selected */
    /* The last period is not covered at its end and --partial asked for
     * the report anyway: every output says so. */
    int partial;
    struct msc_gate gate;
    /* Sort keys, so that sorting and every lookup compare integers: each
     * KPI's place in byte order of ids, each level's, and each subject's
     * (people, clients) in byte order of display names. */
    int kpi_rank[MSC_MAX_KPIS];
    int level_rank[MSC_LEVELS];
    int *subject_rank[MSC_LEVELS];
    size_t nsubject_rank[MSC_LEVELS];
};

/* Each KPI's metadata with the settings' [targets] and [weights] resolved
 * over the module's defaults, every KPI selected and available. Errors:
 * MSC_ERR_USAGE naming the settings file, line and key, for an id that is
 * no KPI, or a percentage KPI's target written as a bare number above 2
 * (60 would be 6000%). */
enum msc_status msc_report_kpis(struct msc_report_kpi *out, const struct msc_kpis *kpis,
                                const struct msc_settings *s, struct msc_error *err);
/* Errors: those of msc_report_kpis. */
enum msc_status msc_report_init(struct msc_report *r, const struct msc_model *m,
                                const struct msc_kpis *kpis, struct msc_error *err);
void msc_report_release(struct msc_report *r);
/* The index of the KPI with this id, or -1. */
int msc_report_kpi_index(const struct msc_report *r, const char *id);
/* Only the KPIs of a comma-separated id list. Errors: MSC_ERR_USAGE. */
enum msc_status msc_report_select(struct msc_report *r, const char *list, struct msc_error *err);

/* Fills the rows from the modules' cells (cells[k] for registry index k),
 * leaving out KPIs that are not available and periods without data;
 * -1 on no memory. */
int msc_report_build(struct msc_report *r, struct msc_cells *const *cells);

/* Why a period is partial or empty, written into buf (at least 80 bytes):
 * "" when the data covers it, "the data ends 2026-11-14 09:00", "the data
 * starts ...", "the data runs ... to ...", or "no data: the data ends ..."
 * (or starts) for a period outside the data. */
const char *msc_report_coverage_note(const struct msc_report *r, int64_t period, char *buf);

const char *msc_report_level_name(enum msc_level level);
/* The subject's display name: "" for the team. */
const char *msc_report_subject(const struct msc_report *r, const struct msc_row *row);
/* The row for a cell, or NULL. */
const struct msc_row *msc_report_find(const struct msc_report *r, int kpi, enum msc_level level,
                                      int subject, int64_t period);
/* Sorts rows added by hand as msc_report_build does (tests); -1 on no
 * memory. */
int msc_report_sort(struct msc_report *r);
/* A KPI's value for a cell, NAN when the report has none. */
double msc_report_value(const struct msc_report *r, int kpi, enum msc_level level, int subject,
                        int64_t period);
/* to - from, to the tenth shown (so 0.02 is 0, never "up 0.0"); NAN
 * unless both are numbers. */
double msc_report_delta(double from, double to);
/* The change of a KPI's value from the period before to this one, as
 * msc_report_delta makes it: the Scorecard's and the summary's. */
double msc_report_change(const struct msc_report *r, int kpi, enum msc_level level, int subject,
                         int64_t period);
/* A value in its unit as the text outputs show it: "6.7%", "4.25 h". */
void msc_report_format_value(enum msc_unit unit, double v, char *buf, size_t cap);
/* A target for reading, as a person says it: "70%", "5 h", "0.25". */
void msc_report_format_target(enum msc_unit unit, double v, char *buf, size_t cap);
/* How many scorecard KPIs the team met in a period ("KPIs on target: N
 * of M"); *of gets how many have a team value and a target. */
int msc_report_on_target(const struct msc_report *r, int64_t period, int *of);
/* Whether value meets target (on the value rounded to 6 decimals; a tie meets). */
int msc_report_met(enum msc_better better, double value, double target);

#endif
