/* test_nomem.c: make the Nth allocation fail, for N = 0, 1, 2 ... until a
 * run succeeds, so that every cleanup path runs: each run must end in
 * MSC_OK or MSC_ERR_NOMEM with its message, never crash or leak (ASan's
 * leak checker runs this in the sanitizer build). */
#include "check.h"
#include "run.h"
#include "util/mem.h"

#include <math.h>
#include <string.h>

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: test_nomem DATADIR\n");
        return 2;
    }
    long n;
    for (n = 0; n < 100000; n++) {
        struct msc_run run;
        struct msc_run_opts o;
        struct msc_error err = {0};
        msc_run_opts_init(&o);
        o.dir = argv[1];
        o.month = 2026 * 12 + 2;
        o.months = 1;
        msc_mem_fail_after(n);
        msc_run_init(&run);
        enum msc_status st = msc_run_execute(&run, &o, &err);
        msc_run_release(&run);
        msc_mem_fail_after(-1);
        CHECK(st == MSC_OK || (st == MSC_ERR_NOMEM && strstr(err.msg, "out of memory")));
        if (!(st == MSC_OK || (st == MSC_ERR_NOMEM && strstr(err.msg, "out of memory"))))
            fprintf(stderr, "  n=%ld st=%d msg=%s\n", n, (int)st, err.msg);
        if (st == MSC_OK)
            break;
    }
    printf("nomem: a run needs %ld allocations; every failure before that was handled\n", n);
    CHECK(n > 10 && n < 100000);
    return check_report("nomem");
}
