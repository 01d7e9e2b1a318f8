/* test_prepared.c: a run whose files are cut into chunks of a few hundred
 * bytes, so that the parser threads prepare nearly every row (the dates,
 * read/csvread.h "prepare"), reports exactly what the run with the usual
 * 128 KiB chunks does, where the test files fit the first chunk and no row
 * is prepared: every row of the KPI table and the data-quality log. */
#include "check.h"
#include "read/csvread.h"
#include "read/profile.h"
#include "run.h"

#include <math.h>
#include <string.h>

struct outcome {
    struct msc_run run;
    enum msc_status st;
};

static void execute(struct outcome *o, const char *dir, const char *profile, size_t chunk)
{
    struct msc_run_opts opts;
    struct msc_error err = {0};
    msc_run_opts_init(&opts);
    opts.dir = dir;
    opts.month = 2026 * 12 + 9;
    opts.months = 12;
    opts.partial = 1;
    opts.profile = profile ? msc_profile_find(profile) : NULL;
    msc_csv_set_chunk_bytes(chunk);
    msc_run_init(&o->run);
    o->st = msc_run_execute(&o->run, &opts, &err);
    msc_csv_set_chunk_bytes(0);
    if (o->st != MSC_OK)
        fprintf(stderr, "%s: %s\n", dir, err.msg);
}

static int same_number(double a, double b) { return (isnan(a) && isnan(b)) || a == b; }

static void compare(const char *dir, const char *profile)
{
    static struct outcome whole, cut;
    execute(&whole, dir, profile, 0);
    execute(&cut, dir, profile, 300);
    CHECK(whole.st == MSC_OK && cut.st == MSC_OK);
    const struct msc_report *a = &whole.run.report, *b = &cut.run.report;
    CHECK(a->count > 100 && a->count == b->count);
    int differ = 0;
    for (size_t i = 0; i < a->count && i < b->count; i++) {
        const struct msc_row *x = &a->rows[i], *y = &b->rows[i];
        differ += x->kpi != y->kpi || x->level != y->level || x->subject != y->subject ||
                  x->period != y->period || !same_number(x->num, y->num) ||
                  !same_number(x->den, y->den) || !same_number(x->value, y->value);
    }
    CHECK(differ == 0);
    const struct msc_dq *p = &whole.run.model.dq, *q = &cut.run.model.dq;
    CHECK(p->count == q->count);
    for (size_t i = 0; i < p->count && i < q->count; i++)
        CHECK(p->items[i].line == q->items[i].line && strcmp(p->items[i].reason, q->items[i].reason) == 0);
    msc_run_release(&whole.run);
    msc_run_release(&cut.run);
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: test_prepared EXAMPLE_DIR DAY_FIRST_DIR\n");
        return 2;
    }
    compare(argv[1], NULL);
    compare(argv[2], NULL);
    return check_report("prepared");
}
