/*
 * pertech.h: each technician's own workbook (--per-tech DIR): their Coach
 * sheet alone, with the team's figures only where 3 or more technicians
 * have one (output.md "Coaching", Privacy), as DIR/<tech>-LABEL.xlsx.
 *
 * File names follow the Coach sheet names' rule (msc_coach_safe_name) and
 * are unique in the folder, case-blind, with " (2)" ...; every file is
 * written through write/output.h, so a failure never leaves half a file
 * nor clobbers last month's.
 */
#ifndef MSC_WRITE_PERTECH_H
#define MSC_WRITE_PERTECH_H

#include "report/coach.h"
#include "util/error.h"
#include "write/xlsx.h"

/* Writes one workbook per technician of c into dir (made when missing);
 * o gives the version and document time (its coach and own are set
 * here). On MSC_OK, *paths (when not NULL) is an array parallel to
 * c->tech of the files written, freed with msc_per_tech_free. Errors:
 * MSC_ERR_OUTPUT naming the file, MSC_ERR_NOMEM. */
enum msc_status msc_write_per_tech(const char *dir, const struct msc_coach *c,
                                   const struct msc_xlsx_opts *o, char ***paths,
                                   struct msc_error *err);
void msc_per_tech_free(char **paths, size_t n);

/* Writes the workbook to path through a temporary file renamed into place
 * (write/output.h). Errors: those of msc_output_begin and msc_write_xlsx. */
enum msc_status msc_write_xlsx_file(const char *path, const struct msc_report *r,
                                    const struct msc_xlsx_opts *o, struct msc_error *err);

#endif
