/*
 * books.h: the workbooks written one a person or client, each through
 * write/output.h, so a failure never leaves half a file nor clobbers last
 * month's:
 * - each technician's own (--per-tech DIR): their Coach sheet alone, with
 *   the team's figures only where 3 or more technicians have one
 *   (output.md "Coaching", Privacy), as DIR/<tech>-LABEL.xlsx, the name
 *   following the Coach sheet names' rule (msc_coach_safe_name);
 * - each client's review (--client NAME, --per-client DIR), as
 *   DIR/review-<slug>-LABEL.xlsx, the slug keeping ASCII letters, digits,
 *   '.', '_' and '-' of the client's name and making anything else a '-'.
 * File names are unique in their folder, case-blind as a macOS or Windows
 * folder sees them: a later twin gets " (2)" (technicians) or "-2"
 * (clients) ... The work per file does not grow with the number of files.
 */
#ifndef MSC_WRITE_BOOKS_H
#define MSC_WRITE_BOOKS_H

#include "report/coach.h"
#include "util/error.h"
#include "write/xlsx.h"

/* Writes one workbook per technician of c into dir (made when missing);
 * o gives the version and document time (its coach and own are set
 * here). On MSC_OK, *paths (when not NULL) is an array parallel to
 * c->tech of the files written, freed with msc_books_free. Errors:
 * MSC_ERR_OUTPUT naming the file, MSC_ERR_NOMEM. */
enum msc_status msc_write_per_tech(const char *dir, const struct msc_coach *c,
                                   const struct msc_xlsx_opts *o, char ***paths,
                                   struct msc_error *err);

/* Writes the review of each client whose active[id] is set (model client
 * ids, in id order) into dir (made when missing), or with dir NULL the one
 * active client's to path. *paths (when not NULL) holds the *npaths
 * files written, also when a later one failed, freed with msc_books_free.
 * Errors: those of msc_write_per_tech. */
enum msc_status msc_write_reviews(const char *dir, const char *path, const struct msc_report *r,
                                  const unsigned char *active, const struct msc_xlsx_opts *o,
                                  char ***paths, size_t *npaths, struct msc_error *err);

void msc_books_free(char **paths, size_t n);

/* Writes the workbook (with review_client >= 0, that client's review) to
 * path through a temporary file renamed into place (write/output.h).
 * Errors: those of msc_output_begin and msc_write_xlsx. */
enum msc_status msc_write_xlsx_file(const char *path, const struct msc_report *r, int review_client,
                                    const struct msc_xlsx_opts *o, struct msc_error *err);

#endif
