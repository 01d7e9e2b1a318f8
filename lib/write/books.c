/* books.c: one workbook a technician or client, each through the safe output. */
#include "write/books.h"
#include "util/mem.h"
#include "util/strset.h"
#include "write/output.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

enum msc_status msc_write_xlsx_file(const char *path, const struct msc_report *r, int review_client,
                                    const struct msc_xlsx_opts *o, struct msc_error *err)
{
    struct msc_output out;
    enum msc_status st = msc_output_begin(&out, path, err);
    if (st != MSC_OK)
        return st;
    struct msc_xlsx_opts xo = *o;
    xo.name = path;
    xo.tmpdir = out.tmp_dir;
    st = review_client >= 0 ? msc_write_review_xlsx(out.tmp_path, r, review_client, &xo, err)
                            : msc_write_xlsx(out.tmp_path, r, &xo, err);
    if (st != MSC_OK) {
        msc_output_abort(&out);
        return st;
    }
    return msc_output_commit(&out, err);
}

void msc_books_free(char **paths, size_t n)
{
    for (size_t i = 0; paths && i < n; i++)
        free(paths[i]);
    free(paths);
}

/* The folder, made when missing (dir NULL: the current one, as it is). */
static enum msc_status make_dir(const char *dir, struct msc_error *err)
{
    if (dir && mkdir(dir, 0777) != 0 && errno != EEXIST)
        return msc_error_set(err, MSC_ERR_OUTPUT, "%s: cannot make the folder: %s", dir,
                             strerror(errno));
    return MSC_OK;
}

/* "-LABEL.xlsx" of the report's last period, how every name here ends. */
static void file_label(const struct msc_model *m, char label[32])
{
    label[0] = '-';
    msc_period_label(m->period_kind, m->last_period, label + 1);
    strcat(label, ".xlsx");
}

/* dir/<base><label>, or with that name taken in the folder (taken: the
 * names made so far) dir/<base><twin n><label> for the first free n from
 * 2; NULL when out of memory. */
static char *unique_path(struct msc_strset *taken, const char *dir, const char *base,
                         const char *twin, const char *label)
{
    size_t dirlen = dir ? strlen(dir) : 0;
    const char *sep = dirlen && dir[dirlen - 1] != '/' ? "/" : "";
    size_t cap = dirlen + strlen(base) + strlen(twin) + strlen(label) + 32;
    char *path = msc_malloc(cap), *name;
    if (!path)
        return NULL;
    int at = snprintf(path, cap, "%s%s", dir ? dir : "", sep);
    name = path + at;
    snprintf(name, cap - (size_t)at, "%s%s", base, label);
    for (int n = 2; msc_strset_has(taken, name); n++) {
        int k = snprintf(name, cap - (size_t)at, "%s", base);
        k += snprintf(name + k, cap - (size_t)(at + k), twin, n);
        snprintf(name + k, cap - (size_t)(at + k), "%s", label);
    }
    if (msc_strset_add(taken, name) < 0) {
        free(path);
        return NULL;
    }
    return path;
}

enum msc_status msc_write_per_tech(const char *dir, const struct msc_coach *c,
                                   const struct msc_xlsx_opts *o, char ***paths,
                                   struct msc_error *err)
{
    const struct msc_model *m = c->r->model;
    char label[32];
    file_label(m, label);
    enum msc_status st = make_dir(dir, err);
    char(*sheet)[32] = NULL;
    if (st != MSC_OK || (st = msc_xlsx_coach_names(c->r, c, &sheet, err)) != MSC_OK)
        return st;
    char **out = msc_calloc(c->ntech ? c->ntech : 1, sizeof *out);
    struct msc_strset taken;
    msc_strset_init(&taken);
    if (!out)
        st = msc_error_set(err, MSC_ERR_NOMEM, "out of memory");
    for (size_t i = 0; i < c->ntech && st == MSC_OK; i++) {
        char base[32];
        msc_coach_safe_name(msc_names_display(&m->people, c->tech[i].person), base, sizeof base);
        if (!(out[i] = unique_path(&taken, dir, base, " (%d)", label))) {
            st = msc_error_set(err, MSC_ERR_NOMEM, "out of memory");
            break;
        }
        struct msc_xlsx_opts xo = *o;
        xo.coach = c;
        xo.own = &c->tech[i];
        xo.own_sheet = sheet[i];
        st = msc_write_xlsx_file(out[i], c->r, -1, &xo, err);
    }
    free(sheet);
    msc_strset_release(&taken);
    if (st != MSC_OK || !paths)
        msc_books_free(out, c->ntech);
    else
        *paths = out;
    return st;
}

/* A client's name as a file name's part: ASCII letters, digits, '.', '_'
 * and '-', anything else a '-' (never a '/' or a leading '.'). */
static void slug(const char *name, char *buf, size_t cap)
{
    size_t n = 0;
    for (const char *p = name; *p && n + 1 < cap; p++) {
        char ch = *p;
        int keep = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
                   ((ch == '.' || ch == '_') && n > 0) || ch == '-';
        if (keep)
            buf[n++] = ch;
        else if (n > 0 && buf[n - 1] != '-')
            buf[n++] = '-';
    }
    while (n > 0 && buf[n - 1] == '-')
        n--;
    if (n == 0)
        n = (size_t)snprintf(buf, cap, "client");
    buf[n] = '\0';
}

enum msc_status msc_write_reviews(const char *dir, const char *path, const struct msc_report *r,
                                  const unsigned char *active, const struct msc_xlsx_opts *o,
                                  char ***paths, size_t *npaths, struct msc_error *err)
{
    const struct msc_model *m = r->model;
    size_t n = msc_names_count(&m->clients), nout = 0;
    char label[32];
    file_label(m, label);
    enum msc_status st = make_dir(dir, err);
    if (st != MSC_OK)
        return st;
    char **out = msc_calloc(n ? n : 1, sizeof *out);
    struct msc_strset taken;
    msc_strset_init(&taken);
    if (!out)
        st = msc_error_set(err, MSC_ERR_NOMEM, "out of memory");
    for (size_t id = 0; id < n && st == MSC_OK; id++) {
        if (!active[id])
            continue;
        char base[7 + 112] = "review-";
        slug(msc_names_display(&m->clients, (int)id), base + 7, sizeof base - 7);
        out[nout] = path ? msc_strdup(path) : unique_path(&taken, dir, base, "-%d", label);
        if (!out[nout]) {
            st = msc_error_set(err, MSC_ERR_NOMEM, "out of memory");
            break;
        }
        if ((st = msc_write_xlsx_file(out[nout], r, (int)id, o, err)) == MSC_OK)
            nout++;
        else
            free(out[nout]);
    }
    msc_strset_release(&taken);
    if (paths) {
        *paths = out;
        *npaths = nout;
    } else {
        msc_books_free(out, nout);
    }
    return st;
}
