/* pertech.c: one workbook per technician, each through the safe output. */
#include "write/pertech.h"
#include "util/mem.h"
#include "write/output.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

enum msc_status msc_write_xlsx_file(const char *path, const struct msc_report *r,
                                    const struct msc_xlsx_opts *o, struct msc_error *err)
{
    struct msc_output out;
    enum msc_status st = msc_output_begin(&out, path, err);
    if (st != MSC_OK)
        return st;
    struct msc_xlsx_opts xo = *o;
    xo.name = path;
    xo.tmpdir = out.tmp_dir;
    if ((st = msc_write_xlsx(out.tmp_path, r, &xo, err)) != MSC_OK) {
        msc_output_abort(&out);
        return st;
    }
    return msc_output_commit(&out, err);
}

void msc_per_tech_free(char **paths, size_t n)
{
    for (size_t i = 0; paths && i < n; i++)
        free(paths[i]);
    free(paths);
}

/* Whether a name is among the first n written (case-blind: a folder on
 * macOS or Windows would take "Ann" and "ANN" for one file). */
static int taken(char **paths, size_t n, const char *path)
{
    for (size_t i = 0; i < n; i++)
        if (strcasecmp(paths[i], path) == 0)
            return 1;
    return 0;
}

enum msc_status msc_write_per_tech(const char *dir, const struct msc_coach *c,
                                   const struct msc_xlsx_opts *o, char ***paths,
                                   struct msc_error *err)
{
    const struct msc_model *m = c->r->model;
    char label[24];
    msc_period_label(m->period_kind, m->last_period, label);
    if (mkdir(dir, 0777) != 0 && errno != EEXIST)
        return msc_error_set(err, MSC_ERR_OUTPUT, "%s: cannot make the folder: %s", dir,
                             strerror(errno));
    char(*sheet)[32] = NULL;
    enum msc_status st = msc_xlsx_coach_names(c->r, c, &sheet, err);
    if (st != MSC_OK)
        return st;
    char **out = msc_calloc(c->ntech ? c->ntech : 1, sizeof *out);
    if (!out) {
        free(sheet);
        return msc_error_set(err, MSC_ERR_NOMEM, "out of memory");
    }
    size_t dirlen = strlen(dir);
    for (size_t i = 0; i < c->ntech && st == MSC_OK; i++) {
        char base[32];
        msc_coach_safe_name(msc_names_display(&m->people, c->tech[i].person), base, sizeof base);
        size_t cap = dirlen + sizeof base + sizeof label + 32;
        if (!(out[i] = msc_malloc(cap))) {
            st = msc_error_set(err, MSC_ERR_NOMEM, "out of memory");
            break;
        }
        const char *sep = dirlen && dir[dirlen - 1] == '/' ? "" : "/";
        snprintf(out[i], cap, "%s%s%s-%s.xlsx", dir, sep, base, label);
        for (int n = 2; taken(out, i, out[i]); n++)
            snprintf(out[i], cap, "%s%s%s (%d)-%s.xlsx", dir, sep, base, n, label);
        struct msc_xlsx_opts xo = *o;
        xo.coach = c;
        xo.own = &c->tech[i];
        xo.own_sheet = sheet[i];
        st = msc_write_xlsx_file(out[i], c->r, &xo, err);
    }
    free(sheet);
    if (st != MSC_OK || !paths)
        msc_per_tech_free(out, c->ntech);
    else
        *paths = out;
    return st;
}
