/*
 * output.h: write a report so that a failure never destroys the last one.
 *
 * The report is always written to a temporary file first. msc_output_commit
 * then renames it over the target (same folder, so the rename is atomic)
 * or, when the target is "-" (stdout), a pipe or a device, copies it there
 * directly: such a path is never renamed over. A symbolic link is written
 * through: the file it ends at is replaced, the link stays (a path under
 * /dev or /proc, such as /dev/stdout, is always written directly).
 * msc_output_abort removes the temporary file, leaving any previous report
 * untouched. Between begin and commit or abort, SIGTERM, SIGINT and SIGHUP
 * (unless ignored) remove the temporary file and then kill the process as
 * they would have.
 *
 *     struct msc_output out;
 *     if (msc_output_begin(&out, "report.xlsx", &err) != MSC_OK) ...
 *     write to out.tmp_path (or out.fp) ...
 *     st = ok ? msc_output_commit(&out, &err) : (msc_output_abort(&out), st);
 */
#ifndef MSC_WRITE_OUTPUT_H
#define MSC_WRITE_OUTPUT_H

#include <stdio.h>

#include "util/error.h"

struct msc_output {
    char *path;      /* the target as given */
    char *target;    /* path with its symbolic links followed */
    char *tmp_path;  /* where to write now */
    char *tmp_dir;   /* the folder of tmp_path */
    FILE *fp;        /* open on tmp_path for writers that stream */
    int direct;      /* copy to the target instead of renaming */
    int slot;        /* where the signal handler knows tmp_path, -1: nowhere */
};

/* Errors: MSC_ERR_OUTPUT naming the path. */
enum msc_status msc_output_begin(struct msc_output *o, const char *path, struct msc_error *err);
enum msc_status msc_output_commit(struct msc_output *o, struct msc_error *err);
void msc_output_abort(struct msc_output *o);

#endif
