/* fuzz_tickets.c: libFuzzer harness: any bytes as tickets.csv (first half)
 * and time_entries.csv (second half) through the whole run (reader,
 * loader, KPIs, report). */
#include "fuzz_common.h"
#include "run.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *dir = fz_init("tickets");
    fz_put("tickets.csv", data, size / 2);
    fz_put("time_entries.csv", data + size / 2, size - size / 2);
    struct msc_run run;
    struct msc_run_opts o;
    struct msc_error err = {0};
    msc_run_opts_init(&o);
    o.dir = dir;
    o.month = 2026 * 12 + 2;
    msc_run_init(&run);
    msc_run_execute(&run, &o, &err);
    msc_run_release(&run);
    return 0;
}
