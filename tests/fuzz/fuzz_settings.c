/* fuzz_settings.c: libFuzzer harness: any bytes as a settings file (-c)
 * through msc_settings_load; a file it accepts then drives a whole run over
 * small valid input files, so that odd but accepted values (a zero
 * business day, a huge threshold, a time zone name, a long holiday list)
 * meet the KPI code too. Input: the bytes are the file. */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char path[160];
    fz_put_ini("settings", "settings.ini", data, size, path, sizeof path);

    struct msc_run run;
    struct msc_error err = {0};
    msc_run_init(&run);
    enum msc_status st = msc_settings_load(&run.settings, path, &err);
    if (st != MSC_OK && !err.msg[0])
        __builtin_trap(); /* every failure says why */
    if (st == MSC_OK) {
        struct msc_run_opts o;
        msc_run_opts_init(&o);
        o.month = 2026 * 12 + 2;
        o.months = 2;
        fz_run(&run, &o, 0);
    }
    msc_run_release(&run);
    return 0;
}
