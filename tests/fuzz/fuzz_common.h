/* fuzz_common.h: what the libFuzzer harnesses share: a scratch folder per
 * process (removed at exit), small valid input files to stand beside the
 * fuzzed one, and one whole run with its CSV and JSON tables written to
 * /dev/null. Header-only: each harness is one translation unit. */
#ifndef MSC_FUZZ_COMMON_H
#define MSC_FUZZ_COMMON_H

#include "read/profile.h"
#include "run.h"
#include "write/table.h"
#include "write/xlsx.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* A small consistent MSP, after tests/data/spec/tiny. */
static const char fz_tickets[] =
    "ticket_id,created,client,ticket_type,resource,first_response_due,first_response,"
    "resolved_due,resolved,completed,estimated_hours,escalations,reopens\n"
    "T1,2026-03-02 09:00,Contoso Ltd,Incident,Alice Ng,2026-03-02 09:30,2026-03-02 09:10,"
    "2026-03-02 17:00,2026-03-02 12:00,2026-03-03 09:00,2,0,0\n"
    "T2,2026-03-05 10:00,Contoso Ltd,Service Request,Alice Ng,2026-03-05 11:00,,"
    "2026-03-06 10:00,2026-03-06 09:00,,,1,0\n"
    "T3,2026-03-20 08:00,Fabrikam Inc,Change Request,Bob Reyes,,,,2026-03-23 16:00,"
    "2026-03-24 08:00,4,0,1\n";
static const char fz_time_entries[] =
    "entry_id,ticket_id,resource,start,end,date_worked,hours_worked,billable,work_type,client,entered\n"
    "E1,T1,Alice Ng,2026-03-02 09:10,2026-03-02 10:40,,1.5,false,Regular,,2026-03-02 10:50\n"
    "E2,T2,Alice Ng,2026-03-05 11:30,,,1,true,Regular,,2026-03-05 13:30\n"
    "E3,T3,Bob Reyes,2026-03-20 09:00,2026-03-20 12:00,,,true,Regular,,\n"
    "E4,,Alice Ng,,,2026-03-10,8,false,PTO,,\n"
    "E5,,Bob Reyes,2026-03-18 10:00,,,2,true,Regular,Fabrikam Inc,2026-03-18 12:10\n";
static const char fz_surveys[] =
    "survey_id,ticket_id,resource,client,received,score,scale_max\n"
    "S1,T1,,,2026-03-03 10:00,9,10\n"
    "S2,T2,Alice Ng,Contoso Ltd,2026-03-07 12:00,neutral,\n"
    "S3,T3,,,2026-03-25 09:00,4,5\n";
static const char fz_clients[] =
    "client,endpoints,monthly_revenue,agreement,month\n"
    "Contoso Ltd,60,6000,fixed-fee,\n"
    "Fabrikam Inc,10,1000,T&M,2026-03\n"
    "Fabrikam Inc,12,1200,T&M,\n";
static const char fz_resources[] =
    "resource,weekly_hours,hourly_cost,team,start_date,end_date,include\n"
    "Alice Ng,40,50,Help Desk,,,true\n"
    "Bob Reyes,20,40,Field,2026-03-16,,true\n";

static const char *const fz_valid[MSC_FILE_COUNT] = {fz_tickets, fz_time_entries, fz_surveys,
                                                     fz_clients, fz_resources};

static char fz_dir[96];
static char *fz_tz; /* TZ as it was, so a fuzzed timezone setting does not stick */

static void fz_path(char *buf, size_t cap, const char *name)
{
    snprintf(buf, cap, "%s/%s", fz_dir, name);
}

static void fz_cleanup(void)
{
    static const char *const extra[] = {"settings.ini", "map.ini", "report.xlsx"};
    char path[160];
    for (int f = 0; f < MSC_FILE_COUNT; f++) {
        fz_path(path, sizeof path, msc_file_names[f]);
        unlink(path);
    }
    for (size_t i = 0; i < sizeof extra / sizeof extra[0]; i++) {
        fz_path(path, sizeof path, extra[i]);
        unlink(path);
    }
    rmdir(fz_dir);
}

/* The scratch folder, made on first use. */
static const char *fz_init(const char *harness)
{
    if (!fz_dir[0]) {
        const char *tmp = getenv("TMPDIR");
        snprintf(fz_dir, sizeof fz_dir, "%s/msc-%s-%d", tmp && *tmp ? tmp : "/tmp", harness,
                 (int)getpid());
        mkdir(fz_dir, 0700);
        const char *tz = getenv("TZ");
        fz_tz = tz ? strdup(tz) : NULL;
        atexit(fz_cleanup);
    }
    return fz_dir;
}

static void fz_put(const char *name, const void *data, size_t size)
{
    char path[160];
    fz_path(path, sizeof path, name);
    FILE *f = fopen(path, "wb");
    if (!f)
        abort(); /* the harness itself is broken, not the program */
    if (size && fwrite(data, 1, size, f) != size)
        abort();
    if (fclose(f) != 0)
        abort();
}

/* Writes the small valid set, except the kinds whose bit is set in skip. */
static void fz_put_valid(unsigned skip)
{
    for (int f = 0; f < MSC_FILE_COUNT; f++)
        if (!(skip & (1u << f)))
            fz_put(msc_file_names[f], fz_valid[f], strlen(fz_valid[f]));
}

static void fz_restore_tz(void)
{
    const char *tz = getenv("TZ");
    if ((tz == NULL) != (fz_tz == NULL) || (tz && strcmp(tz, fz_tz) != 0)) {
        if (fz_tz)
            setenv("TZ", fz_tz, 1);
        else
            unsetenv("TZ");
        tzset();
    }
}

/* One whole run over the scratch folder: read, compute, and write the
 * tables (and, when asked, the workbook) the way the program does. */
static void fz_run(struct msc_run *run, struct msc_run_opts *o, int xlsx)
{
    static FILE *devnull;
    struct msc_error err = {0};
    if (!devnull && !(devnull = fopen("/dev/null", "w")))
        abort();
    o->dir = fz_dir;
    if (msc_run_execute(run, o, &err) == MSC_OK) {
        msc_write_csv(devnull, &run->report);
        msc_write_json(devnull, &run->report);
        if (xlsx) {
            char path[160];
            struct msc_xlsx_opts xo = {"fuzz", run->model.as_of};
            fz_path(path, sizeof path, "report.xlsx");
            msc_write_xlsx(path, &run->report, &xo, &err);
        }
    }
    fz_restore_tz();
}

/* For the harnesses whose input is one INI file beside the small valid
 * set: writes the set once, then the input as name; its path goes to path. */
static void fz_put_ini(const char *harness, const char *name, const uint8_t *data, size_t size,
                       char *path, size_t cap)
{
    static int ready;
    fz_init(harness);
    if (!ready) {
        fz_put_valid(0);
        ready = 1;
    }
    fz_put(name, data, size);
    fz_path(path, cap, name);
}

#endif
