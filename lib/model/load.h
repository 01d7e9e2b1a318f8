/*
 * load.h: turn the five input files into the model, row by row.
 *
 * Each file is streamed once (read/csvread.h); its header row is matched to
 * the canonical fields of data-model.md. Unless the map or the settings fix
 * the day/month order, it is the one the file's own dates need
 * (read/dateorder.h reads them off the file before a row with a year-last
 * date is used; a pipe or stdin is first copied to a temporary file for
 * that), else the profile's default. Each row is either used or
 * rejected with a reason, and kept rows with doubtful values get warnings
 * (model/dq.h), following kpis.md's "Precise rules". Resources and clients
 * must be loaded before tickets, tickets before time entries and surveys.
 *
 * Time entries and surveys are not stored: each kept one is handed to the
 * sink as it streams by (after it was folded into its ticket's aggregates).
 *
 *     struct msc_load_sink sink = {ctx, on_entry, on_survey};
 *     st = msc_load_file(&model, MSC_FILE_TICKETS, "data/tickets.csv", NULL, &sink, &err);
 *
 * Errors: MSC_ERR_INPUT when the tickets file is missing, unreadable,
 * lacks a required column or needs both day/month orders (an optional file
 * with such a fault is marked skipped in model->file[] with a note, and
 * MSC_OK is returned, unless rows of it were used before its dates proved
 * mixed: then MSC_ERR_INPUT with model->file[which].refused_late set, and
 * only a load without the file can skip it, see run.h); MSC_ERR_NOMEM.
 */
#ifndef MSC_MODEL_LOAD_H
#define MSC_MODEL_LOAD_H

#include "model/model.h"
#include "read/profile.h"
#include "util/error.h"

struct msc_load_sink {
    void *ctx;
    void (*entry)(void *ctx, const struct msc_entry *e);
    void (*survey)(void *ctx, const struct msc_survey *s);
    /* Optional: called every MSC_PROGRESS_ROWS rows and at the end of a file. */
    void (*progress)(void *ctx, const char *path, long rows);
};

#define MSC_PROGRESS_ROWS 100000


/* profile: the one to read the file with, or NULL to recognise it from the
 * header row (read/profile.h). */
enum msc_status msc_load_file(struct msc_model *m, enum msc_file which, const char *path,
                              const struct msc_profile *profile, const struct msc_load_sink *sink,
                              struct msc_error *err);

#endif
