/* fuzz_tickets.c: libFuzzer harness: any bytes as tickets.csv and as
 * time_entries.csv through the whole run (reader, loader, KPIs, report). */
#include "run.h"
#include "util/mem.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char dir[64];

static void put(const char *name, const uint8_t *data, size_t size)
{
    char path[128];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    fwrite(data, 1, size, f);
    fclose(f);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!dir[0]) {
        snprintf(dir, sizeof dir, "/tmp/msc-fuzz-%d", (int)getpid());
        mkdir(dir, 0700);
    }
    /* The first half is the tickets file, the rest the time entries. */
    put("tickets.csv", data, size / 2);
    put("time_entries.csv", data + size / 2, size - size / 2);
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
