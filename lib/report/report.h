/*
 * report.h: the computed KPI table, independent of any output format.
 *
 * One row per (kpi, level, subject, period) that has a value, inside the
 * report's range, sorted as output.md says: by KPI id, level, subject and
 * period, byte order (the team's empty subject first). Writers read it and
 * compute nothing.
 */
#ifndef MSC_REPORT_REPORT_H
#define MSC_REPORT_REPORT_H

#include <stddef.h>
#include <stdint.h>

#include "kpi/registry.h"
#include "model/model.h"
#include "report/gate.h"

struct msc_row {
    int kpi;                    /* registry index */
    enum msc_level level;
    int subject;                /* person or client id; -1 for the team */
    int64_t period;
    double num, den;            /* NAN where the KPI is not a ratio */
    double value;
    double target;              /* NAN: no target */
    int met;                    /* 1, 0, or -1 without a target */
};

struct msc_report {
    const struct msc_model *model;
    struct msc_row *rows;
    size_t count, cap;
    double target[MSC_MAX_KPIS];
    double weight[MSC_MAX_KPIS];
    unsigned char selected[MSC_MAX_KPIS];
    /* Whether its inputs were read: a KPI whose file is missing has no
     * rows at all, never zeros (kpis.md "More cases, settled"). */
    unsigned char available[MSC_MAX_KPIS];
    /* The last period is not covered at its end and --partial asked for
     * the report anyway: every output says so. */
    int partial;
    struct msc_gate gate;
};

void msc_report_init(struct msc_report *r, const struct msc_model *m);
void msc_report_release(struct msc_report *r);

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
/* Whether value meets target (on the value rounded to 6 decimals; a tie meets). */
int msc_report_met(enum msc_better better, double value, double target);

#endif
